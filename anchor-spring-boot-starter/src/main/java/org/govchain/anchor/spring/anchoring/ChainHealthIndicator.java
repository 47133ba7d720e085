package org.govchain.anchor.spring.anchoring;

import java.time.Duration;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.WrongChainException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * Health contributor {@code chain}: UP when the RPC endpoint answers with the configured chain id
 * and the registry address holds code; {@code DEGRADED} (HTTP 200) when the chain cannot be reached
 * or does not answer in time — an outage the anchorer rides out, while the service goes on taking
 * writes, so it must not make the service look down; DOWN when the endpoint answers but is wrong
 * (another chain, no registry code: a configuration to fix). It asks the chain directly (not
 * through the anchorer's circuit breaker, whose state it reports), within the per-call time limit.
 */
final class ChainHealthIndicator implements ReactiveHealthIndicator {

  private final AnchorRegistryClient chain;
  private final ChainCalls calls;
  private final Duration timeout;

  ChainHealthIndicator(AnchorRegistryClient chain, ChainCalls calls, Duration timeout) {
    this.chain = chain;
    this.calls = calls;
    this.timeout = timeout;
  }

  private record Probe(boolean hasCode, long head) {}

  @Override
  public Mono<Health> health() {
    String breaker = calls.circuitBreaker().getState().name();
    return Mono.fromFuture(
            () ->
                chain
                    .hasCode()
                    .thenCompose(
                        hasCode -> chain.blockNumber().thenApply(head -> new Probe(hasCode, head))),
            true)
        .timeout(timeout)
        .map(
            probe -> {
              Health.Builder health = probe.hasCode() ? Health.up() : Health.down();
              if (!probe.hasCode()) {
                health.withDetail("error", "no contract code at the registry address");
              }
              return health
                  .withDetail("chainId", chain.chainId())
                  .withDetail("registry", chain.address())
                  .withDetail("blockNumber", probe.head())
                  .withDetail("circuitBreaker", breaker)
                  .build();
            })
        .onErrorResume(
            error -> {
              Throwable cause = ChainCalls.unwrap(error);
              Health.Builder health =
                  (ChainCalls.isOutage(cause)
                          ? Health.status(AnchoringHealthIndicator.DEGRADED)
                          : Health.down())
                      .withDetail("chainId", chain.chainId())
                      .withDetail("registry", chain.address())
                      .withDetail("circuitBreaker", breaker)
                      .withDetail("error", AnchoringMetrics.kindOf(cause));
              if (cause instanceof WrongChainException wrong) {
                health.withDetail("actualChainId", wrong.actualChainId());
              }
              return Mono.just(health.build());
            });
  }
}
