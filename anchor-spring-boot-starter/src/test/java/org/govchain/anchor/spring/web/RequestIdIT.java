package org.govchain.anchor.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govchain.anchor.spring.web.testapp.RequestIdTestApplication;
import org.govchain.anchor.web.requestid.RequestIds;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The request id filter in a real WebFlux application on a random port, its log lines captured. */
@WithPostgres
@ExtendWith(OutputCaptureExtension.class)
class RequestIdIT {

  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private static ConfigurableApplicationContext app;
  private static WebTestClient web;

  @BeforeAll
  static void start(PostgresServer.Database db) {
    app = RequestIdTestApplication.start(db);
    web =
        WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))
            .responseTimeout(Duration.ofSeconds(30))
            .build();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void wellFormedIncomingIdIsPassedToTheHandlerEchoedAndLogged(CapturedOutput output)
      throws Exception {
    String id = "gw-" + UUID.randomUUID() + "_x.1";
    EntityExchangeResult<Map> result = hello(id);
    assertThat(result.getResponseHeaders().getFirst("X-Request-Id")).isEqualTo(id);
    assertThat(result.getResponseBody())
        .containsEntry("header", id)
        .containsEntry("attribute", id)
        .containsEntry("context", id);
    String line = awaitLine(output, id);
    assertThat(line)
        .contains("INFO")
        .contains("org.govchain.request")
        .containsPattern(
            "requestId="
                + Pattern.quote(id)
                + " method=GET path=/api/test/hello status=200"
                + " durationMs=\\d+$");
  }

  @Test
  void malformedOrMissingIdsAreReplacedByAUuid(CapturedOutput output) throws Exception {
    for (String bad :
        List.of("x".repeat(65), "has space", "semi;colon", "ünïcode", "line\tbreak", "")) {
      EntityExchangeResult<Map> result = hello(bad);
      String id = result.getResponseHeaders().getFirst("X-Request-Id");
      assertThat(id).as("id for %s", bad).matches(UUID_TEXT).isNotEqualTo(bad);
      assertThat(result.getResponseBody())
          .containsEntry("header", id)
          .containsEntry("attribute", id)
          .containsEntry("context", id);
      assertThat(awaitLine(output, id)).contains("path=/api/test/hello status=200");
    }
    EntityExchangeResult<Map> none = hello(null);
    String id = none.getResponseHeaders().getFirst("X-Request-Id");
    assertThat(id).matches(UUID_TEXT);
    assertThat(awaitLine(output, id)).contains("method=GET path=/api/test/hello status=200");
    // the longest well-formed id is kept
    String longest = "A".repeat(64);
    assertThat(hello(longest).getResponseHeaders().getFirst("X-Request-Id")).isEqualTo(longest);
  }

  @Test
  void queryStringIsNotLogged(CapturedOutput output) throws Exception {
    String id = "query-" + UUID.randomUUID();
    web.get()
        .uri("/api/test/hello?idNumber=110101199003071234&phone=13800138000")
        .header("X-Request-Id", id)
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(awaitLine(output, id)).contains("path=/api/test/hello status=200");
    assertThat(output.getAll()).doesNotContain("110101199003071234", "13800138000", "idNumber");
  }

  @Test
  void failedAndUnknownRequestsAreLoggedWithTheirStatusAndCarryTheId(CapturedOutput output)
      throws Exception {
    String failing = "fail-" + UUID.randomUUID();
    web.get()
        .uri("/api/test/failure")
        .header("X-Request-Id", failing)
        .exchange()
        .expectStatus()
        .isEqualTo(500)
        .expectHeader()
        .valueEquals("X-Request-Id", failing);
    assertThat(awaitLine(output, failing)).contains("path=/api/test/failure status=500");

    String unknown = "missing-" + UUID.randomUUID();
    web.get()
        .uri("/api/test/nothing-here")
        .header("X-Request-Id", unknown)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .valueEquals("X-Request-Id", unknown);
    assertThat(awaitLine(output, unknown)).contains("path=/api/test/nothing-here status=404");
  }

  @Test
  void linesLoggedWhileHandlingTheRequestCarryItsIdOnOtherThreadsToo(CapturedOutput output)
      throws Exception {
    String id = "work-" + UUID.randomUUID();
    web.get().uri("/api/test/work").header("X-Request-Id", id).exchange().expectStatus().isOk();
    awaitLine(output, id);
    Matcher handlerLine =
        Pattern.compile("^.*working on the request.*$", Pattern.MULTILINE).matcher(output.getAll());
    assertThat(handlerLine.find()).isTrue();
    assertThat(handlerLine.group()).contains("[" + id + "]").contains("parallel");
  }

  @Test
  void acceptOrCreateKeepsOnlyWellFormedIds() {
    assertThat(RequestIds.acceptOrCreate("abc.DEF_123-4")).isEqualTo("abc.DEF_123-4");
    assertThat(RequestIds.acceptOrCreate("a/b")).matches(UUID_TEXT);
    assertThat(RequestIds.acceptOrCreate(null)).matches(UUID_TEXT);
  }

  private static EntityExchangeResult<Map> hello(String id) {
    WebTestClient.RequestHeadersSpec<?> spec = web.get().uri("/api/test/hello");
    if (id != null) {
      spec = spec.header("X-Request-Id", id);
    }
    return spec.exchange().expectStatus().isOk().expectBody(Map.class).returnResult();
  }

  /**
   * The one request line (logger org.govchain.request) of the request with this id (written as the
   * response completes, so it may trail the client's answer by a moment). A failure has a second
   * line, the error handler's, which this does not count.
   */
  private static String awaitLine(CapturedOutput output, String id) {
    Pattern line =
        Pattern.compile("^.*requestId=" + Pattern.quote(id) + " method=.*$", Pattern.MULTILINE);
    return Await.value(
        "a log line with requestId=" + id,
        Duration.ofSeconds(10),
        Duration.ofMillis(20),
        () -> {
          Matcher matcher = line.matcher(output.getAll());
          if (!matcher.find()) {
            return Optional.empty();
          }
          String found = matcher.group();
          assertThat(matcher.find()).as("one line for %s", id).isFalse();
          return Optional.of(found);
        });
  }
}
