package org.govchain.anchor.spring.log;

import java.net.URI;
import java.util.Map;
import org.govchain.anchor.web.problem.ProblemKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A log read that cannot be answered, rendered as RFC 9457 problem+json with a stable type URI
 * {@code https://govchain.example/problems/<kind>}; services that expose bundles themselves can
 * throw it on.
 */
public abstract class LogQueryException extends ErrorResponseException {

  private static final long serialVersionUID = 1L;

  LogQueryException(
      HttpStatus status, String kind, String title, String detail, Map<String, Object> values) {
    super(status, problem(status, kind, title, detail, values), null);
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }

  private static ProblemDetail problem(
      HttpStatus status, String kind, String title, String detail, Map<String, Object> values) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(ProblemKind.TYPE_BASE + kind));
    problem.setTitle(title);
    values.forEach(problem::setProperty);
    return problem;
  }
}
