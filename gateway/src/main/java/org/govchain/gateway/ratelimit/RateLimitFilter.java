package org.govchain.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.govchain.anchor.web.problem.CommonProblem;
import org.govchain.anchor.web.problem.ProblemWriter;
import org.govchain.anchor.web.security.PublicPaths;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Limits each client's requests: a caller with a token is keyed by the token's subject, a caller
 * without one by its address (the client's own, or the one a trusted proxy forwarded when {@code
 * server.forward-headers-strategy} is set). Over the limit the answer is 429 {@code rate-limited}
 * with {@code Retry-After} in whole seconds.
 *
 * <p>Every request security lets through is counted — the routes to the services and what the
 * gateway answers itself (the merged OpenAPI document, the Swagger UI's settings) — except static
 * files and probes: the portal's page files ({@code GET /portal/**} outside {@code /portal/api/})
 * and the Swagger UI's ({@code /swagger-ui.html}, {@code /swagger-ui/**}, {@code /webjars/**}),
 * because one page load fetches several at once, and the public health probes. A web filter, not a
 * gateway filter: Spring Cloud Gateway runs its global filters only for requests a route matched,
 * so the gateway's own endpoints were never limited.
 */
@Component
public final class RateLimitFilter implements WebFilter, Ordered {

  /**
   * Right after Spring Security's filter chain ({@code WebFilterChainProxy}, order -100), which
   * knows the caller, and before the handler, so refused requests never reach a route's filters
   * (circuit breaker, retry) or the merged OpenAPI document.
   */
  static final int ORDER = -99;

  private static final List<PathPattern> UNLIMITED =
      Stream.concat(
              Stream.of(
                  "/portal", "/portal/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"),
              Stream.of(PublicPaths.health()))
          .map(PathPatternParser.defaultInstance::parse)
          .toList();

  /** The portal's API (evidence certificates): limited like every other request. */
  private static final PathPattern PORTAL_API =
      PathPatternParser.defaultInstance.parse("/portal/api/**");

  private final ClientRateLimiters authenticated;
  private final ClientRateLimiters anonymous;
  private final ProblemWriter problems;

  public RateLimitFilter(RateLimitProperties properties, ProblemWriter problems) {
    this.authenticated =
        new ClientRateLimiters("client", properties.authenticated(), properties.maxClients());
    this.anonymous =
        new ClientRateLimiters("address", properties.anonymous(), properties.maxClients());
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (isUnlimited(exchange)) {
      return chain.filter(exchange);
    }
    return exchange
        .getPrincipal()
        .filter(JwtAuthenticationToken.class::isInstance)
        .map(p -> authenticated.acquire("sub:" + p.getName()))
        .switchIfEmpty(Mono.fromSupplier(() -> anonymous.acquire("ip:" + address(exchange))))
        .flatMap(
            wait -> {
              if (wait.isEmpty()) {
                return chain.filter(exchange);
              }
              return refuse(exchange, wait);
            });
  }

  private Mono<Void> refuse(ServerWebExchange exchange, OptionalLong waitNanos) {
    long seconds = Math.max(1, (waitNanos.getAsLong() + 999_999_999L) / 1_000_000_000L);
    return problems.write(
        exchange,
        CommonProblem.RATE_LIMITED,
        "too many requests from this client; retry after " + seconds + " s",
        Map.of(),
        Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
  }

  /** A {@code GET} of a static file or a health probe. */
  static boolean isUnlimited(ServerWebExchange exchange) {
    if (!HttpMethod.GET.equals(exchange.getRequest().getMethod())) {
      return false;
    }
    PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
    return !PORTAL_API.matches(path) && UNLIMITED.stream().anyMatch(p -> p.matches(path));
  }

  private static String address(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    if (remote == null) {
      return "unknown";
    }
    return remote.getAddress() == null
        ? remote.getHostString()
        : remote.getAddress().getHostAddress();
  }
}
