package org.govchain.anchor.spring.web;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
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
 * Gives every request an id and logs one line per request: takes a well-formed {@value #HEADER}
 * (1–64 of {@code [A-Za-z0-9._-]}) or makes a UUID, passes it on to the handlers (request header,
 * exchange attribute {@link #ATTRIBUTE}, Reactor context key {@link #CONTEXT_KEY}), echoes it on
 * the response, and logs {@code requestId=… method=… path=… status=… durationMs=…} at INFO on
 * logger {@value #LOGGER} (the path without its query string, which may hold personal data).
 */
public final class RequestIdWebFilter implements WebFilter, Ordered {

  /** The request and response header carrying the id (DESIGN §4). */
  public static final String HEADER = "X-Request-Id";

  /** The exchange attribute holding the request's id. */
  public static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".requestId";

  /** The Reactor context key (and MDC key, on the request's log line) holding the id. */
  public static final String CONTEXT_KEY = "requestId";

  /** The logger of the per-request lines. */
  public static final String LOGGER = "org.govchain.request";

  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  /** The id of the request being handled, from the Reactor context, if this filter ran. */
  public static Mono<String> current() {
    return Mono.deferContextual(context -> Mono.justOrEmpty(context.getOrEmpty(CONTEXT_KEY)))
        .cast(String.class);
  }

  /** The id this filter gave the exchange, if it ran. */
  public static Optional<String> of(ServerWebExchange exchange) {
    return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
  }

  /** {@code candidate} if it is a well-formed request id, else a fresh UUID. */
  static String acceptOrCreate(String candidate) {
    return candidate != null && WELL_FORMED.matcher(candidate).matches()
        ? candidate
        : UUID.randomUUID().toString();
  }

  /** First of all filters, so that security's 401/403 answers are logged and carry the id. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String id = acceptOrCreate(exchange.getRequest().getHeaders().getFirst(HEADER));
    ServerHttpRequest request =
        exchange.getRequest().mutate().headers(h -> h.set(HEADER, id)).build();
    ServerWebExchange tagged = exchange.mutate().request(request).build();
    tagged.getAttributes().put(ATTRIBUTE, id);
    ServerHttpResponse response = tagged.getResponse();
    response.getHeaders().set(HEADER, id);
    // error handlers may rebuild the headers: set it again just before they are sent
    response.beforeCommit(
        () -> Mono.fromRunnable(() -> response.getHeaders().set(HEADER, id)).then());
    String method = request.getMethod().name();
    String path = request.getPath().value();
    return Mono.defer(
        () -> {
          long start = System.nanoTime();
          return chain
              .filter(tagged)
              .contextWrite(context -> context.put(CONTEXT_KEY, id))
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
    MDC.put(CONTEXT_KEY, id);
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
      MDC.remove(CONTEXT_KEY);
    }
  }
}
