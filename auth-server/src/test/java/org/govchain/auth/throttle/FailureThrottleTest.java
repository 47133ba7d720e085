package org.govchain.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.govchain.auth.config.AuthServerProperties;
import org.govchain.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FailureThrottleTest {

  private static final String HOST = "192.0.2.10";

  private final TestClock clock = TestClock.systemUtc();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private FailureThrottle throttle = throttle(5, 20, Duration.ofMinutes(5), 10_000);

  @BeforeEach
  void captureLog() {
    logged.start();
    ((Logger) LoggerFactory.getLogger(ThrottleLog.LOGGER)).addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    ((Logger) LoggerFactory.getLogger(ThrottleLog.LOGGER)).detachAppender(logged);
  }

  private FailureThrottle throttle(
      int maxFailures, int addressMaxFailures, Duration maxBackoff, int maxEntries) {
    return new FailureThrottle(
        new AuthServerProperties.Throttle(
            maxFailures,
            addressMaxFailures,
            Duration.ofSeconds(1),
            maxBackoff,
            maxBackoff.plusMinutes(10),
            maxEntries),
        clock,
        new SecureRandom());
  }

  private static Attempt client(String id, String address) {
    return new Attempt(Attempt.Kind.CLIENT, id, address, true);
  }

  private void fail(Attempt attempt, int times) {
    for (int i = 0; i < times; i++) {
      throttle.admit(attempt).failed();
    }
  }

  private long refusedFor(Attempt attempt) {
    ThrottledException refused =
        (ThrottledException) catchThrown(() -> throttle.admit(attempt).succeeded());
    return refused.retryAfterSeconds();
  }

  private static Throwable catchThrown(Runnable action) {
    try {
      action.run();
    } catch (ThrottledException e) {
      return e;
    }
    throw new AssertionError("the attempt was admitted");
  }

  @Test
  void fiveFailuresLockTheNameForASecondAndTheRightSecretWaitsToo() {
    Attempt seal = client("seal-clerk", HOST);
    fail(seal, 4);
    throttle.admit(seal).failed();

    assertThat(refusedFor(seal)).isEqualTo(1);
    assertThat(refusedFor(client("seal-clerk", "198.51.100.7")))
        .as("the name is locked whatever the address")
        .isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    throttle.admit(seal).succeeded();
    fail(seal, 4);
    throttle.admit(seal).succeeded(); // the count started afresh after the success
  }

  @Test
  void eachFurtherFailureDoublesTheLockUpToTheCap() {
    throttle = throttle(5, 1000, Duration.ofSeconds(10), 10_000);
    Attempt seal = client("seal-clerk", HOST);
    fail(seal, 5);
    List<Long> locks = new ArrayList<>();
    locks.add(refusedFor(seal));
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(locks.get(locks.size() - 1)));
      throttle.admit(seal).failed();
      locks.add(refusedFor(seal));
    }

    assertThat(locks).containsExactly(1L, 2L, 4L, 8L, 10L, 10L);
  }

  @Test
  void aSuccessResetsTheNameAndTheAddress() {
    throttle = throttle(5, 6, Duration.ofMinutes(5), 10_000);
    Attempt seal = client("seal-clerk", HOST);
    fail(seal, 4);
    throttle.admit(seal).succeeded();
    fail(seal, 4);

    throttle.admit(seal).succeeded();
  }

  @Test
  void manyNamesFromOneAddressLockTheAddressForEveryName() {
    for (int i = 0; i < 20; i++) {
      throttle.admit(new Attempt(Attempt.Kind.CLIENT, "guess-" + i, HOST, false)).failed();
    }

    assertThat(refusedFor(client("seal-clerk", HOST))).isEqualTo(1);
    assertThat(refusedFor(new Attempt(Attempt.Kind.ACCOUNT, "auditor-user", HOST, true)))
        .isEqualTo(1);
    throttle.admit(client("seal-clerk", "198.51.100.7")).succeeded(); // another host is not locked
  }

  @Test
  void oneIpv6HostIsCountedByItsSlash64() {
    for (int i = 0; i < 20; i++) {
      String address = "2001:db8:1:2:" + Integer.toHexString(i + 1) + "::" + (i + 7);
      throttle.admit(new Attempt(Attempt.Kind.CLIENT, "guess-" + i, address, false)).failed();
    }

    assertThat(refusedFor(client("seal-clerk", "2001:db8:1:2:ffff::1"))).isEqualTo(1);
    throttle.admit(client("seal-clerk", "2001:db8:1:3::1")).succeeded();
    assertThat(logged.list)
        .anySatisfy(
            line ->
                assertThat(line.getFormattedMessage())
                    .contains("locked address 2001:db8:1:2::/64 until")
                    .contains("20 consecutive failures"));
  }

  @Test
  void parallelAttemptsOnANameWithAFailureMeetTheLockAsSequentialOnesWould() {
    Attempt seal = client("seal-clerk", HOST);
    fail(seal, 1);
    List<FailureThrottle.Ticket> inFlight = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      inFlight.add(throttle.admit(seal)); // checked in parallel, none answered yet
    }

    assertThatThrownBy(() -> throttle.admit(seal)).isInstanceOf(ThrottledException.class);
    inFlight.forEach(FailureThrottle.Ticket::failed);
    assertThat(refusedFor(seal)).isEqualTo(1);
  }

  @Test
  void aCleanNameMayBeCheckedManyTimesAtOnce() {
    Attempt seal = client("seal-clerk", HOST);
    List<FailureThrottle.Ticket> inFlight = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      inFlight.add(throttle.admit(seal));
    }

    inFlight.forEach(FailureThrottle.Ticket::succeeded);
    assertThat(throttle.size()).isZero();
  }

  @Test
  void aCounterWithoutFailuresForResetAfterIsForgotten() {
    Attempt seal = client("seal-clerk", HOST);
    fail(seal, 4);
    clock.advance(Duration.ofMinutes(16));
    fail(seal, 4);

    throttle.admit(seal).succeeded(); // 4 + 4, but not consecutive
  }

  @Test
  void randomNamesCannotGrowTheTableBeyondItsBound() {
    throttle = throttle(5, Integer.MAX_VALUE, Duration.ofMinutes(5), 100);
    for (int i = 0; i < 1000; i++) {
      throttle.admit(new Attempt(Attempt.Kind.CLIENT, "random-" + i, HOST, false)).failed();
    }

    assertThat(throttle.size()).isEqualTo(100);
  }

  @Test
  void aHugeNameIsCountedUnderItsHash() {
    String huge = "x".repeat(100_000);
    Attempt attempt = new Attempt(Attempt.Kind.CLIENT, huge, HOST, false);
    fail(attempt, 5);

    assertThat(refusedFor(attempt)).isEqualTo(1);
    assertThat(refusedFor(new Attempt(Attempt.Kind.CLIENT, huge, "198.51.100.7", false)))
        .isEqualTo(1);
  }

  @Test
  void theLockAndTheFirstRefusalAreLoggedOnceWithNameAddressCountAndEnd() {
    Attempt seal = client("seal-clerk", HOST);
    fail(seal, 5);
    refusedFor(seal);
    refusedFor(seal);
    refusedFor(seal);

    assertThat(logged.list).hasSize(2);
    assertThat(logged.list.get(0).getFormattedMessage())
        .startsWith("locked client 'seal-clerk' until 20")
        .contains("after 5 consecutive failures; the last from " + HOST);
    assertThat(logged.list.get(1).getFormattedMessage())
        .startsWith("refused client 'seal-clerk' from " + HOST + ": it is locked until 20")
        .contains("after 5 consecutive failures");
  }

  @Test
  void anUnregisteredNameIsLoggedOnlyAsATag() {
    String typedInTheWrongField = "110105194912310021";
    Attempt attempt = new Attempt(Attempt.Kind.ACCOUNT, typedInTheWrongField, HOST, false);
    fail(attempt, 5);

    assertThat(logged.list)
        .singleElement()
        .satisfies(
            line ->
                assertThat(line.getFormattedMessage())
                    .matches("locked unregistered account #[0-9a-f]{8} until .*")
                    .doesNotContain(typedInTheWrongField));
  }

  @Test
  void aSuccessWhileCountedAsFailedLeavesNoLockBehindAndLogsNone() {
    Attempt seal = client("seal-clerk", HOST);
    fail(seal, 4);
    throttle.admit(seal).succeeded(); // the fifth, counted when admitted, was right

    throttle.admit(seal).succeeded();
    assertThat(logged.list).isEmpty();
  }
}
