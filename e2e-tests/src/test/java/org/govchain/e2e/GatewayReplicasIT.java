package org.govchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.e2e.GatewaySecurityIT.assertProblem;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.RedisServer;
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

/**
 * Two gateways in front of the live seal service sharing one Redis server (a test's own): a client
 * alternating between them gets its limit once in total, not once per replica; with Redis killed
 * both fail open to their own in-memory limits, and share again once it is back.
 */
@ExtendWith(SuiteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayReplicasIT {

  private static final int LIMIT = 6;

  /** A public read every token may make, counted like any request. */
  private static final String PATH = "/api/seal/log/checkpoint";

  private Suite suite;
  private RedisServer redis;
  private AppProcess gatewayA;
  private AppProcess gatewayB;
  private Http replicaA;
  private Http replicaB;

  @BeforeAll
  void startTwoGatewaysOnOneRedis(Suite suite) {
    this.suite = suite;
    redis = RedisServer.start();
    Map<String, String> env =
        Map.of(
            "GOVCHAIN_GATEWAY_REPLICAS",
            "2",
            "GOVCHAIN_RATE_LIMIT_REDIS_URL",
            redis.url(),
            "GOVCHAIN_RATE_LIMIT_REDIS_PASSWORD",
            redis.password(),
            "GOVCHAIN_RATE_LIMIT_REDIS_TIMEOUT",
            "500ms",
            "GOVCHAIN_RATE_LIMIT_REQUESTS",
            Integer.toString(LIMIT),
            "GOVCHAIN_RATE_LIMIT_PERIOD",
            "60s");
    // both at once: two JVMs start faster together than one after the other
    CompletableFuture<AppProcess> a =
        CompletableFuture.supplyAsync(() -> suite.startGateway(env, List.of()));
    CompletableFuture<AppProcess> b =
        CompletableFuture.supplyAsync(() -> suite.startGateway(env, List.of()));
    gatewayA = a.join();
    gatewayB = b.join();
    replicaA = new Http(gatewayA.baseUrl());
    replicaB = new Http(gatewayB.baseUrl());
  }

  @AfterAll
  void stop() {
    for (AppProcess gateway : new AppProcess[] {gatewayA, gatewayB}) {
      if (gateway != null) {
        gateway.close();
      }
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  @Order(1)
  void aClientAlternatingBetweenReplicasGetsItsLimitOnceInTotal() {
    assertLimitIsShared(newClient());
  }

  @Test
  @Order(2)
  void withRedisKilledBothFailOpenToTheirOwnLimitsAndShareAgainWhenItIsBack() throws Exception {
    redis.stop();
    String token = newClient();
    // each replica alone: the whole limit on each, then its own 429
    for (Http replica : List.of(replicaA, replicaB)) {
      for (int i = 0; i < LIMIT; i++) {
        Http.Response answer = replica.get(PATH, token);
        assertThat(answer.status()).as("request %d: %s", i + 1, answer).isEqualTo(200);
      }
      assertProblem(replica.get(PATH, token), 429, "rate-limited");
    }
    for (AppProcess gateway : List.of(gatewayA, gatewayB)) {
      // the start's INFO (connected, script loaded), then one WARN
      assertThat(lines(gateway, "rate limits: Redis at"))
          .as(gateway.logFile().toString())
          .hasSize(2)
          .satisfies(said -> assertThat(said.get(0)).contains("INFO", "answers; limits hold"))
          .satisfies(said -> assertThat(said.get(1)).contains("WARN", "failed"));
    }

    redis.restart();
    // a replica asks Redis again one back-off (1 s) after its last failure, on a request
    String probe = newClient();
    Await.until(
        "both replicas count in Redis again",
        Duration.ofSeconds(10),
        Duration.ofMillis(200),
        () -> {
          replicaA.get(PATH, probe);
          replicaB.get(PATH, probe);
          return !lines(gatewayA, "answers again").isEmpty()
              && !lines(gatewayB, "answers again").isEmpty();
        });
    assertLimitIsShared(newClient());
    for (AppProcess gateway : List.of(gatewayA, gatewayB)) {
      assertThat(lines(gateway, "rate limits: Redis at"))
          .as("the start's INFO, one WARN, one INFO")
          .hasSize(3);
    }
  }

  /** {@code LIMIT} answers in total across both replicas, then 429 on each. */
  private void assertLimitIsShared(String token) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < LIMIT; i++) {
      statuses.add((i % 2 == 0 ? replicaA : replicaB).get(PATH, token).status());
    }
    assertThat(statuses).as("alternating A, B, A, …").containsOnly(200);
    for (Http replica : List.of(replicaA, replicaB)) {
      Http.Response limited = replica.get(PATH, token);
      assertProblem(limited, 429, "rate-limited");
      assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
    }
  }

  /** A token of a subject no other test uses: a fresh rate limit key. */
  private String newClient() {
    return suite.issuerKeyTokens.token("replicas-" + UUID.randomUUID(), "auditor");
  }

  private static List<String> lines(AppProcess gateway, String containing) throws Exception {
    return Files.readAllLines(gateway.logFile()).stream()
        .filter(line -> line.contains(containing))
        .toList();
  }
}
