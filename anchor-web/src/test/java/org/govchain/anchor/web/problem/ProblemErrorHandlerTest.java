package org.govchain.anchor.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemErrorHandlerTest {

  @Test
  void aServerFailureTellsTheCallerItsPublicDetailNotTheOperatorsMessage() {
    ProblemErrorHandler.Answer answer =
        ProblemErrorHandler.answer(
            new InternalProblemException("key k-7 does not decrypt row 42", "try again later"),
            1024);

    assertThat(answer.kind()).isEqualTo(CommonProblem.INTERNAL_ERROR);
    assertThat(answer.detail()).isEqualTo("try again later");
  }

  @Test
  void aRefusalTellsTheCallerItsDetail() {
    ProblemErrorHandler.Answer answer =
        ProblemErrorHandler.answer(
            new ProblemException(CommonProblem.CONFLICT, "the seal is revoked"), 1024);

    assertThat(answer.detail()).isEqualTo("the seal is revoked");
  }
}
