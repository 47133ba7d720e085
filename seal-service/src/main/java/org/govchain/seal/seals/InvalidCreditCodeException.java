package org.govchain.seal.seals;

import java.util.List;
import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.seal.problems.ProblemType;

/**
 * A unified social credit code that GB 32100-2015 rejects, with what was expected and found; the
 * answer names the rule and the offending character, never the text sent.
 */
public final class InvalidCreditCodeException extends ProblemException {
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
        ProblemType.INVALID_CREDIT_CODE,
        // the code itself is not quoted: it is whatever a caller sent, of any length
        "invalid unified social credit code: "
            + problem
            + " expected "
            + expected
            + ", was "
            + actual,
        Map.of(
            "errors",
            List.of(
                FieldError.of(
                    "creditCode", problem + ": expected " + expected + ", was " + actual)),
            "problem",
            problem.name(),
            "expected",
            expected,
            "actual",
            actual));
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
