package org.govchain.gateway.headers;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Sets the browser security headers on every response, replacing what a service sent: {@code
 * X-Content-Type-Options}, {@code X-Frame-Options: DENY}, {@code Referrer-Policy}, a {@code
 * Content-Security-Policy} that allows nothing for API answers (and the Swagger UI's own scripts
 * and styles on its pages), and HSTS when the request came over HTTPS. The portal's page ({@code
 * /portal/**}) keeps the policy the portal sends, which lets the page ask the chain's JSON-RPC
 * wherever the user points it; without one, the API policy applies there too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public final class SecurityHeadersFilter implements WebFilter {

  /** For API answers (JSON, PDFs): nothing may load or frame them. */
  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

  /** For the Swagger UI pages, which load their own scripts, styles and images. */
  static final String DOCS_CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

  static final String HSTS = "max-age=31536000; includeSubDomains";

  private static final List<PathPattern> DOCS_PAGES =
      List.of(
          PathPatternParser.defaultInstance.parse("/swagger-ui.html"),
          PathPatternParser.defaultInstance.parse("/swagger-ui/**"),
          PathPatternParser.defaultInstance.parse("/webjars/**"));

  private static final List<PathPattern> PORTAL_PAGES =
      List.of(
          PathPatternParser.defaultInstance.parse("/portal"),
          PathPatternParser.defaultInstance.parse("/portal/**"));

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
    boolean docs = DOCS_PAGES.stream().anyMatch(p -> p.matches(path));
    boolean portal = PORTAL_PAGES.stream().anyMatch(p -> p.matches(path));
    boolean https = "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              HttpHeaders headers = exchange.getResponse().getHeaders();
              headers.set("X-Content-Type-Options", "nosniff");
              headers.set("X-Frame-Options", "DENY");
              headers.set("Referrer-Policy", "no-referrer");
              if (!portal || !headers.containsHeader("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", docs ? DOCS_CSP : API_CSP);
              }
              if (https) {
                headers.set("Strict-Transport-Security", HSTS);
              }
              return Mono.empty();
            });
    return chain.filter(exchange);
  }
}
