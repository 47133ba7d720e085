package org.govchain.seal.seals;

import java.time.Instant;
import java.util.Objects;

/**
 * The half-open period [notBefore, notAfter) in which a seal may seal documents; also the validity
 * of its certificate.
 *
 * <p>Precondition: notBefore is before notAfter.
 */
public record ValidityPeriod(Instant notBefore, Instant notAfter) {
  public ValidityPeriod {
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    if (!notBefore.isBefore(notAfter)) {
      throw new IllegalArgumentException(
          "validity must end after it starts: " + notBefore + " .. " + notAfter);
    }
  }

  public static ValidityPeriod of(Instant notBefore, Instant notAfter) {
    return new ValidityPeriod(notBefore, notAfter);
  }

  /** Whether the instant lies within the period. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(notBefore) && instant.isBefore(notAfter);
  }
}
