package org.govchain.seal.keys;

import java.util.UUID;
import org.govchain.anchor.web.problem.InternalProblemException;

/** A stored private key that cannot be decrypted, with why and the values that show it. */
public final class PrivateKeyDecryptionException extends InternalProblemException {
  /** Why decryption failed. */
  public enum Problem {
    /** The blob names another key-encryption key (expected/actual are KEK ids). */
    WRONG_KEK,
    /** The GCM tag does not match: the blob was altered or belongs to another seal. */
    TAMPERED,
    /** Not a blob this cipher writes. */
    MALFORMED
  }

  private final UUID sealId;
  private final Problem problem;
  private final String expected;
  private final String actual;

  public PrivateKeyDecryptionException(
      UUID sealId, Problem problem, String expected, String actual) {
    super(
        "cannot decrypt the private key of seal "
            + sealId
            + ": "
            + problem
            + " (expected "
            + expected
            + ", was "
            + actual
            + ")",
        "the seal's key cannot be used; the operators have been told");
    this.sealId = sealId;
    this.problem = problem;
    this.expected = expected;
    this.actual = actual;
  }

  public UUID sealId() {
    return sealId;
  }

  public Problem problem() {
    return problem;
  }

  public String expected() {
    return expected;
  }

  public String actual() {
    return actual;
  }
}
