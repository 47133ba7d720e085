package org.govchain.anchor.spring.anchoring;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;

/**
 * Health contributor {@code anchoring}: the anchoring lag (now minus the creation time of the
 * oldest checkpoint not covered by a confirmed anchor); over {@code lag-degraded-after} the status
 * is {@link #DEGRADED}, which the starter orders between DOWN and UP and which answers HTTP 200.
 */
final class AnchoringHealthIndicator implements ReactiveHealthIndicator {

  /** Anchoring lags behind: records are safe in the log but not yet provable on chain. */
  static final Status DEGRADED = new Status("DEGRADED", "anchoring lags behind the log");

  private final AnchorStore store;
  private final Anchorer anchorer;
  private final Duration threshold;
  private final Clock clock;

  AnchoringHealthIndicator(AnchorStore store, Anchorer anchorer, Duration threshold, Clock clock) {
    this.store = store;
    this.anchorer = anchorer;
    this.threshold = threshold;
    this.clock = clock;
  }

  @Override
  public Mono<Health> health() {
    return store
        .backlog(anchorer.origin())
        .map(
            backlog -> {
              Duration lag =
                  backlog.oldestUnanchoredAt() == null
                      ? Duration.ZERO
                      : Duration.between(backlog.oldestUnanchoredAt(), clock.instant());
              Health.Builder health =
                  lag.compareTo(threshold) > 0 ? Health.status(DEGRADED) : Health.up();
              return health
                  .withDetail("log", anchorer.origin())
                  .withDetail("lagSeconds", Math.max(0, lag.toSeconds()))
                  .withDetail("thresholdSeconds", threshold.toSeconds())
                  .withDetail("anchoredSize", backlog.confirmedSize())
                  .withDetail("unanchoredEntries", backlog.unanchoredEntries())
                  .withDetail("anchorerHere", anchorer.holdsLock())
                  .build();
            })
        .onErrorResume(error -> Mono.just(Health.down().withDetail("error", "database").build()));
  }
}
