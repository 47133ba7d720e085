package org.govchain.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with the system's but can be moved on: a test that needs time to pass (a
 * signing time in the next second, an expiry) calls {@link #advance} instead of sleeping. It keeps
 * running so that what the test does not control (tokens, timeouts) still sees time move.
 */
public final class TestClock extends Clock {

  private final AtomicReference<Duration> offset;
  private final ZoneId zone;

  private TestClock(AtomicReference<Duration> offset, ZoneId zone) {
    this.offset = offset;
    this.zone = zone;
  }

  /** A clock showing the system's time in UTC until it is advanced. */
  public static TestClock systemUtc() {
    return new TestClock(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
  }

  /** Moves this clock (and every clock {@link #withZone made from it}) {@code by} ahead. */
  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("a clock only moves forward: " + by);
    }
    offset.updateAndGet(o -> o.plus(by));
  }

  /** How far ahead of the system clock this one is. */
  public Duration offset() {
    return offset.get();
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new TestClock(offset, zone);
  }
}
