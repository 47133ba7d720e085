package org.govchain.seal.seals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * A seal's validity and its stored status changes in time order, answering "what was the seal's
 * status at time t" for verification (a revocation after a sealing does not invalidate it).
 *
 * <p>Precondition: the first change is the creation (ACTIVE); changes are not empty.
 */
public record SealStatusHistory(ValidityPeriod validity, List<StatusChange> changes) {
  public SealStatusHistory {
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("a seal's history starts with its creation");
    }
    changes = changes.stream().sorted(Comparator.comparing(StatusChange::at)).toList();
  }

  public static SealStatusHistory of(ValidityPeriod validity, List<StatusChange> changes) {
    return new SealStatusHistory(validity, changes);
  }

  /**
   * The change in effect at {@code at}, with its status replaced by the effective status (EXPIRED,
   * NOT_YET_VALID) where the validity period says so; before the seal's creation the answer is
   * NOT_YET_VALID.
   *
   * <p>Signing times have whole seconds (PDF dates, CMS UTCTime), so within the second of a change
   * the sealing gets the benefit of the doubt: a change to ACTIVE counts from the start of its
   * second, any other change from the end of it. The service refuses to seal with an inactive seal,
   * so the doubt only ever covers sealings it really made.
   */
  public StatusChange statusAt(Instant at) {
    StatusChange current = null;
    for (StatusChange change : changes) {
      if (!effectiveFrom(change).isAfter(at)) {
        current = change;
      }
    }
    if (current == null) {
      return StatusChange.of(changes.get(0).at(), SealStatus.NOT_YET_VALID);
    }
    SealStatus effective = SealLifecycle.effectiveStatus(current.status(), validity, at);
    if (effective == current.status()) {
      return current;
    }
    Instant since = effective == SealStatus.EXPIRED ? validity.notAfter() : changes.get(0).at();
    return StatusChange.of(since, effective);
  }

  private static Instant effectiveFrom(StatusChange change) {
    Instant second = change.at().truncatedTo(ChronoUnit.SECONDS);
    boolean fraction = !second.equals(change.at());
    return change.status() == SealStatus.ACTIVE || !fraction ? second : second.plusSeconds(1);
  }
}
