package org.govchain.anchor.spring.log;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Micrometer meters of the log ({@code govchain.log.*}, tag {@code origin}): gauges re-read from
 * the database every {@code govchain.log.metrics.refresh}, counters of this instance's appends and
 * sequencer batches.
 */
final class LogMetrics implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(LogMetrics.class);

  private final LogStore store;
  private final Duration refresh;
  private final AtomicLong entries = new AtomicLong();
  private final AtomicLong sequencedSize = new AtomicLong();
  private final AtomicLong unsequenced = new AtomicLong();
  private final AtomicLong unanchored = new AtomicLong();
  private final AtomicLong anchoredSize = new AtomicLong();
  private final Counter appends;
  private final Counter duplicates;
  private final Counter batches;
  private final Counter batchFailures;
  private final Counter sequencedLeaves;
  private volatile Disposable refreshing;

  LogMetrics(LogStore store, MeterRegistry registry, String origin, Duration refresh) {
    this.store = store;
    this.refresh = refresh;
    gauge(registry, "govchain.log.entries", "entries appended to the log", entries, origin);
    gauge(
        registry, "govchain.log.sequenced.size", "leaves in the log's tree", sequencedSize, origin);
    gauge(
        registry,
        "govchain.log.unsequenced.entries",
        "entries awaiting a leaf",
        unsequenced,
        origin);
    gauge(
        registry,
        "govchain.log.anchored.size",
        "size of the newest anchored checkpoint",
        anchoredSize,
        origin);
    gauge(
        registry,
        "govchain.log.unanchored.entries",
        "entries not yet covered by an anchored checkpoint",
        unanchored,
        origin);
    this.appends =
        counter(registry, "govchain.log.appends", "entries appended by this instance", origin);
    this.duplicates =
        counter(
            registry, "govchain.log.appends.duplicate", "appends refused as duplicates", origin);
    this.batches =
        counter(
            registry,
            "govchain.log.sequencer.batches",
            "batches sequenced by this instance",
            origin);
    this.batchFailures =
        counter(
            registry, "govchain.log.sequencer.failures", "sequencer batches that failed", origin);
    this.sequencedLeaves =
        counter(
            registry, "govchain.log.sequencer.leaves", "leaves sequenced by this instance", origin);
  }

  void appended() {
    appends.increment();
  }

  void duplicate() {
    duplicates.increment();
  }

  void sequenced(SequencedBatch batch) {
    batches.increment();
    sequencedLeaves.increment(batch.leafCount());
    sequencedSize.accumulateAndGet(batch.newSize(), Math::max);
  }

  void batchFailed() {
    batchFailures.increment();
  }

  /** Re-reads the gauges once. */
  Mono<Void> refresh() {
    return store
        .stats()
        .doOnNext(
            s -> {
              sequencedSize.set(s.sequencedSize());
              unsequenced.set(s.unsequenced());
              entries.set(s.sequencedSize() + s.unsequenced());
              anchoredSize.set(s.anchoredSize());
              unanchored.set(s.sequencedSize() + s.unsequenced() - s.anchoredSize());
            })
        .then();
  }

  @Override
  public void start() {
    refreshing =
        Flux.interval(Duration.ZERO, refresh)
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    refresh()
                        .onErrorResume(
                            e -> {
                              LOG.debug("log gauges not refreshed: {}", e.toString());
                              return Mono.empty();
                            }))
            .subscribe();
  }

  @Override
  public void stop() {
    Disposable d = refreshing;
    if (d != null) {
      d.dispose();
    }
    refreshing = null;
  }

  @Override
  public boolean isRunning() {
    return refreshing != null;
  }

  private static void gauge(
      MeterRegistry registry, String name, String description, AtomicLong value, String origin) {
    Gauge.builder(name, value, AtomicLong::get)
        .description(description)
        .tag("origin", origin)
        .register(registry);
  }

  private static Counter counter(
      MeterRegistry registry, String name, String description, String origin) {
    return Counter.builder(name).description(description).tag("origin", origin).register(registry);
  }
}
