package org.govchain.anchor.web.security;

import java.util.Map;
import org.govchain.anchor.web.problem.CommonProblem;
import org.govchain.anchor.web.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers 401 (no or invalid token) and 403 (valid token, role not allowed) as problems ({@code
 * unauthorized}, {@code forbidden}) with a {@code WWW-Authenticate: Bearer} challenge (RFC 6750),
 * never with exception details.
 */
public final class SecurityProblems
    implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

  private final ProblemWriter problems;

  public SecurityProblems(ProblemWriter problems) {
    this.problems = problems;
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
            ? "the bearer token is invalid, expired, not for this audience or not signed by the"
                + " trusted issuer"
            : "a bearer token (OAuth2 JWT) is required";
    return problems.write(
        exchange,
        CommonProblem.UNAUTHORIZED,
        detail,
        Map.of(),
        Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge));
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return problems.write(
        exchange,
        CommonProblem.FORBIDDEN,
        "the token's roles do not allow " + exchange.getRequest().getMethod() + " on this path",
        Map.of(),
        Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\""));
  }
}
