package org.govchain.seal.problems;

import java.util.List;
import java.util.Map;
import org.govchain.anchor.spring.log.DuplicateEventException;
import org.govchain.anchor.spring.log.LogQueryException;
import org.govchain.anchor.web.problem.ProblemDetails;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.problem.ProblemKind;
import org.govchain.seal.keys.PrivateKeyDecryptionException;
import org.govchain.seal.sealing.DocumentTooLargeException;
import org.govchain.seal.sealing.HashAlgorithmMismatchException;
import org.govchain.seal.sealing.InvalidPdfException;
import org.govchain.seal.sealing.PageOutOfRangeException;
import org.govchain.seal.sealing.PlacementOutsidePageException;
import org.govchain.seal.seals.IllegalSealTransitionException;
import org.govchain.seal.seals.InvalidCreditCodeException;
import org.govchain.seal.seals.InvalidSealImageException;
import org.govchain.seal.seals.RevocationReasonRequiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/** Maps every failure of the seal API, once, to an RFC 9457 problem (no stack traces). */
@RestControllerAdvice(basePackages = "org.govchain.seal")
class ProblemHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> problem(ProblemException e, ServerHttpRequest request) {
    ProblemDetail body = ProblemDetails.of(e.kind(), e.getMessage(), e.properties(), request);
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.kind().status());
    e.headers().forEach((name, value) -> answer.header(name, value));
    return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  @ExceptionHandler(InvalidCreditCodeException.class)
  ResponseEntity<ProblemDetail> creditCode(InvalidCreditCodeException e, ServerHttpRequest r) {
    return respond(
        ProblemType.INVALID_CREDIT_CODE,
        e.getMessage(),
        Map.of(
            "errors",
            List.of(
                ProblemException.FieldError.of(
                    "creditCode",
                    e.problem() + ": expected " + e.expected() + ", was " + e.actual())),
            "problem",
            e.problem().name(),
            "expected",
            e.expected(),
            "actual",
            e.actual()),
        r);
  }

  @ExceptionHandler(InvalidSealImageException.class)
  ResponseEntity<ProblemDetail> image(InvalidSealImageException e, ServerHttpRequest r) {
    ProblemType type =
        switch (e.problem()) {
          case NOT_PNG -> ProblemType.NOT_PNG;
          case TOO_LARGE -> ProblemType.TOO_LARGE;
          case CORRUPT, DIMENSIONS -> ProblemType.INVALID_IMAGE;
        };
    return respond(
        type,
        e.getMessage(),
        Map.of(
            "errors",
            List.of(ProblemException.FieldError.of("imagePng", e.problem().name())),
            "expected",
            e.expected(),
            "actual",
            e.actual()),
        r);
  }

  @ExceptionHandler(InvalidPdfException.class)
  ResponseEntity<ProblemDetail> pdf(InvalidPdfException e, ServerHttpRequest r) {
    ProblemType type =
        e.problem() == InvalidPdfException.Problem.NOT_PDF
            ? ProblemType.NOT_PDF
            : ProblemType.INVALID_PDF;
    return respond(
        type, e.getMessage(), Map.of("problem", e.problem().name(), "reason", e.detail()), r);
  }

  @ExceptionHandler(DocumentTooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge(DocumentTooLargeException e, ServerHttpRequest r) {
    return respond(
        ProblemType.TOO_LARGE,
        e.getMessage(),
        Map.of("maxBytes", e.maxBytes(), "actualBytes", e.actualBytes()),
        r);
  }

  @ExceptionHandler(IllegalSealTransitionException.class)
  ResponseEntity<ProblemDetail> transition(IllegalSealTransitionException e, ServerHttpRequest r) {
    return respond(
        ProblemType.ILLEGAL_TRANSITION,
        e.getMessage(),
        Map.of("status", e.from().name(), "action", e.action().name()),
        r);
  }

  @ExceptionHandler(RevocationReasonRequiredException.class)
  ResponseEntity<ProblemDetail> reason(RevocationReasonRequiredException e, ServerHttpRequest r) {
    return respond(
        ProblemType.REVOCATION_REASON_REQUIRED,
        e.getMessage(),
        Map.of("errors", List.of(ProblemException.FieldError.of("reason", "must not be blank"))),
        r);
  }

  @ExceptionHandler(PageOutOfRangeException.class)
  ResponseEntity<ProblemDetail> page(PageOutOfRangeException e, ServerHttpRequest r) {
    return respond(
        ProblemType.PLACEMENT,
        e.getMessage(),
        Map.of(
            "errors",
            List.of(ProblemException.FieldError.of("page", "1.." + e.pageCount())),
            "page",
            e.page(),
            "pageCount",
            e.pageCount()),
        r);
  }

  @ExceptionHandler(PlacementOutsidePageException.class)
  ResponseEntity<ProblemDetail> placement(PlacementOutsidePageException e, ServerHttpRequest r) {
    return respond(
        ProblemType.PLACEMENT,
        e.getMessage(),
        Map.of("pageWidthMm", e.pageWidthMm(), "pageHeightMm", e.pageHeightMm()),
        r);
  }

  @ExceptionHandler(HashAlgorithmMismatchException.class)
  ResponseEntity<ProblemDetail> hash(HashAlgorithmMismatchException e, ServerHttpRequest r) {
    return respond(
        ProblemType.HASH_ALGORITHM_MISMATCH,
        e.getMessage(),
        Map.of("expected", e.expected(), "actual", e.actual()),
        r);
  }

  @ExceptionHandler(DuplicateEventException.class)
  ResponseEntity<ProblemDetail> duplicate(DuplicateEventException e, ServerHttpRequest r) {
    return respond(ProblemType.CONFLICT, "concurrent change; retry", Map.of(), r);
  }

  @ExceptionHandler(LogQueryException.class)
  ResponseEntity<ProblemDetail> log(LogQueryException e, ServerHttpRequest request) {
    ProblemDetail body = ProblemDetails.completed(e.getBody(), request);
    return ResponseEntity.status(e.getStatusCode())
        .headers(e.getHeaders())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }

  @ExceptionHandler(WebExchangeBindException.class)
  ResponseEntity<ProblemDetail> validation(WebExchangeBindException e, ServerHttpRequest r) {
    List<ProblemException.FieldError> errors =
        e.getFieldErrors().stream()
            .map(f -> ProblemException.FieldError.of(f.getField(), f.getDefaultMessage()))
            .toList();
    return respond(
        ProblemType.INVALID_REQUEST, "the request has invalid fields", Map.of("errors", errors), r);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ProblemDetail> parameters(
      HandlerMethodValidationException e, ServerHttpRequest r) {
    List<ProblemException.FieldError> errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                ProblemException.FieldError.of(
                                    String.valueOf(result.getMethodParameter().getParameterName()),
                                    error.getDefaultMessage())))
            .toList();
    return respond(
        ProblemType.INVALID_REQUEST, "the request has invalid fields", Map.of("errors", errors), r);
  }

  @ExceptionHandler(UnsupportedMediaTypeStatusException.class)
  ResponseEntity<ProblemDetail> mediaType(
      UnsupportedMediaTypeStatusException e, ServerHttpRequest r) {
    return respond(
        ProblemType.UNSUPPORTED_MEDIA_TYPE,
        "content type " + e.getContentType() + " is not supported",
        Map.of("supported", e.getSupportedMediaTypes().stream().map(Object::toString).toList()),
        r);
  }

  @ExceptionHandler(ServerWebInputException.class)
  ResponseEntity<ProblemDetail> malformed(ServerWebInputException e, ServerHttpRequest r) {
    if (e.getMostSpecificCause() instanceof DataBufferLimitException) {
      // the starter's error handler answers it with the configured limit
      throw e;
    }
    return respond(ProblemType.MALFORMED_REQUEST, e.getReason(), Map.of(), r);
  }

  /**
   * The database refused or failed a write (the transaction rolled back, nothing changed): 503 when
   * it is unreachable or the failure is transient, else 500. The log line names the failure but not
   * the database's message details, which may quote row values.
   */
  @ExceptionHandler(DataAccessException.class)
  ResponseEntity<ProblemDetail> database(DataAccessException e, ServerHttpRequest r) {
    boolean unavailable =
        e instanceof DataAccessResourceFailureException
            || e instanceof TransientDataAccessException;
    Throwable cause = e.getMostSpecificCause();
    String message = String.valueOf(cause.getMessage());
    LOG.error(
        "requestId={} database failure on {} {}: {}: {}",
        r.getHeaders().getFirst("X-Request-Id"),
        r.getMethod(),
        r.getPath().value(),
        cause.getClass().getName(),
        message.lines().findFirst().orElse(""));
    return unavailable
        ? respond(
            ProblemType.SERVICE_UNAVAILABLE,
            "the database is unavailable; nothing was changed, retry later",
            Map.of(),
            r)
        : respond(
            ProblemType.INTERNAL_ERROR,
            "the database refused the write; nothing was changed",
            Map.of(),
            r);
  }

  @ExceptionHandler(PrivateKeyDecryptionException.class)
  ResponseEntity<ProblemDetail> key(PrivateKeyDecryptionException e, ServerHttpRequest r) {
    LOG.error("seal key cannot be decrypted: {}", e.getMessage());
    return respond(
        ProblemType.INTERNAL_ERROR,
        "the seal's key cannot be used; the operators have been told",
        Map.of(),
        r);
  }

  private static ResponseEntity<ProblemDetail> respond(
      ProblemKind type, String detail, Map<String, ?> properties, ServerHttpRequest request) {
    ProblemDetail body = ProblemDetails.of(type, detail, properties, request);
    return ResponseEntity.status(type.status())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }
}
