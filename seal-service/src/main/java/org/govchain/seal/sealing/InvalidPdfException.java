package org.govchain.seal.sealing;

/** An upload that is not a PDF the service can seal or verify, with why. */
public final class InvalidPdfException extends RuntimeException {
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
    super("not a usable PDF: " + problem + " (" + detail + ")");
    this.problem = problem;
    this.detail = detail;
  }

  public Problem problem() {
    return problem;
  }

  public String detail() {
    return detail;
  }
}
