package org.govchain.seal.seals;

/**
 * The status of a seal: ACTIVE and SUSPENDED are stored, REVOKED is stored and terminal, EXPIRED
 * and NOT_YET_VALID are derived from the validity period.
 */
public enum SealStatus {
  ACTIVE,
  SUSPENDED,
  REVOKED,
  EXPIRED,
  NOT_YET_VALID;

  /** Whether a seal in this status may seal documents. */
  public boolean maySeal() {
    return this == ACTIVE;
  }
}
