package org.govchain.testsupport.http;

import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Sends many requests to a running server over a small pool of HTTP/1.1 keep-alive connections, the
 * way a city front-end or the gateway does, and reports how long each took: a connection that stops
 * serving its next request shows up as a request slower than the threshold.
 *
 * <p>Each request waits at most {@code give-up} (a bounded wait: a stalled connection does not hang
 * the test); the pool never opens more than {@code connections} connections, so after the first few
 * requests every request reuses a connection that has just served another.
 */
public final class KeepAliveLoad {

  private final String baseUrl;
  private final int connections;
  private final Duration giveUp;

  private KeepAliveLoad(String baseUrl, int connections, Duration giveUp) {
    this.baseUrl = baseUrl;
    this.connections = connections;
    this.giveUp = giveUp;
  }

  /**
   * A load against {@code baseUrl} (e.g. {@code http://127.0.0.1:8081}) over this many connections.
   */
  public static KeepAliveLoad against(String baseUrl, int connections, Duration giveUp) {
    return new KeepAliveLoad(baseUrl, connections, giveUp);
  }

  /**
   * One request: {@code kind} names it in the report; {@code expectedStatus} is what the server
   * must answer.
   */
  public record Request(
      String kind,
      String method,
      String path,
      Map<String, String> headers,
      byte[] body,
      int expectedStatus) {

    public Request {
      headers = Map.copyOf(headers);
      body = body == null ? new byte[0] : body.clone();
    }

    public static Request get(String kind, String path, Map<String, String> headers, int status) {
      return new Request(kind, "GET", path, headers, null, status);
    }
  }

  /** What happened to one request. */
  public record Outcome(String kind, int status, int expectedStatus, long millis, String error) {

    /** Answered with the expected status and no transport error. */
    public boolean ok() {
      return error == null && status == expectedStatus;
    }
  }

  /** The whole run. */
  public record Report(List<Outcome> outcomes, int connectionsOpened, Duration elapsed) {

    /** Requests slower than {@code threshold} (a stalled one counts, with its wait). */
    public List<Outcome> slowerThan(Duration threshold) {
      return outcomes.stream().filter(o -> o.millis() > threshold.toMillis()).toList();
    }

    /** Requests answered with another status than expected, or not answered at all. */
    public List<Outcome> failed() {
      return outcomes.stream().filter(o -> !o.ok()).toList();
    }

    /** The slowest request's time in milliseconds. */
    public long maxMillis() {
      return outcomes.stream().mapToLong(Outcome::millis).max().orElse(0);
    }

    /** Requests per kind. */
    public Map<String, Long> countsByKind() {
      Map<String, Long> counts = new java.util.TreeMap<>();
      outcomes.forEach(o -> counts.merge(o.kind(), 1L, Long::sum));
      return counts;
    }

    @Override
    public String toString() {
      return outcomes.size()
          + " requests in "
          + elapsed.toMillis()
          + " ms over "
          + connectionsOpened
          + " connections, slowest "
          + maxMillis()
          + " ms, failed "
          + failed().size()
          + ", by kind "
          + countsByKind();
    }
  }

  /** Sends {@code total} requests, the {@code i}-th being {@code request.apply(i)}. */
  public Report run(int total, IntFunction<Request> request) {
    AtomicInteger opened = new AtomicInteger();
    ConnectionProvider pool =
        ConnectionProvider.builder("keep-alive-load")
            .maxConnections(connections)
            .pendingAcquireMaxCount(-1)
            .pendingAcquireTimeout(giveUp.multipliedBy(total))
            .build();
    HttpClient client =
        HttpClient.create(pool)
            .baseUrl(baseUrl)
            .keepAlive(true)
            .doOnChannelInit((observer, channel, address) -> opened.incrementAndGet());
    List<Outcome> outcomes = new ArrayList<>(total);
    Map<Integer, Outcome> byIndex = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    try {
      Flux.range(0, total)
          .flatMap(
              i -> send(client, request.apply(i)).doOnNext(o -> byIndex.put(i, o)), connections)
          .blockLast(giveUp.multipliedBy(total));
    } finally {
      pool.disposeLater().block(Duration.ofSeconds(10));
    }
    for (int i = 0; i < total; i++) {
      outcomes.add(byIndex.get(i));
    }
    return new Report(
        List.copyOf(outcomes), opened.get(), Duration.ofNanos(System.nanoTime() - start));
  }

  private Mono<Outcome> send(HttpClient client, Request r) {
    return Mono.defer(
        () -> {
          long start = System.nanoTime();
          return client
              .headers(
                  h -> {
                    r.headers().forEach(h::set);
                    if (r.body().length > 0) {
                      h.set("Content-Length", r.body().length);
                    }
                  })
              .request(HttpMethod.valueOf(r.method()))
              .uri(r.path())
              .send(
                  r.body().length == 0
                      ? ByteBufFlux.empty()
                      : ByteBufFlux.fromInbound(Mono.just(r.body())))
              .responseSingle(
                  (response, body) ->
                      body.asByteArray()
                          .defaultIfEmpty(new byte[0])
                          .map(bytes -> response.status().code()))
              .timeout(giveUp)
              .map(status -> outcome(r, status, start, null))
              .onErrorResume(
                  e ->
                      Mono.just(
                          outcome(
                              r,
                              -1,
                              start,
                              e instanceof TimeoutException
                                  ? "no answer within " + giveUp.toMillis() + " ms"
                                  : e.toString())));
        });
  }

  private static Outcome outcome(Request r, int status, long start, String error) {
    return new Outcome(
        r.kind(), status, r.expectedStatus(), (System.nanoTime() - start) / 1_000_000, error);
  }
}
