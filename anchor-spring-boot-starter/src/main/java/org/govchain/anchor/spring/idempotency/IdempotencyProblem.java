package org.govchain.anchor.spring.idempotency;

import org.govchain.anchor.web.problem.ProblemKind;
import org.springframework.http.HttpStatus;

/** The problems of {@link Idempotency}. */
public enum IdempotencyProblem implements ProblemKind {
  KEY_REUSED(
      HttpStatus.UNPROCESSABLE_CONTENT,
      "idempotency-key-reused",
      "Idempotency-Key reused with a different request");

  private final HttpStatus status;
  private final String kind;
  private final String title;

  IdempotencyProblem(HttpStatus status, String kind, String title) {
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
