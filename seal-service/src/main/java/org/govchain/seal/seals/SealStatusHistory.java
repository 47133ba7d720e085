package org.govchain.seal.seals;

import java.time.Instant;
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
   */
  public StatusChange statusAt(Instant at) {
    StatusChange current = null;
    for (StatusChange change : changes) {
      if (change.at().isAfter(at)) {
        break;
      }
      current = change;
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
}
