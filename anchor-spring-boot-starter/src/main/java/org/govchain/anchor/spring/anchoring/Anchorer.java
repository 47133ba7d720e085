package org.govchain.anchor.spring.anchoring;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.spring.lock.AdvisoryLockLoop;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Anchors one log's newest unanchored checkpoint in AnchorRegistry: runs the {@link AnchoringCycle}
 * every {@code check-interval} in the one instance that holds the log's advisory lock ({@link
 * AdvisoryLockLoop}), and in every instance keeps the backlog metrics current.
 */
final class Anchorer implements SmartLifecycle {

  /** First key of the two-key advisory lock: hashtext('govchain.anchor'), computed in SQL. */
  private static final String LOCK_SQL =
      "SELECT pg_try_advisory_lock(hashtext('govchain.anchor'), hashtext(:origin)) AS locked";

  private final String origin;
  private final AnchoringCycle cycle;
  private final AdvisoryLockLoop lockLoop;
  private final AnchorStore sharedStore;
  private final AnchoringProperties properties;
  private final AnchoringMetrics metrics;
  private final Scheduler scheduler;
  private volatile Disposable loop;
  private volatile Disposable monitor;

  Anchorer(
      String origin,
      AnchorRegistryClient chain,
      ChainCalls calls,
      ConnectionFactory connections,
      AnchorStore sharedStore,
      AnchoringProperties properties,
      AnchoringMetrics metrics,
      Scheduler scheduler,
      Clock clock) {
    this.origin = origin;
    this.cycle = new AnchoringCycle(origin, chain, calls, properties, metrics, clock);
    this.lockLoop =
        new AdvisoryLockLoop(
            "anchorer of log " + origin,
            connections,
            LOCK_SQL,
            "origin",
            origin,
            properties.checkInterval(),
            scheduler);
    this.sharedStore = sharedStore;
    this.properties = properties;
    this.metrics = metrics;
    this.scheduler = scheduler;
  }

  /** The log this anchorer serves. */
  String origin() {
    return origin;
  }

  /** Whether this instance holds the log's anchorer lock (so it is the one that sends). */
  boolean holdsLock() {
    return lockLoop.holdsLock();
  }

  @Override
  public void start() {
    loop =
        lockLoop.start(
            session ->
                cycle.step(new AnchorStore(session.db(), session.transactions())).thenReturn(false),
            error -> metrics.failure("database"));
    monitor =
        Flux.interval(Duration.ZERO, properties.checkInterval(), scheduler)
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    sharedStore
                        .backlog(origin)
                        .doOnNext(metrics::backlog)
                        .onErrorResume(error -> Mono.empty()),
                1)
            .subscribe();
  }

  @Override
  public void stop() {
    dispose(loop);
    dispose(monitor);
  }

  @Override
  public boolean isRunning() {
    Disposable current = loop;
    return current != null && !current.isDisposed();
  }

  private static void dispose(Disposable disposable) {
    if (disposable != null) {
      disposable.dispose();
    }
  }
}
