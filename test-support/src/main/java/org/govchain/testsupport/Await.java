package org.govchain.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Waiting for a real application, database or chain to reach a state, with a deadline: the one
 * place the tests pause. A probe that throws ends the wait with its error (a wrong answer while
 * waiting is a failure, not a reason to wait longer).
 */
public final class Await {

  /** A look at the world that may fail (a query, an RPC call); its failure ends the wait. */
  @FunctionalInterface
  public interface Probe<T> {
    Optional<T> look() throws Exception;
  }

  /** A condition that may fail to be checked; its failure ends the wait. */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws Exception;
  }

  private Await() {}

  /**
   * Asks {@code probe} every {@code every} until it answers a value, and returns it.
   *
   * @throws AssertionError naming {@code what} when {@code deadline} passes first, or when the
   *     probe fails (with its failure as the cause)
   */
  public static <T> T value(String what, Duration deadline, Duration every, Probe<T> probe) {
    Instant end = Instant.now().plus(deadline);
    while (true) {
      Optional<T> answer = look(what, probe);
      if (answer.isPresent()) {
        return answer.get();
      }
      if (!Instant.now().isBefore(end)) {
        throw new AssertionError(what + ": not within " + deadline);
      }
      pause(what, every);
    }
  }

  /** Asks {@code condition} every {@code every} until it holds; fails after {@code deadline}. */
  public static void until(String what, Duration deadline, Duration every, Condition condition) {
    value(
        what,
        deadline,
        every,
        () -> condition.holds() ? Optional.of(Boolean.TRUE) : Optional.empty());
  }

  private static <T> Optional<T> look(String what, Probe<T> probe) {
    try {
      return probe.look();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError(what + ": " + e, e);
    }
  }

  private static void pause(String what, Duration every) {
    try {
      Thread.sleep(every.toMillis()); // the one pause of the tests, between polls
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting: " + what, e);
    }
  }
}
