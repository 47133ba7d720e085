package org.govchain.seal.seals;

import java.util.List;
import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.problem.ProblemKind;
import org.govchain.seal.problems.ProblemType;

/** A seal image that is not an acceptable PNG, with the rule it breaks and the values involved. */
public final class InvalidSealImageException extends ProblemException {
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
    super(
        kind(problem),
        "invalid seal image: " + problem + " expected " + expected + ", was " + actual,
        Map.of(
            "errors",
            List.of(FieldError.of("imagePng", problem.name())),
            "expected",
            expected,
            "actual",
            actual));
    this.problem = problem;
    this.expected = expected;
    this.actual = actual;
  }

  private static ProblemKind kind(Problem problem) {
    return switch (problem) {
      case NOT_PNG -> ProblemType.NOT_PNG;
      case TOO_LARGE -> ProblemType.TOO_LARGE;
      case CORRUPT, DIMENSIONS -> ProblemType.INVALID_IMAGE;
    };
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
