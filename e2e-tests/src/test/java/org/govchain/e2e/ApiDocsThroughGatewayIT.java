package org.govchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.e2e.GatewaySecurityIT.assertProblem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.TcpProxy;
import org.govchain.testsupport.process.AppProcess;
import org.govchain.testsupport.process.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The merged OpenAPI document of a gateway in front of the live seal service (through a link the
 * test can cut; ssc and accounting down): made from the services' documents at most once per cache
 * period however many ask, counted in the seal service's own request log; the seal service's last
 * document kept, marked stale, while it does not answer; and anonymous callers rate limited on it
 * while the Swagger UI's files still load.
 */
@ExtendWith(SuiteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiDocsThroughGatewayIT {

  private static final Duration CACHE = Duration.ofSeconds(3);
  private static final int ANONYMOUS_LIMIT = 4;
  private static final String SEAL_DOCS = "/api/seal/v3/api-docs";

  private Suite suite;
  private TcpProxy sealLink;
  private AppProcess gateway;
  private Http http;

  /** This run's request ids start with it, so the seal service's log shows our requests only. */
  private final String run = "docs-" + UUID.randomUUID().toString().substring(0, 8) + "-";

  @BeforeAll
  void startGateway(Suite suite) {
    this.suite = suite;
    sealLink = TcpProxy.toUrl(suite.seal.baseUrl());
    gateway =
        suite.startGateway(
            Map.of(
                "GOVCHAIN_SEAL_URL",
                sealLink.httpUrl(),
                "GOVCHAIN_GATEWAY_DOCS_CACHE",
                CACHE.toSeconds() + "s",
                "GOVCHAIN_RATE_LIMIT_ANONYMOUS_REQUESTS",
                Integer.toString(ANONYMOUS_LIMIT),
                "GOVCHAIN_RATE_LIMIT_ANONYMOUS_PERIOD",
                "60s"),
            List.of());
    http = new Http(gateway.baseUrl());
  }

  @AfterAll
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (sealLink != null) {
      sealLink.close();
    }
  }

  @Test
  @Order(1) // on the fresh gateway: nothing merged yet
  void theMergedDocumentIsMadeAtMostOncePerCachePeriodHoweverManyAsk() throws Exception {
    // three clients with a token each (their limit is 100/s): the cache is what is under test
    List<String> tokens =
        List.of(suite.token("auditor"), suite.token("admin"), suite.token("seal-clerk"));
    // the seal service builds its document on the first request (springdoc: 2.5 s seen on a
    // loaded machine, beyond the gateway's 3 s docs-timeout); asked once directly, not through
    // this gateway and not counted (the count is of this run's request ids)
    assertThat(new Http(suite.seal.baseUrl()).get(SEAL_DOCS, null).status()).isEqualTo(200);
    // the gateway fetches the token issuer's keys when it checks its first token (5 s limit, then
    // a 503 "retry later"); a fresh gateway on a saturated machine once took longer, and the
    // burst's first twelve answers were that 503: the keys are not under test here, so one token
    // is checked first (a seal that does not exist: 404 from the service once the token passed)
    Await.until(
        "the gateway has the token issuer's keys",
        Duration.ofSeconds(60),
        Duration.ofMillis(500),
        () -> {
          Http.Response answer =
              http.get("/api/seal/seals/" + new UUID(0, 0), tokens.get(2), Map.of());
          if (answer.status() == 503) {
            return false;
          }
          assertThat(answer.status()).as("%s", answer).isEqualTo(404);
          return true;
        });
    int calls = 60;
    ExecutorService callers = Executors.newFixedThreadPool(12);
    long start = System.nanoTime();
    try {
      List<Future<Http.Response>> answers = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        String token = tokens.get(i % tokens.size());
        String id = run + "burst-" + i;
        answers.add(
            callers.submit(() -> http.get("/v3/api-docs", token, Map.of("X-Request-Id", id))));
      }
      for (Future<Http.Response> answer : answers) {
        Http.Response merged = answer.get();
        assertThat(merged.status()).as("%s", merged).isEqualTo(200);
        assertThat(merged.json().path("paths").has("/api/seal/seals")).isTrue();
      }
    } finally {
      callers.shutdownNow();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    long fetches = sealDocumentRequests();
    long allowed = took.toNanos() / CACHE.toNanos() + 1;
    assertThat(fetches)
        .as("the seal service asked for its document during %d calls in %s", calls, took)
        .isBetween(1L, allowed);

    // once the period is over, the next caller has it made again: one more request, not more
    String token = tokens.get(0);
    int[] next = {0};
    Await.until(
        "the merged document made again after " + CACHE,
        Duration.ofSeconds(30),
        Duration.ofMillis(250),
        () -> {
          Http.Response merged =
              http.get("/v3/api-docs", token, Map.of("X-Request-Id", run + "later-" + next[0]++));
          assertThat(merged.status()).as("%s", merged).isEqualTo(200);
          return sealDocumentRequests() > fetches;
        });
    assertThat(sealDocumentRequests()).isEqualTo(fetches + 1);
  }

  @Test
  @Order(2)
  void aSealServiceThatStopsAnsweringKeepsItsLastDocumentMarkedStale() {
    String auditor = suite.token("auditor");
    // a document of the seal service's that is fresh, so there is one to keep
    awaitMerged(
        auditor,
        "a merged document with the seal service's, fresh",
        d -> d.path("paths").has("/api/seal/seals") && !d.path("info").has("x-govchain-stale"));
    sealLink.cut();
    try {
      JsonNode stale =
          awaitMerged(
              auditor,
              "the seal service's document marked stale",
              d -> d.path("info").path("x-govchain-stale").toString().contains("seal"));
      assertThat(stale.path("paths").has("/api/seal/seals")).as("its last document").isTrue();
      assertThat(stale.path("paths").has("/api/seal/verifications")).isTrue();
      assertThat(stale.path("info").path("description").asString())
          .contains("The seal service's document is the one fetched at ", "did not answer");
      assertThat(stale.path("info").path("x-govchain-unavailable").toString())
          .contains("ssc", "accounting")
          .doesNotContain("seal");
    } finally {
      sealLink.restore();
    }
    awaitMerged(
        auditor,
        "the seal service's document fresh again",
        d -> !d.path("info").has("x-govchain-stale"));
  }

  @Test
  @Order(3)
  void anonymousCallersGet429PastTheLimitWhileTheSwaggerUiFilesStillLoad() {
    for (int i = 0; i < ANONYMOUS_LIMIT; i++) {
      Http.Response merged = http.get("/v3/api-docs", null);
      assertThat(merged.status()).as("call %d: %s", i + 1, merged).isEqualTo(200);
    }
    Http.Response limited = http.get("/v3/api-docs", null);
    assertProblem(limited, 429, "rate-limited");
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
    // the services' documents are under the same limit, the Swagger UI's own files are not
    assertProblem(http.get(SEAL_DOCS + ".yaml", null), 429, "rate-limited");
    assertProblem(http.get("/v3/api-docs/gateway/swagger-config", null), 429, "rate-limited");
    for (int round = 0; round < 2; round++) {
      for (String file :
          List.of(
              "/swagger-ui/index.html",
              "/swagger-ui/swagger-ui.css",
              "/swagger-ui/swagger-ui-bundle.js",
              "/swagger-ui/swagger-initializer.js")) {
        Http.Response answer = http.get(file, null);
        assertThat(answer.status()).as("%s in round %d", file, round + 1).isEqualTo(200);
      }
    }
  }

  private interface Check {
    boolean holds(JsonNode merged);
  }

  private JsonNode awaitMerged(String token, String what, Check check) {
    return Await.value(
        what,
        Duration.ofSeconds(30),
        Duration.ofMillis(250),
        () -> {
          Http.Response merged = http.get("/v3/api-docs", token);
          assertThat(merged.status()).as("%s", merged).isEqualTo(200);
          JsonNode document = merged.json();
          return check.holds(document) ? Optional.of(document) : Optional.empty();
        });
  }

  /**
   * How many requests for its document, carrying this run's request ids, the seal service has
   * logged: first a request of our own straight to it, and its line awaited, so that every line of
   * the requests answered before is in the log too.
   */
  private long sealDocumentRequests() {
    String marker = run + "marker-" + UUID.randomUUID();
    Http.Response direct =
        new Http(suite.seal.baseUrl())
            .get("/actuator/health", null, Map.of("X-Request-Id", marker));
    assertThat(direct.status()).isEqualTo(200);
    Await.until(
        "the seal service logs requestId=" + marker,
        Duration.ofSeconds(10),
        Duration.ofMillis(100),
        () -> suite.seal.output().contains("requestId=" + marker));
    Matcher lines =
        Pattern.compile(
                "requestId=" + Pattern.quote(run) + "\\S* method=GET path=" + SEAL_DOCS + " ")
            .matcher(suite.seal.output());
    long count = 0;
    while (lines.find()) {
      count++;
    }
    return count;
  }
}
