package org.govchain.anchor.web.problem;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The problems every GovChain application can answer, whatever its domain. */
public final class CommonProblem {

  public static final ProblemKind MALFORMED_REQUEST =
      ProblemKind.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request");

  public static final ProblemKind UNAUTHORIZED =
      ProblemKind.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required");

  public static final ProblemKind FORBIDDEN =
      ProblemKind.of(HttpStatus.FORBIDDEN, "forbidden", "Role not allowed");

  public static final ProblemKind NOT_FOUND =
      ProblemKind.of(HttpStatus.NOT_FOUND, "not-found", "No such resource");

  public static final ProblemKind METHOD_NOT_ALLOWED =
      ProblemKind.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed");

  public static final ProblemKind NOT_ACCEPTABLE =
      ProblemKind.of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "No acceptable representation");

  public static final ProblemKind CONFLICT =
      ProblemKind.of(HttpStatus.CONFLICT, "conflict", "Conflicting write");

  public static final ProblemKind PAYLOAD_TOO_LARGE =
      ProblemKind.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large");

  public static final ProblemKind UNSUPPORTED_MEDIA_TYPE =
      ProblemKind.of(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type");

  public static final ProblemKind INVALID_REQUEST =
      ProblemKind.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", "Invalid request");

  public static final ProblemKind RATE_LIMITED =
      ProblemKind.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests");

  public static final ProblemKind INTERNAL_ERROR =
      ProblemKind.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error");

  public static final ProblemKind SERVICE_UNAVAILABLE =
      ProblemKind.of(
          HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service temporarily unavailable");

  /** All of them. */
  public static final List<ProblemKind> ALL =
      List.of(
          MALFORMED_REQUEST,
          UNAUTHORIZED,
          FORBIDDEN,
          NOT_FOUND,
          METHOD_NOT_ALLOWED,
          NOT_ACCEPTABLE,
          CONFLICT,
          PAYLOAD_TOO_LARGE,
          UNSUPPORTED_MEDIA_TYPE,
          INVALID_REQUEST,
          RATE_LIMITED,
          INTERNAL_ERROR,
          SERVICE_UNAVAILABLE);

  private CommonProblem() {}

  /** The common kind for an HTTP status the framework chose, or {@code null} if none fits. */
  public static ProblemKind forStatus(int status) {
    return ALL.stream().filter(k -> k.status().value() == status).findFirst().orElse(null);
  }
}
