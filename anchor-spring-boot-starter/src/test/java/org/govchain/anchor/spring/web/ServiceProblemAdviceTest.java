package org.govchain.anchor.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import java.lang.reflect.Method;
import java.util.List;
import org.govchain.anchor.web.problem.ProblemException.FieldError;
import org.govchain.anchor.web.validation.PlainText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.RestController;

/**
 * How {@link ServiceProblemAdvice} answers AOP method validation's constraint violations, and a
 * transaction that could not begin.
 */
class ServiceProblemAdviceTest {

  @RestController
  static class Listing {
    String list(@PlainText String region, @Min(0) int page) {
      return region + page;
    }
  }

  static class Internal {
    void work(@Min(1) int count) {}
  }

  private static ValidatorFactory factory;

  @BeforeAll
  static void start() {
    factory = Validation.buildDefaultValidatorFactory();
  }

  @AfterAll
  static void stop() {
    factory.close();
  }

  private final ServiceProblemAdvice advice = new ServiceProblemAdvice(1024);

  @Test
  void aControllersParametersAreTheCallersInputAnInvalidRequestNamingEach() throws Exception {
    Method list = Listing.class.getDeclaredMethod("list", String.class, int.class);
    ConstraintViolationException e =
        violations(new Listing(), list, new Object[] {"36\u00000502", -1});

    ResponseEntity<ProblemDetail> answer = advice.constraints(e, request());

    assertThat(answer.getStatusCode().value()).isEqualTo(422);
    assertThat(answer.getBody().getType().toString()).endsWith("/invalid-request");
    @SuppressWarnings("unchecked")
    List<FieldError> errors = (List<FieldError>) answer.getBody().getProperties().get("errors");
    assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("region", "page");
    assertThat(errors.toString()).doesNotContain("36\u00000502");
  }

  @Test
  void aViolationOutsideAControllerIsTheServersFailure() throws Exception {
    Method work = Internal.class.getDeclaredMethod("work", int.class);
    ConstraintViolationException e = violations(new Internal(), work, new Object[] {0});

    assertThat(advice.constraints(e, request()).getStatusCode().value()).isEqualTo(500);
  }

  @Test
  void aTransactionThatCannotBeginForWantOfTheDatabaseIsServiceUnavailable() {
    // what the R2DBC transaction manager throws while PostgreSQL is down (PostgresRestartIT)
    CannotCreateTransactionException e =
        new CannotCreateTransactionException(
            "Could not open R2DBC Connection for transaction",
            new R2dbcNonTransientResourceException("[08003] Cannot connect to 127.0.0.1:5432"));

    ResponseEntity<ProblemDetail> answer = advice.noTransaction(e, request());

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    assertThat(answer.getBody().getType().toString()).endsWith("/service-unavailable");
    assertThat(answer.getBody().toString()).doesNotContain("R2DBC", "08003", "5432", "Exception");
  }

  private static <T> ConstraintViolationException violations(
      T target, Method method, Object[] arguments) {
    var found =
        factory.getValidator().forExecutables().validateParameters(target, method, arguments);
    assertThat(found).isNotEmpty();
    return new ConstraintViolationException(found);
  }

  private static org.springframework.http.server.reactive.ServerHttpRequest request() {
    return MockServerHttpRequest.get("/api/x").build();
  }
}
