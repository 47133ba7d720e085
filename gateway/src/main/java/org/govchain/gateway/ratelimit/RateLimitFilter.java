package org.govchain.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.govchain.anchor.web.problem.CommonProblem;
import org.govchain.anchor.web.problem.ProblemWriter;
import org.govchain.anchor.web.security.PublicPaths;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
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
 *
 * <p>With {@code govchain.gateway.rate-limit.redis.url} the counts are shared by every gateway
 * replica ({@link SharedRateLimiter}), so a client has its limit whichever replica it reaches; the
 * in-memory limiters remain the fallback while Redis fails. Without it each gateway counts alone,
 * which the {@code prod} profile refuses when more than one replica is declared.
 */
@Component
public final class RateLimitFilter implements WebFilter, Ordered, DisposableBean {

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

  private final RateLimitProperties properties;
  private final ClientRateLimiters authenticated;
  private final ClientRateLimiters anonymous;
  private final ProblemWriter problems;

  /** The store the replicas share; null when each gateway counts alone. */
  private final SharedRateLimiter shared;

  public RateLimitFilter(
      RateLimitProperties properties, ProblemWriter problems, Environment environment) {
    this.properties = properties;
    this.authenticated =
        new ClientRateLimiters("client", properties.authenticated(), properties.maxClients());
    this.anonymous =
        new ClientRateLimiters("address", properties.anonymous(), properties.maxClients());
    this.problems = problems;
    this.shared = sharedStore(properties, environment);
  }

  /**
   * The shared store, if configured.
   *
   * @throws IllegalStateException in the {@code prod} profile, for several replicas without one
   */
  private static SharedRateLimiter sharedStore(
      RateLimitProperties properties, Environment environment) {
    if (properties.redis().configured()) {
      SharedRateLimiter shared = SharedRateLimiter.connect(properties.redis(), Clock.systemUTC());
      shared.warmUp(SharedRateLimiter.WARM_UP);
      return shared;
    }
    if (properties.replicas() > 1 && environment.acceptsProfiles(Profiles.of("prod"))) {
      throw new IllegalStateException(
          "the prod profile refuses "
              + properties.replicas()
              + " gateway replicas (GOVCHAIN_GATEWAY_REPLICAS) without a shared rate limit store:"
              + " set GOVCHAIN_RATE_LIMIT_REDIS_URL, else each replica grants every client its"
              + " whole limit");
    }
    return null;
  }

  @Override
  public void destroy() {
    if (shared != null) {
      shared.close();
    }
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
        .flatMap(
            p -> acquire("client", properties.authenticated(), authenticated, "sub:" + p.getName()))
        .switchIfEmpty(
            Mono.defer(
                () ->
                    acquire(
                        "address", properties.anonymous(), anonymous, "ip:" + address(exchange))))
        .flatMap(
            wait -> {
              if (wait.isEmpty()) {
                return chain.filter(exchange);
              }
              return refuse(exchange, wait);
            });
  }

  /** A permit from the shared store if there is one, else from this gateway's memory. */
  private Mono<OptionalLong> acquire(
      String scope, RateLimitProperties.Limit limit, ClientRateLimiters local, String client) {
    if (shared == null) {
      return Mono.fromSupplier(() -> local.acquire(client));
    }
    return shared.acquire(scope, limit, client, () -> local.acquire(client));
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
