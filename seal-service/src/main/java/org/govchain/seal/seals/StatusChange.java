package org.govchain.seal.seals;

import java.time.Instant;
import java.util.Objects;

/** One stored status change of a seal: from {@code at} on, the seal was {@code status}. */
public record StatusChange(Instant at, SealStatus status, String reason) {
  public StatusChange {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(status, "status");
  }

  public static StatusChange of(Instant at, SealStatus status) {
    return new StatusChange(at, status, null);
  }

  public static StatusChange revoked(Instant at, String reason) {
    return new StatusChange(at, SealStatus.REVOKED, reason);
  }
}
