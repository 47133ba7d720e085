package org.govchain.anchor.spring.idempotency;

import org.govchain.anchor.web.problem.ProblemKind;
import org.springframework.http.HttpStatus;

/** The problems of {@link Idempotency}. */
public final class IdempotencyProblem {

  /** The caller used the key before, with other content. */
  public static final ProblemKind KEY_REUSED =
      ProblemKind.of(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "idempotency-key-reused",
          "Idempotency-Key reused with a different request");

  private IdempotencyProblem() {}
}
