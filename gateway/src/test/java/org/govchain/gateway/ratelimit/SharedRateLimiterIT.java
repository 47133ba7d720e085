package org.govchain.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.govchain.testsupport.RedisServer;
import org.govchain.testsupport.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * Two limiters on one real Redis server, as two gateway replicas: one client's requests are counted
 * once whichever limiter takes them; the store holds only hashed client keys for the window; the
 * script is loaded again after {@code SCRIPT FLUSH}; with Redis slow or gone each falls back to its
 * own memory (one WARN) and comes back to Redis one back-off later (one INFO).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedRateLimiterIT {

  private static final RateLimitProperties.Limit LIMIT =
      new RateLimitProperties.Limit(5, Duration.ofSeconds(60));

  private RedisServer redis;
  private TestClock clock;
  private SharedRateLimiter replicaA;
  private SharedRateLimiter replicaB;
  private ClientRateLimiters localA;
  private ClientRateLimiters localB;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeAll
  void startRedis() {
    redis = RedisServer.start();
  }

  @AfterAll
  void stopRedis() {
    redis.close();
  }

  @BeforeEach
  void twoReplicas() {
    redis.restart();
    withAdmin(RedisCommands::flushall);
    clock = TestClock.systemUtc();
    RateLimitProperties.Redis config =
        new RateLimitProperties.Redis(redis.url(), redis.password(), Duration.ofMillis(500));
    replicaA = SharedRateLimiter.connect(config, clock);
    replicaB = SharedRateLimiter.connect(config, clock);
    localA = new ClientRateLimiters("a", LIMIT, 100);
    localB = new ClientRateLimiters("b", LIMIT, 100);
    logs.list.clear();
    logs.start();
    logger().addAppender(logs);
  }

  @AfterEach
  void close() {
    logger().detachAppender(logs);
    replicaA.close();
    replicaB.close();
  }

  @Test
  void aClientAlternatingBetweenReplicasGetsItsLimitOnce() {
    List<OptionalLong> answers = new ArrayList<>();
    for (int i = 0; i < 2 * LIMIT.requests(); i++) {
      answers.add(acquire(i % 2 == 0 ? replicaA : replicaB, i % 2 == 0 ? localA : localB, "c"));
    }
    assertThat(answers.subList(0, LIMIT.requests())).allMatch(OptionalLong::isEmpty);
    assertThat(answers.subList(LIMIT.requests(), answers.size()))
        .allSatisfy(
            wait ->
                assertThat(wait.getAsLong())
                    .isPositive()
                    .isLessThanOrEqualTo(LIMIT.period().toNanos()));
    assertThat(acquire(replicaB, localB, "other")).as("another client").isEmpty();
    assertThat(replicaA.failing()).isFalse();
    assertThat(replicaB.failing()).isFalse();
  }

  @Test
  void theStoreHoldsHashedKeysForTheWindowOnly() {
    acquire(replicaA, localA, "sub:alice");
    withAdmin(
        redisCommands -> {
          List<String> keys = redisCommands.keys("*");
          assertThat(keys)
              .containsExactly("govchain:rl:client:" + SharedRateLimiter.hash("sub:alice"));
          assertThat(keys.get(0)).doesNotContain("alice");
          assertThat(redisCommands.pttl(keys.get(0))).isBetween(1L, LIMIT.period().toMillis());
          return null;
        });
  }

  @Test
  void theScriptIsLoadedAgainWhenRedisForgotIt() {
    assertThat(acquire(replicaA, localA, "c")).isEmpty();
    withAdmin(RedisCommands::scriptFlush);
    assertThat(acquire(replicaA, localA, "c")).isEmpty();
    withAdmin(
        c -> {
          assertThat(c.keys("*")).hasSize(1);
          assertThat(c.get(c.keys("*").get(0))).as("counted in Redis both times").isEqualTo("2");
          return null;
        });
    assertThat(replicaA.failing()).isFalse();
  }

  @Test
  void withRedisGoneEachReplicaLimitsAloneAndComesBackAfterTheBackOff() {
    assertThat(acquire(replicaA, localA, "c")).isEmpty();
    redis.stop();

    // each replica's own memory: the full limit on each (its local limiter was never used)
    for (int i = 0; i < LIMIT.requests(); i++) {
      assertThat(acquire(replicaA, localA, "c")).as("A, request %d", i + 1).isEmpty();
      assertThat(acquire(replicaB, localB, "c")).as("B, request %d", i + 1).isEmpty();
    }
    assertThat(acquire(replicaA, localA, "c")).isPresent();
    assertThat(replicaA.failing()).isTrue();
    assertThat(messages(Level.WARN)).hasSize(2).allMatch(m -> m.contains("failed"));

    redis.restart();
    // within the back-off Redis is left alone: still the local limiter
    assertThat(acquire(replicaA, localA, "c")).isPresent();
    assertThat(replicaA.failing()).isTrue();
    clock.advance(SharedRateLimiter.BACK_OFF.plusMillis(1));
    assertThat(acquire(replicaA, localA, "c")).as("counted in the new Redis: first").isEmpty();
    assertThat(acquire(replicaB, localB, "c")).as("second, on B").isEmpty();
    assertThat(replicaA.failing()).isFalse();
    assertThat(replicaB.failing()).isFalse();
    assertThat(messages(Level.INFO)).hasSize(2).allMatch(m -> m.contains("answers again"));
    assertThat(messages(Level.WARN)).as("no more warnings").hasSize(2);
  }

  @Test
  void aRedisSlowerThanTheTimeoutIsLeftForMemory() {
    assertThat(acquire(replicaA, localA, "c")).isEmpty(); // connected, script loaded
    // every client's commands wait 1.5 s: longer than the limiter's 500 ms timeout
    withAdmin(c -> c.clientPause(1_500));
    for (int i = 0; i < LIMIT.requests(); i++) {
      assertThat(acquire(replicaA, localA, "c")).as("request %d, from memory", i + 1).isEmpty();
    }
    assertThat(acquire(replicaA, localA, "c")).as("the local limit holds").isPresent();
    assertThat(replicaA.failing()).isTrue();
    assertThat(messages(Level.WARN))
        .singleElement()
        .asString()
        .contains("failed (TimeoutException");
  }

  @Test
  void theWarmUpAtTheStartWaitsLongerThanARequestForTheFirstConnection() {
    SharedRateLimiter cold =
        SharedRateLimiter.connect(
            new RateLimitProperties.Redis(redis.url(), redis.password(), Duration.ofMillis(100)),
            clock);
    try {
      // Redis takes 600 ms to answer anything, the handshake included: six requests' timeouts
      withAdmin(c -> c.clientPause(600));
      assertThat(cold.warmUp(Duration.ofSeconds(10))).isTrue();
      assertThat(cold.failing()).isFalse();
      assertThat(messages(Level.INFO)).singleElement().asString().contains("answers");
      List<Boolean> loaded =
          withAdmin(c -> c.scriptExists(SharedRateLimiter.sha1Hex(SharedRateLimiter.SCRIPT)));
      assertThat(loaded).containsExactly(true);
      // the first request finds the connection open and the script loaded
      assertThat(acquire(cold, localA, "c")).isEmpty();
      assertThat(cold.failing()).isFalse();
      List<String> counted = withAdmin(c -> c.keys("govchain:rl:client:*"));
      assertThat(counted).hasSize(1);
    } finally {
      cold.close();
    }
  }

  @Test
  void aWarmUpWithoutRedisStartsInMemory() {
    redis.stop();
    assertThat(replicaA.warmUp(Duration.ofSeconds(5))).isFalse();
    assertThat(replicaA.failing()).isTrue();
    assertThat(messages(Level.WARN)).singleElement().asString().contains("failed");
    assertThat(acquire(replicaA, localA, "c")).as("counted in memory").isEmpty();
  }

  @Test
  void aWrongPasswordFallsBackToMemory() {
    SharedRateLimiter wrong =
        SharedRateLimiter.connect(
            new RateLimitProperties.Redis(redis.url(), "not-the-password", Duration.ofMillis(500)),
            clock);
    try {
      assertThat(acquire(wrong, localA, "c")).isEmpty();
      assertThat(wrong.failing()).isTrue();
      List<String> keys = withAdmin(c -> c.keys("*"));
      assertThat(keys).as("nothing counted in Redis").isEmpty();
    } finally {
      wrong.close();
    }
  }

  @Test
  void aUrlWithAPasswordInItIsRefused() {
    assertThatThrownBy(() -> SharedRateLimiter.parse("redis://:secret@127.0.0.1:6379"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GOVCHAIN_RATE_LIMIT_REDIS_PASSWORD")
        .hasMessageNotContaining("secret@");
    assertThatThrownBy(() -> SharedRateLimiter.parse("redis://user:secret@127.0.0.1:6379"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SharedRateLimiter.parse("redis://127.0.0.1:6379").getPort()).isEqualTo(6379);
  }

  private static OptionalLong acquire(
      SharedRateLimiter limiter, ClientRateLimiters local, String client) {
    return limiter
        .acquire("client", LIMIT, client, () -> local.acquire(client))
        .block(Duration.ofSeconds(5));
  }

  private List<String> messages(Level level) {
    return logs.list.stream()
        .filter(e -> e.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private static Logger logger() {
    return (Logger) LoggerFactory.getLogger(SharedRateLimiter.class);
  }

  private <T> T withAdmin(java.util.function.Function<RedisCommands<String, String>, T> action) {
    RedisURI uri = RedisURI.create(redis.url());
    uri.setPassword(redis.password().toCharArray());
    RedisClient client = RedisClient.create(uri);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return action.apply(connection.sync());
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
  }
}
