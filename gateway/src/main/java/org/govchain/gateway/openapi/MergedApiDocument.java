package org.govchain.gateway.openapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The suite's merged OpenAPI document, made from the services' documents at most once per {@code
 * period}, because anyone may ask for it as often as the rate limit allows and each making asks
 * every service. Callers within the period get the document made last; callers while it is being
 * made wait for that one (one request to each service, however many callers); the first caller
 * after the period has it made again. The making runs to its end even if the caller who started it
 * goes away, so the callers waiting with it still get it.
 *
 * <p>A service that does not answer keeps the last document it gave (since this gateway started),
 * named in {@code info.x-govchain-stale}: its API has not changed because it is down, and the
 * Swagger UI goes on describing it. A service that has not answered once is left out and named in
 * {@code info.x-govchain-unavailable}.
 */
final class MergedApiDocument {

  private final Function<String, Mono<List<FetchedDocument>>> fetch;
  private final Duration period;
  private final Clock clock;
  private final AtomicReference<Made> current = new AtomicReference<>();
  private final Map<String, Kept> lastGood = new ConcurrentHashMap<>();

  /**
   * @param fetch every service's document, asked for with the given request id (never an error: a
   *     service that cannot be asked is a {@link FetchedDocument#failed})
   * @param period how long a merged document is served after it was made ({@code ZERO}: made for
   *     every caller, still once for callers that ask while it is being made)
   */
  MergedApiDocument(
      Function<String, Mono<List<FetchedDocument>>> fetch, Duration period, Clock clock) {
    this.fetch = fetch;
    this.period = period;
    this.clock = clock;
  }

  /** A merged document, or one being made: served until {@code until}, forever while made. */
  private record Made(Mono<ObjectNode> document, Instant until) {

    static Made inProgress(Mono<ObjectNode> document) {
      return new Made(document, Instant.MAX);
    }

    boolean servedAt(Instant now) {
      return now.isBefore(until);
    }
  }

  /** A service's last document and when it was fetched. */
  private record Kept(JsonNode document, Instant fetched) {}

  /**
   * The merged document: the current one, or a new one made with {@code requestId} on the requests
   * to the services (the caller who found the document out of date).
   */
  Mono<ObjectNode> get(String requestId) {
    return Mono.defer(
        () -> {
          Made made = current.get();
          if (made != null && made.servedAt(clock.instant())) {
            return made.document();
          }
          Sinks.One<ObjectNode> making = Sinks.one();
          if (!current.compareAndSet(made, Made.inProgress(making.asMono()))) {
            return get(requestId); // another caller has just begun: wait for theirs
          }
          Mono.defer(() -> fetch.apply(requestId))
              .map(this::merge)
              .subscribe(
                  document -> {
                    current.set(new Made(Mono.just(document), clock.instant().plus(period)));
                    making.tryEmitValue(document);
                  },
                  error -> {
                    current.set(null); // the next caller tries again
                    making.tryEmitError(error);
                  });
          return making.asMono();
        });
  }

  private ObjectNode merge(List<FetchedDocument> fetched) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    Map<String, String> stale = new LinkedHashMap<>();
    Map<String, String> missing = new LinkedHashMap<>();
    for (FetchedDocument f : fetched) {
      if (f.document().isPresent()) {
        lastGood.put(f.service(), new Kept(f.document().get(), now));
        documents.put(f.service(), f.document().get());
        continue;
      }
      Kept kept = lastGood.get(f.service());
      if (kept == null) {
        missing.put(f.service(), f.failure());
      } else {
        documents.put(f.service(), kept.document());
        stale.put(f.service(), "the one fetched at " + kept.fetched() + "; now " + f.failure());
      }
    }
    return OpenApiMerger.merge(documents, stale, missing);
  }
}
