package org.govchain.seal.problems;

import org.govchain.anchor.web.problem.ProblemKind;
import org.springframework.http.HttpStatus;

/**
 * The seal service's own problem kinds; the common ones (malformed-request, unauthorized,
 * forbidden, invalid-request, conflict, …) are anchor-web's {@code CommonProblem}.
 */
public enum ProblemType implements ProblemKind {
  INVALID_CREDIT_CODE(
      HttpStatus.UNPROCESSABLE_CONTENT,
      "invalid-credit-code",
      "Invalid unified social credit code"),
  NOT_PNG(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-png", "Seal image is not a PNG"),
  INVALID_IMAGE(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-image", "Unacceptable seal image"),
  NOT_PDF(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-pdf", "Document is not a PDF"),
  INVALID_PDF(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-pdf", "Unreadable PDF"),
  TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Upload too large"),
  UNKNOWN_SEAL(HttpStatus.NOT_FOUND, "unknown-seal", "Unknown seal"),
  UNKNOWN_SEALING(HttpStatus.NOT_FOUND, "unknown-sealing", "Unknown sealing"),
  ILLEGAL_TRANSITION(HttpStatus.CONFLICT, "illegal-transition", "Illegal seal transition"),
  SEAL_NOT_ACTIVE(HttpStatus.CONFLICT, "seal-not-active", "Seal cannot seal"),
  REVOCATION_REASON_REQUIRED(
      HttpStatus.UNPROCESSABLE_CONTENT, "revocation-reason-required", "Revocation needs a reason"),
  PLACEMENT(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-placement", "Seal placement off the page"),
  HASH_ALGORITHM_MISMATCH(
      HttpStatus.UNPROCESSABLE_CONTENT, "hash-algorithm-mismatch", "Wrong hash algorithm");

  private final HttpStatus status;
  private final String kind;
  private final String title;

  ProblemType(HttpStatus status, String kind, String title) {
    this.status = status;
    this.kind = kind;
    this.title = title;
  }

  @Override
  public HttpStatus status() {
    return status;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public String title() {
    return title;
  }
}
