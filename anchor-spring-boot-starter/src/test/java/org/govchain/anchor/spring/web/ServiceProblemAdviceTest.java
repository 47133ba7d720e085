package org.govchain.anchor.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.web.bind.annotation.RestController;

/** How {@link ServiceProblemAdvice} answers AOP method validation's constraint violations. */
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
