package org.govchain.portal.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The page's browser security headers. Scripts, styles and images come from the portal alone (no
 * CDN, nothing inline); the page may connect to any HTTP(S) address, because the chain's JSON-RPC
 * address is the user's to choose. The gateway keeps this policy for {@code /portal/**}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public final class PortalHeadersFilter implements WebFilter {

  /** The page's Content-Security-Policy. */
  public static final String PAGE_CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
          + " connect-src 'self' http: https:; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              HttpHeaders headers = exchange.getResponse().getHeaders();
              headers.set("X-Content-Type-Options", "nosniff");
              headers.set("X-Frame-Options", "DENY");
              headers.set("Referrer-Policy", "no-referrer");
              headers.set("Content-Security-Policy", PAGE_CSP);
              return Mono.empty();
            });
    return chain.filter(exchange);
  }
}
