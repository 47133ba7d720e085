package org.govchain.seal.seals;

/** A seal image that is not an acceptable PNG, with the rule it breaks and the values involved. */
public final class InvalidSealImageException extends RuntimeException {
  /** Which rule the image breaks. */
  public enum Problem {
    /** Not a PNG file (wrong signature bytes); HTTP 415/422. */
    NOT_PNG,
    /** PNG signature present but the image does not decode. */
    CORRUPT,
    /** More bytes than allowed; HTTP 413. */
    TOO_LARGE,
    /** Width or height outside the allowed range. */
    DIMENSIONS
  }

  private final Problem problem;
  private final String expected;
  private final String actual;

  public InvalidSealImageException(Problem problem, String expected, String actual) {
    super("invalid seal image: " + problem + " expected " + expected + ", was " + actual);
    this.problem = problem;
    this.expected = expected;
    this.actual = actual;
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
