package org.govchain.anchor.web.requestid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Gives every request its id ({@link RequestIds}), passes it on to the handlers (request header,
 * exchange attribute, Reactor context), returns it on the response (set again just before commit,
 * so it wins over a copy from behind a proxy or an error handler), and logs one line per request at
 * INFO on logger {@value #LOGGER}: {@code requestId=… method=… path=… status=… durationMs=…} (the
 * path without its query string, which may hold personal data). First of all filters, so that
 * security's 401/403 answers are logged and carry the id.
 */
public final class RequestIdWebFilter implements WebFilter, Ordered {

  /** The logger of the per-request lines. */
  public static final String LOGGER = "org.govchain.request";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String id =
        RequestIds.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
    ServerHttpRequest request =
        exchange.getRequest().mutate().headers(h -> h.set(RequestIds.HEADER, id)).build();
    ServerWebExchange tagged = exchange.mutate().request(request).build();
    tagged.getAttributes().put(RequestIds.ATTRIBUTE, id);
    ServerHttpResponse response = tagged.getResponse();
    response.getHeaders().set(RequestIds.HEADER, id);
    response.beforeCommit(
        () -> Mono.fromRunnable(() -> response.getHeaders().set(RequestIds.HEADER, id)).then());
    String method = request.getMethod().name();
    String path = request.getPath().value();
    return Mono.defer(
        () -> {
          long start = System.nanoTime();
          return chain
              .filter(tagged)
              .contextWrite(context -> context.put(RequestIds.CONTEXT_KEY, id))
              .doOnEach(
                  signal -> {
                    if (signal.isOnError() && !response.isCommitted()) {
                      // the error handlers answer after this filter: log with their status
                      Throwable error = signal.getThrowable();
                      response.beforeCommit(
                          () ->
                              Mono.fromRunnable(
                                  () ->
                                      log(
                                          id,
                                          method,
                                          path,
                                          status(response, error),
                                          start,
                                          false)));
                    } else if (signal.isOnError()) {
                      log(id, method, path, status(response, signal.getThrowable()), start, false);
                    } else if (signal.isOnComplete()) {
                      log(id, method, path, status(response, null), start, false);
                    }
                  })
              .doFinally(
                  type -> {
                    if (type == SignalType.CANCEL) {
                      log(id, method, path, status(response, null), start, true);
                    }
                  });
        });
  }

  private static int status(ServerHttpResponse response, Throwable error) {
    HttpStatusCode code = response.getStatusCode();
    if (response.isCommitted() || error == null) {
      return code == null ? 200 : code.value();
    }
    return error instanceof ErrorResponse e ? e.getStatusCode().value() : 500;
  }

  private static void log(
      String id, String method, String path, int status, long start, boolean cancelled) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    MDC.put(RequestIds.CONTEXT_KEY, id);
    try {
      LOG.info(
          "requestId={} method={} path={} status={} durationMs={}{}",
          id,
          method,
          path,
          status,
          millis,
          cancelled ? " cancelled=true" : "");
    } finally {
      MDC.remove(RequestIds.CONTEXT_KEY);
    }
  }
}
