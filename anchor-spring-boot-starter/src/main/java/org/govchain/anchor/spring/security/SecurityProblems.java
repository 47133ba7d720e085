package org.govchain.anchor.spring.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * ({@code https://govchain.example/problems/unauthorized} and {@code …/forbidden}) with a {@code
 * WWW-Authenticate: Bearer} challenge (RFC 6750), never with exception details.
 */
public final class SecurityProblems
    implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

  /** The type URI of a 401 answer. */
  public static final String UNAUTHORIZED_TYPE = "https://govchain.example/problems/unauthorized";

  /** The type URI of a 403 answer. */
  public static final String FORBIDDEN_TYPE = "https://govchain.example/problems/forbidden";

  private final JsonMapper json;

  public SecurityProblems(JsonMapper json) {
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
    return write(
        exchange,
        HttpStatus.UNAUTHORIZED,
        UNAUTHORIZED_TYPE,
        "Authentication required",
        detail,
        challenge);
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return write(
        exchange,
        HttpStatus.FORBIDDEN,
        FORBIDDEN_TYPE,
        "Role not allowed",
        "the token's roles do not allow " + exchange.getRequest().getMethod() + " on this path",
        "Bearer error=\"insufficient_scope\"");
  }

  private Mono<Void> write(
      ServerWebExchange exchange,
      HttpStatus status,
      String type,
      String title,
      String detail,
      String challenge) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type);
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", exchange.getRequest().getPath().value());
    byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }
}
