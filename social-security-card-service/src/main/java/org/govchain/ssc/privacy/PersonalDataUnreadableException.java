package org.govchain.ssc.privacy;

import org.govchain.anchor.web.problem.InternalProblemException;

/**
 * Stored personal data that cannot be decrypted, with why and the values that show it; the message
 * (for the operators' log) names the key id and the failure, never the data or the context.
 */
public final class PersonalDataUnreadableException extends InternalProblemException {
  /** Why decryption failed. */
  public enum Problem {
    /** Not a value this cipher writes: too short for its header, nonce and tag, or a bad key id. */
    MALFORMED,
    /** The version byte is not one this cipher reads. */
    UNKNOWN_VERSION,
    /** The algorithm byte names no algorithm. */
    UNKNOWN_ALGORITHM,
    /**
     * The value was sealed with another algorithm than this cipher's (expected/actual name both).
     */
    WRONG_ALGORITHM,
    /** The key id in the value is not among this cipher's keys (expected: the ids it has). */
    UNKNOWN_KEY,
    /**
     * The GCM tag does not match: the value was altered, belongs to another row or column, or the
     * key configured under its key id is not the one it was sealed with.
     */
    TAMPERED
  }

  private final Problem problem;
  private final String keyId;
  private final String expected;
  private final String actual;

  /**
   * @param keyId the key id the value names, or {@code null} if its header could not be read that
   *     far
   */
  public PersonalDataUnreadableException(
      Problem problem, String keyId, String expected, String actual) {
    super(
        "cannot decrypt personal data"
            + (keyId == null ? "" : " sealed under key " + keyId)
            + ": "
            + problem
            + " (expected "
            + expected
            + ", was "
            + actual
            + ")",
        "the stored personal data cannot be read; the operators have been told");
    this.problem = problem;
    this.keyId = keyId;
    this.expected = expected;
    this.actual = actual;
  }

  public Problem problem() {
    return problem;
  }

  /** The key id the value names, or {@code null} if its header could not be read that far. */
  public String keyId() {
    return keyId;
  }

  public String expected() {
    return expected;
  }

  public String actual() {
    return actual;
  }
}
