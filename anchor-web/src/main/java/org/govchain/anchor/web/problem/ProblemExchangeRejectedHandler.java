package org.govchain.anchor.web.problem;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a request that Spring Security's firewall refuses ({@code ..}, {@code ;}, {@code //},
 * encoded slashes in the path) with a 400 {@code malformed-request} problem instead of an empty
 * body. Register it as a {@code ServerExchangeRejectedHandler} bean.
 */
public final class ProblemExchangeRejectedHandler
    implements org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler {

  private final ProblemWriter writer;

  public ProblemExchangeRejectedHandler(ProblemWriter writer) {
    this.writer = writer;
  }

  @Override
  public Mono<Void> handle(
      ServerWebExchange exchange,
      org.springframework.security.web.server.firewall.ServerExchangeRejectedException rejected) {
    return writer.write(
        exchange,
        CommonProblem.MALFORMED_REQUEST,
        "the request path is not acceptable (no '..', ';', '//' or encoded slashes)");
  }
}
