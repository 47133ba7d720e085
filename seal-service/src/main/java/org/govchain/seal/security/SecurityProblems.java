package org.govchain.seal.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.govchain.seal.problems.ProblemType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 401 (no or invalid token) and 403 (valid token, role not allowed) as RFC 9457 problems
 * with a {@code WWW-Authenticate: Bearer} challenge (RFC 6750), never with exception details.
 */
final class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

  private final JsonMapper json;

  SecurityProblems(JsonMapper json) {
    this.json = json;
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
    boolean invalidToken = e instanceof OAuth2AuthenticationException;
    String challenge =
        invalidToken
            ? "Bearer error=\"invalid_token\", error_description=\"the bearer token is not valid\""
            : "Bearer";
    String detail =
        invalidToken
            ? "the bearer token is invalid, expired or not signed by the trusted issuer"
            : "a bearer token (OAuth2 JWT) is required";
    return write(exchange, ProblemType.UNAUTHORIZED, detail, challenge);
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return write(
        exchange,
        ProblemType.FORBIDDEN,
        "the token's roles do not allow " + exchange.getRequest().getMethod() + " on this path",
        "Bearer error=\"insufficient_scope\"");
  }

  private Mono<Void> write(
      ServerWebExchange exchange, ProblemType type, String detail, String challenge) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type.type().toString());
    problem.put("title", type.title());
    problem.put("status", type.status().value());
    problem.put("detail", detail);
    problem.put("instance", exchange.getRequest().getPath().value());
    byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(type.status());
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }
}
