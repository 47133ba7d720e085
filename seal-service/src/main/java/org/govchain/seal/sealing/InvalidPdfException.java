package org.govchain.seal.sealing;

import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.seal.problems.ProblemType;

/** An upload that is not a PDF the service can seal or verify, with why. */
public final class InvalidPdfException extends ProblemException {
  /** Why the PDF is refused. */
  public enum Problem {
    /** No "%PDF-" header near the start. */
    NOT_PDF,
    /** The header is there but the file does not parse. */
    CORRUPT,
    /** Password-protected or encrypted (signing would need its permissions, and changes bytes). */
    ENCRYPTED
  }

  private final Problem problem;
  private final String detail;

  public InvalidPdfException(Problem problem, String detail) {
    super(
        problem == Problem.NOT_PDF ? ProblemType.NOT_PDF : ProblemType.INVALID_PDF,
        "not a usable PDF: " + problem + " (" + detail + ")",
        Map.of("problem", problem.name(), "reason", detail));
    this.problem = problem;
    this.detail = detail;
  }

  public Problem problem() {
    return problem;
  }

  /** Why the PDF is refused, in words (the {@code reason} member of the problem). */
  public String reason() {
    return detail;
  }
}
