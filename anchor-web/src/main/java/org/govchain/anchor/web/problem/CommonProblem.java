package org.govchain.anchor.web.problem;

import org.springframework.http.HttpStatus;

/** The problems every GovChain application can answer, whatever its domain. */
public enum CommonProblem implements ProblemKind {
  MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request"),
  UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Role not allowed"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "No such resource"),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "No acceptable representation"),
  CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflicting write"),
  PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large"),
  UNSUPPORTED_MEDIA_TYPE(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
  INVALID_REQUEST(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", "Invalid request"),
  RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
  INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error"),
  SERVICE_UNAVAILABLE(
      HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service temporarily unavailable");

  private final HttpStatus status;
  private final String kind;
  private final String title;

  CommonProblem(HttpStatus status, String kind, String title) {
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

  /** The common kind for an HTTP status the framework chose, or {@code null} if none fits. */
  public static CommonProblem forStatus(int status) {
    for (CommonProblem p : values()) {
      if (p.status.value() == status) {
        return p;
      }
    }
    return null;
  }
}
