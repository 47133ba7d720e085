package org.govchain.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting for a real application, database or chain to reach a state, with a deadline: the one
 * place the tests pause. A probe that throws ends the wait with its error (a wrong answer while
 * waiting is a failure, not a reason to wait longer).
 */
public final class Await {

  private Await() {}

  /**
   * Asks {@code probe} every {@code every} until it answers a value, and returns it.
   *
   * @throws AssertionError naming {@code what} when {@code deadline} passes first
   */
  public static <T> T value(
      String what, Duration deadline, Duration every, Supplier<Optional<T>> probe) {
    Instant end = Instant.now().plus(deadline);
    while (true) {
      Optional<T> answer = probe.get();
      if (answer.isPresent()) {
        return answer.get();
      }
      if (!Instant.now().isBefore(end)) {
        throw new AssertionError(what + ": not within " + deadline);
      }
      pause(every);
    }
  }

  /** Asks {@code condition} every {@code every} until it holds; fails after {@code deadline}. */
  public static void until(
      String what, Duration deadline, Duration every, BooleanSupplier condition) {
    value(
        what,
        deadline,
        every,
        () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
  }

  private static void pause(Duration every) {
    try {
      Thread.sleep(every.toMillis()); // the one pause of the tests, between polls
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    }
  }
}
