package org.govchain.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id}: a well-formed incoming one (1–64 characters of
 * {@code [A-Za-z0-9._-]}) is kept, anything else is replaced by a new UUID. The id is forwarded to
 * the service, returned on every response (the gateway's own problems included) and logged with one
 * line per request (method, path without query, status, duration).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class RequestIdFilter implements WebFilter {

  /** The header carrying the id, both ways. */
  public static final String HEADER = "X-Request-Id";

  /** The exchange attribute holding the id. */
  public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Logger log = LoggerFactory.getLogger("org.govchain.gateway.request");

  /** Whether {@code id} may be passed through as it is. */
  public static boolean isWellFormed(String id) {
    return id != null && WELL_FORMED.matcher(id).matches();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
    String id = isWellFormed(incoming) ? incoming : UUID.randomUUID().toString();
    ServerHttpRequest request =
        exchange.getRequest().mutate().headers(h -> h.set(HEADER, id)).build();
    ServerWebExchange withId = exchange.mutate().request(request).build();
    withId.getAttributes().put(ATTRIBUTE, id);
    // set (not add) just before commit: overrides the copy the service sends back
    withId
        .getResponse()
        .beforeCommit(
            () -> {
              withId.getResponse().getHeaders().set(HEADER, id);
              return Mono.empty();
            });
    long start = System.nanoTime();
    return chain
        .filter(withId)
        .doFinally(
            signal -> {
              HttpStatusCode status = withId.getResponse().getStatusCode();
              log.info(
                  "requestId={} method={} path={} status={} durationMs={}",
                  id,
                  request.getMethod(),
                  request.getPath().value(),
                  status == null ? "-" : status.value(),
                  (System.nanoTime() - start) / 1_000_000);
            });
  }
}
