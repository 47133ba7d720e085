package org.govchain.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.govchain.auth.testing.BrowserSignIn;
import org.govchain.auth.testing.HttpTestClient;
import org.govchain.auth.testing.RunningAuthServer;
import org.govchain.testsupport.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Wrong client secrets and passwords over real HTTP: the client id, account name and remote address
 * they are tried for are locked with a growing back-off, the right secret included, with 429 and
 * {@code Retry-After}; successes are never throttled. The server's clock is a {@link TestClock},
 * moved on instead of waiting out a lock.
 */
class FailedAuthenticationsIT {

  private static final String WRONG = "not-the-secret-7d1f";
  private static final String SWAGGER = "http://localhost:8080/swagger-ui/oauth2-redirect.html";

  private static final TestClock clock = TestClock.systemUtc();
  private static RunningAuthServer server;
  private static HttpTestClient http;

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeAll
  static void start() {
    server = RunningAuthServer.startDev(clock);
    http = server.http();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void forgetEarlierTestsAndCaptureTheLog() {
    clock.advance(Duration.ofHours(1)); // every lock over, every counter forgotten
    logged.start();
    root().addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    root().detachAppender(logged);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  @Test
  void fiveWrongSecretsLockTheClientAgainstTheRightOneUntilTheBackOffEnds() {
    for (int i = 0; i < 5; i++) {
      assertThat(http.clientCredentials("seal-clerk", WRONG, i % 2 == 0).statusCode())
          .isEqualTo(401);
    }

    HttpResponse<String> refused =
        http.clientCredentials("seal-clerk", "seal-clerk-dev-secret", true);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(HttpTestClient.json(refused))
        .containsEntry("error", "temporarily_unavailable")
        .containsEntry(
            "error_description",
            "too many failed attempts for this name or from this address: try again in 1 second");
    assertThat(http.clientCredentials("seal-clerk", "seal-clerk-dev-secret", false).statusCode())
        .as("client_secret_post too")
        .isEqualTo(429);
    assertThat(http.clientCredentials("auditor", "auditor-dev-secret", true).statusCode())
        .as("another client")
        .isEqualTo(200);

    clock.advance(Duration.ofSeconds(1));
    assertThat(http.clientCredentials("seal-clerk", "seal-clerk-dev-secret", true).statusCode())
        .isEqualTo(200);
  }

  @Test
  void eachWrongSecretAfterALockDoublesTheNextLock() {
    for (int i = 0; i < 5; i++) {
      http.clientCredentials("ssc-clerk", WRONG, true);
    }
    for (String expected : List.of("2", "4", "8")) {
      clock.advance(Duration.ofSeconds(Long.parseLong(expected) / 2));
      assertThat(http.clientCredentials("ssc-clerk", WRONG, true).statusCode()).isEqualTo(401);

      HttpResponse<String> refused =
          http.clientCredentials("ssc-clerk", "ssc-clerk-dev-secret", true);
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue(expected);
    }
  }

  @Test
  void aSuccessResetsTheCount() {
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 4; i++) {
        assertThat(http.clientCredentials("auditor", WRONG, i % 2 == 0).statusCode())
            .isEqualTo(401);
      }
      assertThat(http.clientCredentials("auditor", "auditor-dev-secret", true).statusCode())
          .as("round %d", round)
          .isEqualTo(200);
    }
  }

  @Test
  void wrongSecretsAtTheIntrospectionAndRevocationEndpointsCountToo() {
    for (int i = 0; i < 3; i++) {
      assertThat(post("/oauth2/introspect", "admin", WRONG).statusCode()).isEqualTo(401);
    }
    for (int i = 0; i < 2; i++) {
      assertThat(post("/oauth2/revoke", "admin", WRONG).statusCode()).isEqualTo(401);
    }

    assertThat(http.clientCredentials("admin", "admin-dev-secret", true).statusCode())
        .isEqualTo(429);
  }

  @Test
  void manyUnknownClientIdsFromOneAddressLockTheAddressForEveryClient() {
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> guess = http.clientCredentials("guess-" + i, WRONG, true);
      assertThat(guess.statusCode()).as("guess %d", i).isEqualTo(401);
    }

    HttpResponse<String> refused =
        http.clientCredentials("service-point", "service-point-dev-secret", true);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(messages())
        .anySatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "locked address 127\\.0\\.0\\.1 until \\S+Z after 20 consecutive"
                            + " failures from it; the last for unregistered client #[0-9a-f]{8}"));

    clock.advance(Duration.ofSeconds(1));
    assertThat(
            http.clientCredentials("service-point", "service-point-dev-secret", true).statusCode())
        .isEqualTo(200);
  }

  @Test
  void theLogLineNamesClientAddressFailuresAndEndButNeverASecret() {
    for (int i = 0; i < 5; i++) {
      http.clientCredentials("card-holder", WRONG, i % 2 == 0);
    }
    http.clientCredentials("card-holder", "card-holder-dev-secret", true);
    for (int i = 0; i < 5; i++) {
      http.clientCredentials("made-up-client", WRONG, true);
    }

    assertThat(messages())
        .anySatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "locked client 'card-holder' until \\S+Z after 5 consecutive failures;"
                            + " the last from 127\\.0\\.0\\.1"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "refused client 'card-holder' from 127\\.0\\.0\\.1: it is locked until"
                            + " \\S+Z after 5 consecutive failures .*"))
        .anySatisfy(
            line -> assertThat(line).startsWith("locked unregistered client #").contains(" 5 "));
    assertThat(everyLine())
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line).doesNotContain(WRONG, "card-holder-dev-secret", "made-up-client"));
    assertThat(logged.list).allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
  }

  @Test
  void manyRightSecretsAtOnceAreNeverThrottled() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<CompletableFuture<Integer>> answers =
          IntStream.range(0, 200)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () ->
                              http.clientCredentials(
                                      "seal-clerk", "seal-clerk-dev-secret", i % 2 == 0)
                                  .statusCode(),
                          pool))
              .toList();
      for (CompletableFuture<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(messages()).isEmpty();
  }

  @Test
  void wrongPasswordsLockTheAccountAndTheFormSaysHowLongToWait() {
    for (int i = 0; i < 5; i++) {
      BrowserSignIn browser = browser();
      // user names are compared without case, and counted so
      String user = i % 2 == 0 ? "seal-clerk-user" : "SEAL-Clerk-User";
      HttpResponse<String> refused = browser.signIn(browser.authorizeUrl(), user, WRONG);
      assertThat(browser.location(refused)).endsWith("/login?error");
    }

    BrowserSignIn browser = browser();
    HttpResponse<String> wait =
        browser.submitLogin(browser.authorizeUrl(), "seal-clerk-user", "seal-clerk-dev-password");

    assertThat(wait.statusCode()).isEqualTo(429);
    assertThat(wait.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(wait.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(wait.body())
        .contains("Too many failed sign-ins", "Please wait 1 second", "href=\"/login\"");
    assertThat(messages())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("locked account 'seal-clerk-user' until ")
                    .contains("after 5 consecutive failures; the last from 127.0.0.1"));
    assertThat(everyLine())
        .allSatisfy(line -> assertThat(line).doesNotContain(WRONG, "seal-clerk-dev-password"));

    clock.advance(Duration.ofSeconds(1));
    BrowserSignIn again = browser();
    String code =
        again.codeFrom(
            again.signIn(again.authorizeUrl(), "seal-clerk-user", "seal-clerk-dev-password"));
    assertThat(again.exchange(code, again.verifier()).statusCode()).isEqualTo(200);
  }

  private static BrowserSignIn browser() {
    return new BrowserSignIn(http, "govchain-web", SWAGGER);
  }

  private static HttpResponse<String> post(String path, String clientId, String secret) {
    return http.postForm(
        path,
        Map.of(
            "client_id", clientId,
            "client_secret", secret,
            "token", "not-a-token"));
  }

  /** The throttle's log lines. */
  private List<String> messages() {
    return logged.list.stream()
        .filter(event -> event.getLoggerName().equals("org.govchain.auth.throttle"))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  /** Every log line of the server, whatever its logger. */
  private List<String> everyLine() {
    return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
