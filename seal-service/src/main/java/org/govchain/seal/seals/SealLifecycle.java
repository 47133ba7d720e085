package org.govchain.seal.seals;

import java.time.Instant;

/**
 * The seal state machine: ACTIVE → SUSPENDED ⇄ ACTIVE, ACTIVE | SUSPENDED → REVOKED (terminal, with
 * a reason); EXPIRED and NOT_YET_VALID follow from the validity period and allow no action.
 */
public final class SealLifecycle {
  private SealLifecycle() {}

  /**
   * The status a seal is in at {@code at}: the stored status, unless the validity period says
   * EXPIRED or NOT_YET_VALID (a revocation stays REVOKED after expiry).
   */
  public static SealStatus effectiveStatus(SealStatus stored, ValidityPeriod validity, Instant at) {
    if (stored == SealStatus.REVOKED) {
      return stored;
    }
    if (at.isBefore(validity.notBefore())) {
      return SealStatus.NOT_YET_VALID;
    }
    if (!at.isBefore(validity.notAfter())) {
      return SealStatus.EXPIRED;
    }
    return stored;
  }

  /**
   * The status after {@code action}.
   *
   * @param current the effective status (see {@link #effectiveStatus})
   * @param reason required (non-blank) for REVOKE, ignored otherwise
   * @throws IllegalSealTransitionException if the action is not allowed from {@code current}
   * @throws RevocationReasonRequiredException if a revocation has no reason
   */
  public static SealStatus apply(SealStatus current, SealAction action, String reason) {
    SealStatus next =
        switch (action) {
          case SUSPEND -> current == SealStatus.ACTIVE ? SealStatus.SUSPENDED : null;
          case RESUME -> current == SealStatus.SUSPENDED ? SealStatus.ACTIVE : null;
          case REVOKE ->
              current == SealStatus.ACTIVE || current == SealStatus.SUSPENDED
                  ? SealStatus.REVOKED
                  : null;
        };
    if (next == null) {
      throw new IllegalSealTransitionException(current, action);
    }
    if (action == SealAction.REVOKE && (reason == null || reason.isBlank())) {
      throw new RevocationReasonRequiredException();
    }
    return next;
  }
}
