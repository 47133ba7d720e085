package org.govchain.seal.problems;

import org.govchain.anchor.spring.web.Uploads;
import org.govchain.anchor.web.problem.ProblemKind;
import org.springframework.http.HttpStatus;

/**
 * The seal service's own problem kinds; the common ones (malformed-request, unauthorized,
 * forbidden, invalid-request, conflict, …) are anchor-web's {@code CommonProblem}.
 */
public final class ProblemType {

  public static final ProblemKind INVALID_CREDIT_CODE =
      ProblemKind.of(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "invalid-credit-code",
          "Invalid unified social credit code");

  public static final ProblemKind NOT_PNG =
      ProblemKind.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-png", "Seal image is not a PNG");

  public static final ProblemKind INVALID_IMAGE =
      ProblemKind.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-image", "Unacceptable seal image");

  public static final ProblemKind NOT_PDF =
      ProblemKind.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-pdf", "Document is not a PDF");

  public static final ProblemKind INVALID_PDF =
      ProblemKind.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-pdf", "Unreadable PDF");

  /** An upload, a part or the seal image over its limit: the starter's. */
  public static final ProblemKind TOO_LARGE = Uploads.TOO_LARGE;

  public static final ProblemKind UNKNOWN_SEAL =
      ProblemKind.of(HttpStatus.NOT_FOUND, "unknown-seal", "Unknown seal");

  public static final ProblemKind UNKNOWN_SEALING =
      ProblemKind.of(HttpStatus.NOT_FOUND, "unknown-sealing", "Unknown sealing");

  public static final ProblemKind ILLEGAL_TRANSITION =
      ProblemKind.of(HttpStatus.CONFLICT, "illegal-transition", "Illegal seal transition");

  public static final ProblemKind SEAL_NOT_ACTIVE =
      ProblemKind.of(HttpStatus.CONFLICT, "seal-not-active", "Seal cannot seal");

  public static final ProblemKind REVOCATION_REASON_REQUIRED =
      ProblemKind.of(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "revocation-reason-required",
          "Revocation needs a reason");

  public static final ProblemKind PLACEMENT =
      ProblemKind.of(
          HttpStatus.UNPROCESSABLE_CONTENT, "invalid-placement", "Seal placement off the page");

  public static final ProblemKind HASH_ALGORITHM_MISMATCH =
      ProblemKind.of(
          HttpStatus.UNPROCESSABLE_CONTENT, "hash-algorithm-mismatch", "Wrong hash algorithm");

  private ProblemType() {}
}
