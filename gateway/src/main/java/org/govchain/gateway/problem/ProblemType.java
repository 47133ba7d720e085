package org.govchain.gateway.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/** The problems the gateway answers itself, each with its stable RFC 9457 type URI. */
public enum ProblemType {
  UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required"),
  FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed"),
  NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "No such resource"),
  PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
  RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
  SERVICE_UNAVAILABLE(
      "service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service temporarily unavailable");

  private static final String BASE = "https://govchain.example/problems/";

  private final String kind;
  private final HttpStatus status;
  private final String title;

  ProblemType(String kind, HttpStatus status, String title) {
    this.kind = kind;
    this.status = status;
    this.title = title;
  }

  /** {@code https://govchain.example/problems/<kind>}. */
  public URI type() {
    return URI.create(BASE + kind);
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }
}
