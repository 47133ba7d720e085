package org.govchain.seal.seals;

/** A revocation without a reason (HTTP 422): revocations are permanent and must say why. */
public final class RevocationReasonRequiredException extends RuntimeException {
  public RevocationReasonRequiredException() {
    super("revoking a seal requires a non-blank reason");
  }
}
