package org.govchain.anchor.web.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.govchain.anchor.web.requestid.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The last word on every error that reaches the web layer: whatever failed — an unknown path, a
 * wrong method or content type, an unreadable body (a codec's {@link DecodingException}, wrapped or
 * not: 400), a body over the limit, a {@link ProblemException}, an {@link ErrorResponse} with its
 * own problem, or an unexpected failure — the caller gets an RFC 9457 problem with a GovChain type
 * and the request's id, never the framework's default JSON or a stack trace. Unexpected failures
 * are logged in one line (the stack trace at DEBUG). Runs before Spring Boot's error handler.
 */
public final class ProblemErrorHandler implements WebExceptionHandler, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorHandler.class);

  /**
   * The setting of the request body limit every application shares ({@code
   * GOVCHAIN_MAX_REQUEST_SIZE}).
   */
  public static final String MAX_REQUEST_SIZE = "govchain.web.max-request-size";

  /** The limit when {@link #MAX_REQUEST_SIZE} is not set: 2 MB. */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 2L * 1024 * 1024;

  private final ProblemWriter writer;
  private final long maxRequestBytes;

  /**
   * Answers a body over {@code maxRequestBytes} (the codecs' limit) as {@code payload-too-large}.
   */
  public ProblemErrorHandler(ProblemWriter writer, long maxRequestBytes) {
    this.writer = writer;
    this.maxRequestBytes = maxRequestBytes;
  }

  /** Before Boot's {@code DefaultErrorWebExceptionHandler} (-1) and Spring's own (0). */
  @Override
  public int getOrder() {
    return -2;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    Answer answer = answer(error, maxRequestBytes);
    if (answer.kind().status().is5xxServerError()) {
      log(exchange, error);
    }
    exchange.getResponse().getHeaders().clearContentHeaders();
    return writer.write(
        exchange, answer.kind(), answer.detail(), answer.properties(), answer.headers());
  }

  /** The answer to a request body over {@code maxBytes}: 413 {@code payload-too-large}. */
  public static ProblemException bodyTooLarge(long maxBytes) {
    return new ProblemException(
        CommonProblem.PAYLOAD_TOO_LARGE,
        "the request body is larger than the limit of " + maxBytes + " bytes",
        Map.of("maxBytes", maxBytes));
  }

  /**
   * Whether {@code error} is, or was caused by, a body over the codecs' limit: a {@link
   * DataBufferLimitException}, or the framework's own 413 (Spring 7 answers a JSON body over the
   * limit with a 413 {@code ResponseStatusException} that does not keep the cause).
   */
  public static boolean isBodyTooLarge(Throwable error) {
    return find(error, DataBufferLimitException.class) != null
        || (error instanceof ErrorResponse e && e.getStatusCode().value() == 413);
  }

  /** What a failure is answered with. */
  record Answer(
      ProblemKind kind, String detail, Map<String, ?> properties, Map<String, String> headers) {}

  static Answer answer(Throwable error, long maxRequestBytes) {
    if (error instanceof ProblemException p) {
      return new Answer(p.kind(), p.detail(), p.properties(), p.headers());
    }
    if (isBodyTooLarge(error)) {
      ProblemException tooLarge = bodyTooLarge(maxRequestBytes);
      return new Answer(tooLarge.kind(), tooLarge.detail(), tooLarge.properties(), Map.of());
    }
    if (error instanceof UnsupportedMediaTypeStatusException e) {
      return new Answer(
          CommonProblem.UNSUPPORTED_MEDIA_TYPE,
          "content type " + e.getContentType() + " is not supported here",
          Map.of("supported", e.getSupportedMediaTypes().stream().map(Object::toString).toList()),
          Map.of());
    }
    if (error instanceof MethodNotAllowedException e) {
      return new Answer(
          CommonProblem.METHOD_NOT_ALLOWED,
          e.getHttpMethod() + " is not allowed here",
          Map.of("allowed", e.getSupportedMethods().stream().map(Object::toString).toList()),
          Map.of(
              HttpHeaders.ALLOW,
              String.join(", ", e.getSupportedMethods().stream().map(Object::toString).toList())));
    }
    if (error instanceof NotAcceptableStatusException) {
      return new Answer(
          CommonProblem.NOT_ACCEPTABLE,
          "no representation matches the Accept header",
          Map.of(),
          Map.of());
    }
    if (error instanceof ServerWebInputException e) {
      return new Answer(
          CommonProblem.MALFORMED_REQUEST,
          find(error, DecodingException.class) != null
              ? "the request body cannot be read: " + firstLine(e.getReason())
              : firstLine(e.getReason()),
          Map.of(),
          Map.of());
    }
    if (error instanceof ErrorResponse e) {
      return fromErrorResponse(e);
    }
    if (find(error, DecodingException.class) != null) {
      // a codec read straight from the exchange, e.g. getMultipartData() on a body whose parts do
      // not match the Content-Type's boundary; its message may quote the body, so it is not told
      return new Answer(
          CommonProblem.MALFORMED_REQUEST, "the request body cannot be read", Map.of(), Map.of());
    }
    return new Answer(
        CommonProblem.INTERNAL_ERROR,
        "the request failed unexpectedly; the operators can find it by its request id",
        Map.of(),
        Map.of());
  }

  private static Answer fromErrorResponse(ErrorResponse e) {
    ProblemDetail body = e.getBody();
    int status = e.getStatusCode().value();
    Map<String, String> headers = new LinkedHashMap<>();
    e.getHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
    if (body.getType() != null && body.getType().toString().startsWith(ProblemKind.TYPE_BASE)) {
      ProblemKind own =
          ProblemKind.of(
              org.springframework.http.HttpStatus.valueOf(status),
              body.getType().toString().substring(ProblemKind.TYPE_BASE.length()),
              body.getTitle() == null ? "" : body.getTitle());
      Map<String, Object> properties =
          body.getProperties() == null ? Map.of() : new LinkedHashMap<>(body.getProperties());
      return new Answer(own, body.getDetail(), properties, headers);
    }
    ProblemKind common = CommonProblem.forStatus(status);
    if (common == null) {
      common = status >= 500 ? CommonProblem.INTERNAL_ERROR : CommonProblem.MALFORMED_REQUEST;
    }
    String detail =
        status == 404
            ? "no resource at this path"
            : body.getDetail() == null ? common.title() : firstLine(body.getDetail());
    return new Answer(common, detail, Map.of(), headers);
  }

  private static void log(ServerWebExchange exchange, Throwable error) {
    String id = RequestIds.of(exchange).orElse("-");
    LOG.error(
        "requestId={} {} {} failed: {}: {}",
        id,
        exchange.getRequest().getMethod(),
        exchange.getRequest().getPath().value(),
        error.getClass().getName(),
        firstLine(error.getMessage()));
    LOG.debug("requestId={} stack trace", id, error);
  }

  private static Throwable find(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static String firstLine(String text) {
    return text == null ? null : text.lines().findFirst().orElse("");
  }
}
