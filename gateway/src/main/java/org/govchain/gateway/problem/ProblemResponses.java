package org.govchain.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the gateway's own answers as RFC 9457 {@code application/problem+json}: type, title,
 * status, detail and instance (the path, never the query, which may hold personal data).
 */
@Component
public final class ProblemResponses {

  private final JsonMapper json;

  public ProblemResponses(JsonMapper json) {
    this.json = json;
  }

  /** Writes {@code type} with {@code detail}; {@code headers} are added to the response first. */
  public Mono<Void> write(
      ServerWebExchange exchange, ProblemType type, String detail, Map<String, String> headers) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.error(
          new IllegalStateException(
              "cannot answer " + type + ": the response is already committed"));
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type.type().toString());
    problem.put("title", type.title());
    problem.put("status", type.status().value());
    problem.put("detail", detail);
    problem.put("instance", exchange.getRequest().getPath().value());
    byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    response.setStatusCode(type.status());
    HttpHeaders responseHeaders = response.getHeaders();
    responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    responseHeaders.setContentLength(body.length);
    headers.forEach(responseHeaders::set);
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }

  /** Writes {@code type} with {@code detail} and no extra headers. */
  public Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail) {
    return write(exchange, type, detail, Map.of());
  }
}
