package org.govchain.anchor.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.codec.DecodingException;

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

  @Test
  void aBodyNoCodecCanReadIsAMalformedRequestWrappedOrNot() {
    for (Throwable error :
        new Throwable[] {
          new DecodingException("Could not find first boundary"),
          new IllegalStateException(
              "reading parts", new DecodingException("No end of body: secret"))
        }) {
      ProblemErrorHandler.Answer answer = ProblemErrorHandler.answer(error, 1024);

      assertThat(answer.kind()).isEqualTo(CommonProblem.MALFORMED_REQUEST);
      assertThat(answer.detail()).isEqualTo("the request body cannot be read");
    }
  }

  @Test
  void anUnexpectedFailureIsStillAnInternalError() {
    assertThat(ProblemErrorHandler.answer(new IllegalStateException("bug"), 1024).kind())
        .isEqualTo(CommonProblem.INTERNAL_ERROR);
  }
}
