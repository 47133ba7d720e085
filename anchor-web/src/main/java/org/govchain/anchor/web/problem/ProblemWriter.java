package org.govchain.anchor.web.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.govchain.anchor.web.requestid.RequestIds;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 {@code application/problem+json} answer straight to an exchange, for the
 * places that answer before any controller (security, limits, the gateway's filters) and for the
 * last-resort error handler: {@code type}, {@code title}, {@code status}, {@code detail}, {@code
 * instance} (the path, never the query, which may hold personal data), {@code requestId} (the
 * exchange's {@code X-Request-Id}) and the extension members given.
 */
public final class ProblemWriter {

  private final JsonMapper json;

  public ProblemWriter(JsonMapper json) {
    this.json = json;
  }

  /** The problem's members in their usual order. */
  public static Map<String, Object> body(
      ProblemKind kind, String detail, ServerWebExchange exchange, Map<String, ?> properties) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", kind.type().toString());
    problem.put("title", kind.title());
    problem.put("status", kind.status().value());
    if (detail != null) {
      problem.put("detail", detail);
    }
    problem.put("instance", exchange.getRequest().getPath().value());
    RequestIds.of(exchange).ifPresent(id -> problem.put(RequestIds.PROBLEM_MEMBER, id));
    properties.forEach(problem::putIfAbsent);
    return problem;
  }

  /**
   * Answers {@code kind} with {@code detail}, {@code properties} and the extra {@code headers}.
   * Fails when the response is already committed (nothing can be answered then).
   */
  public Mono<Void> write(
      ServerWebExchange exchange,
      ProblemKind kind,
      String detail,
      Map<String, ?> properties,
      Map<String, String> headers) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.error(
          new IllegalStateException(
              "cannot answer " + kind.kind() + ": the response is already committed"));
    }
    byte[] bytes =
        json.writeValueAsString(body(kind, detail, exchange, properties))
            .getBytes(StandardCharsets.UTF_8);
    response.setStatusCode(kind.status());
    HttpHeaders responseHeaders = response.getHeaders();
    responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    responseHeaders.setContentLength(bytes.length);
    headers.forEach(responseHeaders::set);
    DataBuffer buffer = response.bufferFactory().wrap(bytes);
    return response.writeWith(Mono.just(buffer));
  }

  /** Answers {@code kind} with {@code detail} and nothing else. */
  public Mono<Void> write(ServerWebExchange exchange, ProblemKind kind, String detail) {
    return write(exchange, kind, detail, Map.of(), Map.of());
  }
}
