package org.govchain.seal.verification;

/** The outcome of verifying a signature or document, most severe first. */
public enum Verdict {
  /** The signature does not verify, or its certificate is not from the seal CA. */
  FORGED,
  /** The signed bytes changed, or bytes were added after the last signature. */
  ALTERED,
  /** A genuine seal certificate that no known seal holds. */
  UNKNOWN_SEAL,
  /** The seal had been revoked before the signing time. */
  REVOKED_BEFORE_SIGNING,
  /** The seal was suspended, expired or not yet valid at the signing time. */
  SEAL_NOT_ACTIVE_AT_SIGNING,
  /** The document carries no signature at all. */
  NOT_SIGNED,
  /** Signed by a known seal that was ACTIVE, unchanged since. */
  SIGNATURE_VALID;

  /** The more severe of two verdicts. */
  static Verdict worst(Verdict a, Verdict b) {
    return a.ordinal() <= b.ordinal() ? a : b;
  }
}
