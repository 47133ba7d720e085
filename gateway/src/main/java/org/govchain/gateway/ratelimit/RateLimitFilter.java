package org.govchain.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.OptionalLong;
import org.govchain.anchor.web.problem.CommonProblem;
import org.govchain.anchor.web.problem.ProblemWriter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Limits each client's requests to the services (every gateway route): a caller with a token is
 * keyed by the token's subject, a caller without one by its address (the client's own, or the one a
 * trusted proxy forwarded when {@code server.forward-headers-strategy} is set). Over the limit the
 * answer is 429 {@code rate-limited} with {@code Retry-After} in whole seconds. The portal's page
 * files ({@code GET} on the {@code portal} route outside {@code /portal/api/}) are not limited: one
 * page load fetches several at once, and each costs the portal a file read.
 */
@Component
public final class RateLimitFilter implements GlobalFilter, Ordered {

  /** Before the route filters (circuit breaker, retry), so refused requests never reach them. */
  static final int ORDER = -100;

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

  /** The route serving the portal's page. */
  static final String PORTAL_ROUTE = "portal";

  /** The portal's API (evidence certificates): limited like every other request. */
  static final String PORTAL_API = "/portal/api/";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    if (isPortalPage(exchange)) {
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

  private static boolean isPortalPage(ServerWebExchange exchange) {
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    return route != null
        && PORTAL_ROUTE.equals(route.getId())
        && HttpMethod.GET.equals(exchange.getRequest().getMethod())
        && !exchange.getRequest().getPath().value().startsWith(PORTAL_API);
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
