package org.govchain.gateway.size;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.govchain.anchor.web.problem.CommonProblem;
import org.govchain.anchor.web.problem.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the limit of their path with 413 {@code payload-too-large}: at once
 * when {@code Content-Length} says so, otherwise (chunked bodies) by counting bytes while they
 * stream to the service and failing the exchange at the first byte past the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public final class RequestSizeLimitFilter implements WebFilter {

  private final long max;
  private final long uploadMax;
  private final List<PathPattern> uploadPaths;
  private final ProblemWriter problems;

  public RequestSizeLimitFilter(RequestSizeProperties properties, ProblemWriter problems) {
    this.max = properties.max().toBytes();
    this.uploadMax = properties.uploadMax().toBytes();
    this.uploadPaths =
        properties.uploadPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    this.problems = problems;
  }

  /** The limit in bytes for a request to {@code path}. */
  long limitFor(PathContainer path) {
    return uploadPaths.stream().anyMatch(p -> p.matches(path)) ? uploadMax : max;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long limit = limitFor(request.getPath().pathWithinApplication());
    long declared = request.getHeaders().getContentLength();
    if (declared > limit) {
      return tooLarge(exchange, limit);
    }
    ServerHttpRequest counted =
        new ServerHttpRequestDecorator(request) {
          @Override
          public Flux<DataBuffer> getBody() {
            return Flux.defer(
                () -> {
                  AtomicLong seen = new AtomicLong();
                  return super.getBody()
                      .map(
                          buffer -> {
                            long total = seen.addAndGet(buffer.readableByteCount());
                            if (total > limit) {
                              DataBufferUtils.release(buffer);
                              throw new PayloadTooLargeException(limit, total);
                            }
                            return buffer;
                          });
                });
          }
        };
    ServerWebExchange limited = exchange.mutate().request(counted).build();
    return chain
        .filter(limited)
        .onErrorResume(
            e -> PayloadTooLargeException.isCauseOf(e) && !exchange.getResponse().isCommitted(),
            e -> tooLarge(exchange, limit));
  }

  private Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
    return problems.write(
        exchange,
        CommonProblem.PAYLOAD_TOO_LARGE,
        "the request body exceeds the limit of " + limit + " bytes for this path");
  }
}
