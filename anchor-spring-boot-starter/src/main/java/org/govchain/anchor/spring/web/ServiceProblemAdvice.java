package org.govchain.anchor.spring.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.List;
import java.util.Map;
import org.govchain.anchor.spring.log.DuplicateEventException;
import org.govchain.anchor.web.problem.CommonProblem;
import org.govchain.anchor.web.problem.ProblemDetails;
import org.govchain.anchor.web.problem.ProblemErrorHandler;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.problem.ProblemException.FieldError;
import org.govchain.anchor.web.problem.ProblemKind;
import org.govchain.anchor.web.requestid.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * The one problem handler of every service's controllers: a {@link ProblemException} (which a
 * service's domain exceptions extend, each carrying its {@link ProblemKind}) answers its kind,
 * detail, values and headers; the log API's problems pass through; validation, media type, body and
 * database failures get their common kinds. Every answer carries the request id; server-side
 * failures are logged in one line without personal data. What it does not handle reaches the
 * starter's {@code ProblemErrorHandler}. A service declares kinds and exceptions, never handlers.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ServiceProblemAdvice {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceProblemAdvice.class);

  private final long maxRequestBytes;

  /** Answers bodies over {@code maxRequestBytes} (the codecs' limit) as payload-too-large. */
  public ServiceProblemAdvice(long maxRequestBytes) {
    this.maxRequestBytes = maxRequestBytes;
  }

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> problem(ProblemException e, ServerHttpRequest request) {
    if (e.kind().status().is5xxServerError()) {
      logFailure(request, e.getClass().getName(), e.getMessage());
    }
    return answer(
        e.kind().status().value(),
        ProblemDetails.of(e.kind(), e.detail(), e.properties(), request),
        e.headers());
  }

  /** The log API's problems ({@code LogQueryException}) and any other with a GovChain type. */
  @ExceptionHandler(ErrorResponseException.class)
  ResponseEntity<ProblemDetail> errorResponse(ErrorResponseException e, ServerHttpRequest request) {
    if (ProblemErrorHandler.isBodyTooLarge(e)) {
      return problem(ProblemErrorHandler.bodyTooLarge(maxRequestBytes), request);
    }
    ProblemDetail body = e.getBody();
    if (body.getType() == null || !body.getType().toString().startsWith(ProblemKind.TYPE_BASE)) {
      ProblemKind kind = CommonProblem.forStatus(e.getStatusCode().value());
      if (kind == null) {
        kind = CommonProblem.INTERNAL_ERROR;
      }
      body = ProblemDetails.of(kind, body.getDetail(), Map.of(), request);
    } else {
      body = ProblemDetails.completed(body, request);
    }
    ResponseEntity.BodyBuilder builder = ResponseEntity.status(e.getStatusCode());
    e.getHeaders().forEach((name, values) -> builder.header(name, values.toArray(String[]::new)));
    return builder.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  @ExceptionHandler(DuplicateEventException.class)
  ResponseEntity<ProblemDetail> duplicate(DuplicateEventException e, ServerHttpRequest request) {
    return common(CommonProblem.CONFLICT, "concurrent change; retry", Map.of(), request);
  }

  @ExceptionHandler(WebExchangeBindException.class)
  ResponseEntity<ProblemDetail> validation(WebExchangeBindException e, ServerHttpRequest request) {
    List<FieldError> errors =
        e.getFieldErrors().stream()
            .map(f -> FieldError.of(f.getField(), f.getDefaultMessage()))
            .toList();
    return invalidFields(errors, request);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ProblemDetail> parameters(
      HandlerMethodValidationException e, ServerHttpRequest request) {
    List<FieldError> errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                FieldError.of(
                                    String.valueOf(result.getMethodParameter().getParameterName()),
                                    error.getDefaultMessage())))
            .toList();
    return invalidFields(errors, request);
  }

  /**
   * A controller annotated {@code @Validated} has its parameters checked by Spring's AOP method
   * validation, which throws {@link ConstraintViolationException} rather than the web layer's
   * {@link HandlerMethodValidationException}: the same 422 when every violation is a controller
   * method's (the caller's input), named by its parameter; a violation anywhere else is the
   * server's own (500, logged).
   */
  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraints(
      ConstraintViolationException e, ServerHttpRequest request) {
    boolean input =
        !e.getConstraintViolations().isEmpty()
            && e.getConstraintViolations().stream()
                .allMatch(
                    v ->
                        v.getRootBeanClass() != null
                            && AnnotatedElementUtils.hasAnnotation(
                                v.getRootBeanClass(), Controller.class));
    if (!input) {
      logFailure(request, e.getClass().getName(), "constraint violated outside a controller");
      return common(
          CommonProblem.INTERNAL_ERROR,
          "the request failed unexpectedly; the operators can find it by its request id",
          Map.of(),
          request);
    }
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> FieldError.of(lastNode(v), v.getMessage()))
            .toList();
    return invalidFields(errors, request);
  }

  /** The parameter (or its property) a violation names: {@code list.region} → {@code region}. */
  private static String lastNode(ConstraintViolation<?> violation) {
    String name = "";
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getName() != null) {
        name = node.getName();
      }
    }
    return name;
  }

  private static ResponseEntity<ProblemDetail> invalidFields(
      List<FieldError> errors, ServerHttpRequest request) {
    return common(
        CommonProblem.INVALID_REQUEST,
        "the request has invalid fields",
        Map.of("errors", errors),
        request);
  }

  @ExceptionHandler(UnsupportedMediaTypeStatusException.class)
  ResponseEntity<ProblemDetail> mediaType(
      UnsupportedMediaTypeStatusException e, ServerHttpRequest request) {
    return common(
        CommonProblem.UNSUPPORTED_MEDIA_TYPE,
        "content type " + e.getContentType() + " is not supported",
        Map.of("supported", e.getSupportedMediaTypes().stream().map(Object::toString).toList()),
        request);
  }

  @ExceptionHandler(ServerWebInputException.class)
  ResponseEntity<ProblemDetail> malformed(ServerWebInputException e, ServerHttpRequest request) {
    if (ProblemErrorHandler.isBodyTooLarge(e)) {
      return problem(ProblemErrorHandler.bodyTooLarge(maxRequestBytes), request);
    }
    return common(CommonProblem.MALFORMED_REQUEST, e.getReason(), Map.of(), request);
  }

  @ExceptionHandler(DataBufferLimitException.class)
  ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException e, ServerHttpRequest request) {
    return problem(ProblemErrorHandler.bodyTooLarge(maxRequestBytes), request);
  }

  /**
   * The database refused or failed a write (the transaction rolled back, nothing changed): 503 when
   * it is unreachable or the failure is transient, else 500. The log line names the failure but not
   * the database's message details, which may quote row values.
   */
  @ExceptionHandler(DataAccessException.class)
  ResponseEntity<ProblemDetail> database(DataAccessException e, ServerHttpRequest request) {
    boolean unavailable =
        e instanceof DataAccessResourceFailureException
            || e instanceof TransientDataAccessException;
    Throwable cause = e.getMostSpecificCause();
    logFailure(
        request,
        "database failure: " + cause.getClass().getName(),
        String.valueOf(cause.getMessage()));
    return unavailable
        ? common(
            CommonProblem.SERVICE_UNAVAILABLE,
            "the database is unavailable; nothing was changed, retry later",
            Map.of(),
            request)
        : common(
            CommonProblem.INTERNAL_ERROR,
            "the database refused the write; nothing was changed",
            Map.of(),
            request);
  }

  /**
   * No transaction could be begun — the pool had no working connection to give (the database is
   * down or restarting) — so nothing was done: 503, as for an unreachable database. Spring reports
   * this as a transaction failure, not a {@link DataAccessException}.
   */
  @ExceptionHandler(CannotCreateTransactionException.class)
  ResponseEntity<ProblemDetail> noTransaction(
      CannotCreateTransactionException e, ServerHttpRequest request) {
    Throwable cause = e.getMostSpecificCause();
    logFailure(
        request,
        "no transaction: " + cause.getClass().getName(),
        String.valueOf(cause.getMessage()));
    return common(
        CommonProblem.SERVICE_UNAVAILABLE,
        "the database is unavailable; nothing was changed, retry later",
        Map.of(),
        request);
  }

  private static ResponseEntity<ProblemDetail> common(
      ProblemKind kind, String detail, Map<String, ?> properties, ServerHttpRequest request) {
    return answer(
        kind.status().value(), ProblemDetails.of(kind, detail, properties, request), Map.of());
  }

  private static ResponseEntity<ProblemDetail> answer(
      int status, ProblemDetail body, Map<String, String> headers) {
    ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
    headers.forEach((name, value) -> builder.header(name, value));
    return builder.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  private static void logFailure(ServerHttpRequest request, String what, String message) {
    LOG.error(
        "requestId={} {} {} failed: {}: {}",
        request.getHeaders().getFirst(RequestIds.HEADER),
        request.getMethod(),
        request.getPath().value(),
        what,
        message == null ? "" : message.lines().findFirst().orElse(""));
  }
}
