package org.govchain.anchor.chain;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client waits for a transaction receipt: poll every {@code interval}, give up after {@code
 * timeout} with a {@link ReceiptTimeoutException}.
 */
public record ReceiptPolling(Duration interval, Duration timeout) {

  public ReceiptPolling {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    if (interval.isNegative() || interval.isZero() || timeout.compareTo(interval) < 0) {
      throw new IllegalArgumentException(
          "need 0 < interval <= timeout, got " + interval + " and " + timeout);
    }
  }

  /** 250 ms between polls, two minutes in all. */
  public static ReceiptPolling defaults() {
    return new ReceiptPolling(Duration.ofMillis(250), Duration.ofMinutes(2));
  }
}
