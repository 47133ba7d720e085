package org.govchain.anchor.spring.anchoring;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.govchain.anchor.chain.ChainException;
import org.govchain.anchor.chain.ChainUnavailableException;
import org.govchain.anchor.chain.NonceConsumedException;
import org.govchain.anchor.chain.NotSubmitterException;
import org.govchain.anchor.chain.RegistryNotFoundException;
import org.govchain.anchor.chain.TransactionFailedException;
import org.govchain.anchor.chain.TreeSizeNotGreaterException;
import org.govchain.anchor.chain.WrongChainException;
import org.govchain.anchor.spring.anchoring.AnchorStore.Backlog;

/**
 * The anchorer's Micrometer meters, tagged with the log's origin: {@code govchain.anchor.lag},
 * {@code govchain.anchor.unanchored.entries}, {@code govchain.anchor.gas.used}, {@code
 * govchain.anchor.transactions} and {@code govchain.anchor.failures} (tagged by kind).
 */
final class AnchoringMetrics {

  private final MeterRegistry registry;
  private final Tags tags;
  private final Clock clock;
  private final AtomicReference<Backlog> backlog = new AtomicReference<>();
  private final DistributionSummary gasUsed;
  private final Counter confirmed;

  AnchoringMetrics(MeterRegistry registry, String origin, Clock clock) {
    this.registry = registry;
    this.tags = Tags.of("log", origin);
    this.clock = clock;
    Gauge.builder("govchain.anchor.lag", this, AnchoringMetrics::lagSeconds)
        .tags(tags)
        .baseUnit("seconds")
        .description("age of the oldest checkpoint not yet covered by a confirmed anchor")
        .register(registry);
    Gauge.builder("govchain.anchor.unanchored.entries", this, AnchoringMetrics::unanchoredEntries)
        .tags(tags)
        .description("sequenced entries above the newest confirmed anchor")
        .register(registry);
    this.gasUsed =
        DistributionSummary.builder("govchain.anchor.gas.used")
            .tags(tags)
            .baseUnit("gas")
            .description("gas used by each confirmed anchor transaction")
            .register(registry);
    this.confirmed =
        Counter.builder("govchain.anchor.confirmed")
            .tags(tags)
            .description("checkpoints confirmed on chain")
            .register(registry);
  }

  /** The kind tag of a failure: what went wrong, in a word. */
  static String kindOf(Throwable error) {
    Throwable cause = ChainCalls.unwrap(error);
    if (cause instanceof CallNotPermittedException) {
      return "circuit-open";
    }
    if (cause instanceof TimeoutException) {
      return "timeout";
    }
    if (cause instanceof ChainUnavailableException) {
      return "unavailable";
    }
    if (cause instanceof WrongChainException) {
      return "wrong-chain";
    }
    if (cause instanceof RegistryNotFoundException) {
      return "no-registry";
    }
    if (cause instanceof NotSubmitterException) {
      return "not-submitter";
    }
    if (cause instanceof TreeSizeNotGreaterException) {
      return "size-not-greater";
    }
    if (cause instanceof NonceConsumedException) {
      return "nonce";
    }
    if (cause instanceof TransactionFailedException) {
      return "rejected";
    }
    return cause instanceof ChainException ? "chain" : "other";
  }

  void failure(String kind) {
    registry.counter("govchain.anchor.failures", tags.and("kind", kind)).increment();
  }

  /**
   * One anchor transaction signed and stored; {@code kind} is {@code new} or {@code replacement}.
   */
  void transaction(String kind) {
    registry.counter("govchain.anchor.transactions", tags.and("kind", kind)).increment();
  }

  void confirmed(long gas) {
    confirmed.increment();
    gasUsed.record(gas);
  }

  void backlog(Backlog current) {
    backlog.set(current);
  }

  /** Seconds since the oldest unanchored checkpoint was made; 0 when nothing waits. */
  double lagSeconds() {
    Backlog current = backlog.get();
    if (current == null || current.oldestUnanchoredAt() == null) {
      return 0;
    }
    return Math.max(0, Duration.between(current.oldestUnanchoredAt(), clock.instant()).toMillis())
        / 1000.0;
  }

  double unanchoredEntries() {
    Backlog current = backlog.get();
    return current == null ? 0 : current.unanchoredEntries();
  }
}
