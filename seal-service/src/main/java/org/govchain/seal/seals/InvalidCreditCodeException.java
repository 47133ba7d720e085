package org.govchain.seal.seals;

/** A unified social credit code that GB 32100-2015 rejects, with what was expected and found. */
public final class InvalidCreditCodeException extends RuntimeException {
  /** Which rule the code breaks. */
  public enum Problem {
    LENGTH,
    CHARACTER,
    CHECK_CHARACTER
  }

  private final String code;
  private final Problem problem;
  private final String expected;
  private final String actual;

  public InvalidCreditCodeException(String code, Problem problem, String expected, String actual) {
    super(
        "invalid unified social credit code '"
            + code
            + "': "
            + problem
            + " expected "
            + expected
            + ", was "
            + actual);
    this.code = code;
    this.problem = problem;
    this.expected = expected;
    this.actual = actual;
  }

  public String code() {
    return code;
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
