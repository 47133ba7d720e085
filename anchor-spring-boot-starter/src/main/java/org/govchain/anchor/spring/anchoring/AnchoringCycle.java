package org.govchain.anchor.spring.anchoring;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.govchain.anchor.chain.AnchorReceipt;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.AnchorTransaction;
import org.govchain.anchor.chain.AnchoredCheckpoint;
import org.govchain.anchor.chain.LogId;
import org.govchain.anchor.chain.NonceConsumedException;
import org.govchain.anchor.chain.SignedTransaction;
import org.govchain.anchor.chain.TransactionFailedException;
import org.govchain.anchor.chain.TransactionFees;
import org.govchain.anchor.spring.anchoring.AnchorStore.AnchorRecord;
import org.govchain.anchor.spring.anchoring.AnchorStore.Backlog;
import org.govchain.anchor.spring.anchoring.TrackedTransaction.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One check of one log's anchoring, run by {@link Anchorer} while it holds the log's lock, as the
 * single owner of the submitter key's nonce: the transaction in flight first, else perhaps a new
 * anchor.
 *
 * <p>Each transaction is signed and stored (state SENT) before it is sent. A receipt is waited for
 * without blocking; a transaction without receipt after {@code stuck-after} is replaced with the
 * same nonce and higher fees ({@link FeePolicy}); when no tracked hash has a receipt but the nonce
 * is used, or before any new send, the contract itself ({@code latest}) says whether the root is
 * already there, and an anchored root is adopted, never sent again.
 */
final class AnchoringCycle {

  private static final Logger LOG = LoggerFactory.getLogger(AnchoringCycle.class);

  private final String origin;
  private final byte[] logId;
  private final AnchorRegistryClient chain;
  private final ChainCalls calls;
  private final AnchoringProperties properties;
  private final FeePolicy fees;
  private final AnchoringMetrics metrics;
  private final Clock clock;
  private final String sender;
  private volatile Instant lastSendAt = Instant.EPOCH;

  /** Checks ended by an outage of the chain since the last check that did not, 0 when none. */
  private volatile int outageChecks;

  AnchoringCycle(
      String origin,
      AnchorRegistryClient chain,
      ChainCalls calls,
      AnchoringProperties properties,
      AnchoringMetrics metrics,
      Clock clock) {
    this.origin = origin;
    this.logId = LogId.of(origin);
    this.chain = chain;
    this.calls = calls;
    this.properties = properties;
    this.fees = FeePolicy.of(properties);
    this.metrics = metrics;
    this.clock = clock;
    this.sender = chain.senderAddress().orElseThrow();
  }

  /** One check: the transaction in flight first, else perhaps a new anchor. */
  Mono<Void> step(AnchorStore store) {
    return store
        .inFlight(origin)
        .flatMap(tx -> handleInFlight(store, tx).thenReturn(Boolean.TRUE))
        .switchIfEmpty(Mono.defer(() -> maybeAnchor(store).thenReturn(Boolean.TRUE)))
        .then()
        .doOnSuccess(ignored -> chainAnswers())
        .onErrorResume(
            error -> !isDatabaseError(error),
            error -> {
              metrics.failure(AnchoringMetrics.kindOf(error));
              logFailure(error);
              return Mono.empty();
            });
  }

  /**
   * One WARN when the chain becomes unreachable, not one per check: a ten-minute outage is
   * otherwise 600 identical lines at the default check interval (3,000 at 200 ms, as the fault
   * campaign counted), hiding whatever else is logged; the repeats go to DEBUG, and the chain's
   * return is one INFO. Failures that are not an outage are always a WARN.
   */
  private void logFailure(Throwable error) {
    Throwable cause = ChainCalls.unwrap(error);
    boolean outage = ChainCalls.isOutage(cause) || cause instanceof CallNotPermittedException;
    if (!outage) {
      LOG.warn("anchoring of log {} failed: {}", origin, cause.toString());
      return;
    }
    if (outageChecks++ == 0) {
      LOG.warn(
          "anchoring of log {} failed: {}; until the chain answers again its failures are"
              + " logged at DEBUG (health: chain DEGRADED, anchoring lag)",
          origin,
          cause.toString());
    } else {
      LOG.debug("anchoring of log {} failed again: {}", origin, cause.toString());
    }
  }

  private void chainAnswers() {
    int failed = outageChecks;
    if (failed > 0) {
      outageChecks = 0;
      LOG.info(
          "anchoring of log {}: a check went through after {} that failed for want of the chain",
          origin,
          failed);
    }
  }

  private Mono<Void> maybeAnchor(AnchorStore store) {
    return store
        .backlog(origin)
        .flatMap(
            backlog -> {
              metrics.backlog(backlog);
              if (!backlog.hasCandidate() || !due(backlog)) {
                return Mono.empty();
              }
              return calls
                  .call(() -> chain.latest(logId))
                  .flatMap(
                      onChain -> store.backlog(origin).flatMap(now -> anchor(store, onChain, now)));
            });
  }

  /**
   * The decision once the chain answered, on the backlog as it is now: the call may have answered
   * only after its retries, when an outage ended, and the checkpoints made meanwhile belong in the
   * same transaction — anchoring the one this check started from would send a second transaction
   * for the rest.
   */
  private Mono<Void> anchor(
      AnchorStore store, Optional<AnchoredCheckpoint> onChain, Backlog backlog) {
    if (!backlog.hasCandidate()) {
      return Mono.empty();
    }
    return onChain.isPresent() && onChain.get().treeSize() >= backlog.newestSize()
        ? adopt(store, onChain.get())
        : send(store, backlog);
  }

  private boolean due(Backlog backlog) {
    return backlog.unanchoredEntries() >= properties.everyEntries()
        || !clock.instant().isBefore(lastSendAt.plus(properties.interval()));
  }

  private Mono<Void> send(AnchorStore store, Backlog backlog) {
    return calls
        .call(() -> chain.prepareAnchor(logId, backlog.newestSize(), backlog.newestRoot()))
        .map(fees::capped)
        .flatMap(
            unsigned -> {
              SignedTransaction signed = chain.sign(unsigned);
              return store.insertSent(
                  origin, chain.chainId(), chain.address(), sender, unsigned, signed);
            })
        .flatMap(
            row -> {
              lastSendAt = clock.instant();
              metrics.transaction("new");
              LOG.info(
                  "anchoring log {} at size {}: transaction {} (nonce {}) stored, sending",
                  origin,
                  row.treeSize(),
                  row.hash(),
                  row.nonce());
              return broadcast(store, row);
            });
  }

  /**
   * Sends the stored bytes; a node that already knows them is fine, a used nonce is next check's.
   */
  private Mono<Void> broadcast(AnchorStore store, TrackedTransaction row) {
    return calls
        .call(() -> chain.sendRaw(row.signed()))
        .then(store.markBroadcast(row.id()))
        .onErrorResume(NonceConsumedException.class, used -> Mono.empty());
  }

  private Mono<Void> handleInFlight(AnchorStore store, TrackedTransaction tx) {
    return store
        .unsettledWithNonce(origin, tx.nonce())
        .concatMap(
            candidate ->
                calls
                    .call(() -> chain.receipt(candidate.hash()))
                    .flatMap(
                        receipt ->
                            Mono.justOrEmpty(receipt.map(found -> new Mined(candidate, found)))))
        .next()
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(mined -> mined.isPresent() ? onMined(store, mined.get()) : noReceipt(store, tx))
        .onErrorResume(
            error ->
                error instanceof TransactionFailedException failed
                    && failed.transactionHash().isPresent(),
            reverted -> {
              LOG.warn("anchor transaction of log {} reverted: {}", origin, reverted.getMessage());
              metrics.failure("reverted");
              return store.settleNonce(origin, tx.nonce(), State.FAILED).then();
            });
  }

  private record Mined(TrackedTransaction tx, AnchorReceipt receipt) {}

  private Mono<Void> onMined(AnchorStore store, Mined mined) {
    TrackedTransaction tx = mined.tx();
    AnchorReceipt receipt = mined.receipt();
    Mono<Void> note =
        tx.state() == State.MINED && Long.valueOf(receipt.blockNumber()).equals(tx.blockNumber())
            ? Mono.empty()
            : store.markMined(tx, receipt.blockNumber(), receipt.gasUsed());
    return note.then(calls.call(chain::blockNumber))
        .flatMap(
            head -> {
              if (head - receipt.blockNumber() + 1 < properties.confirmations()) {
                return Mono.empty();
              }
              return calls
                  .call(() -> chain.checkpointAt(logId, tx.treeSize()))
                  .flatMap(
                      onChain -> {
                        if (onChain.isEmpty()
                            || !Arrays.equals(onChain.get().rootHash(), tx.rootHash())) {
                          return Mono.empty(); // a reorganisation in between; look again
                        }
                        return confirm(
                            store,
                            tx.treeSize(),
                            new AnchorRecord(
                                chain.chainId(),
                                chain.address(),
                                receipt.transactionHash(),
                                receipt.blockNumber(),
                                receipt.blockTime(),
                                receipt.gasUsed()));
                      });
            });
  }

  private Mono<Void> noReceipt(AnchorStore store, TrackedTransaction tx) {
    return calls
        .call(() -> chain.nonce(false))
        .flatMap(
            minedNonce -> {
              if (minedNonce > tx.nonce()) {
                return nonceUsedElsewhere(store, tx);
              }
              Instant since = tx.broadcastAt() != null ? tx.broadcastAt() : tx.sentAt();
              boolean stuck = !clock.instant().isBefore(since.plus(properties.stuckAfter()));
              if (tx.broadcastAt() == null && tx.state() != State.MINED) {
                // signed and stored by this or an earlier life, but no node has acknowledged it
                // (the process stopped, or the chain went down, before the broadcast): the very
                // same bytes go out, never a new signature. Only a node that refuses them makes a
                // replacement, once stuck-after has passed: a transaction no node ever held is not
                // stuck, however long the chain was away.
                LOG.info(
                    "anchor transaction {} of log {} at size {} (nonce {}) was stored but never"
                        + " acknowledged by the node: sending the stored transaction",
                    tx.hash(),
                    origin,
                    tx.treeSize(),
                    tx.nonce());
                Mono<Void> resend = broadcast(store, tx);
                return stuck
                    ? resend.onErrorResume(
                        refused -> !ChainCalls.isOutage(refused), refused -> replace(store, tx))
                    : resend;
              }
              Mono<Void> reorged =
                  tx.state() == State.MINED
                      ? store.markUnmined(tx.id()).doOnSuccess(ignored -> metrics.failure("reorg"))
                      : Mono.empty();
              if (stuck) {
                return reorged.then(replace(store, tx));
              }
              if (tx.state() == State.MINED) {
                LOG.warn(
                    "anchor transaction {} of log {} at size {} is no longer in block {}"
                        + " (reorganisation): sending it again",
                    tx.hash(),
                    origin,
                    tx.treeSize(),
                    tx.blockNumber());
                return reorged.then(broadcast(store, tx));
              }
              return Mono.empty();
            });
  }

  /**
   * The nonce is used but none of our hashes has a receipt: the contract decides. If it holds this
   * size (or more), adopt it; otherwise the transaction is dropped and the next check sends anew.
   */
  private Mono<Void> nonceUsedElsewhere(AnchorStore store, TrackedTransaction tx) {
    return calls
        .call(() -> chain.latest(logId))
        .flatMap(
            onChain -> {
              if (onChain.isPresent() && onChain.get().treeSize() >= tx.treeSize()) {
                return adopt(store, onChain.get());
              }
              metrics.failure("dropped");
              LOG.warn(
                  "anchor transaction {} of log {} was dropped (nonce {} used elsewhere)",
                  tx.hash(),
                  origin,
                  tx.nonce());
              return store.settleNonce(origin, tx.nonce(), State.DROPPED).then();
            });
  }

  private Mono<Void> replace(AnchorStore store, TrackedTransaction tx) {
    return calls
        .call(chain::currentFees)
        .flatMap(
            current -> {
              TransactionFees replacementFees = fees.replacement(tx.fees(), current);
              if (fees.exceedsCap(replacementFees)) {
                metrics.failure("fee-cap");
                LOG.warn(
                    "anchor transaction {} of log {} is stuck but a replacement would exceed"
                        + " max-fee-per-gas {}",
                    tx.hash(),
                    origin,
                    fees.maxFeePerGas());
                return broadcast(store, tx);
              }
              AnchorTransaction unsigned = tx.unsigned().withFees(replacementFees);
              SignedTransaction signed = chain.sign(unsigned);
              return store
                  .replace(tx, chain.chainId(), chain.address(), sender, unsigned, signed)
                  .flatMap(
                      row -> {
                        metrics.transaction("replacement");
                        LOG.info(
                            "replacing stuck anchor transaction {} of log {} by {} (nonce {})",
                            tx.hash(),
                            origin,
                            row.hash(),
                            row.nonce());
                        return broadcast(store, row);
                      });
            });
  }

  /**
   * The chain already holds {@code onChain}: confirm the log's checkpoint of that size if its root
   * is the same (finding the anchoring transaction by its event), never send it again.
   */
  private Mono<Void> adopt(AnchorStore store, AnchoredCheckpoint onChain) {
    long size = onChain.treeSize();
    return store
        .checkpointRoot(origin, size)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            root -> {
              if (root.isEmpty() || !Arrays.equals(root.get(), onChain.rootHash())) {
                metrics.failure("chain-mismatch");
                LOG.error(
                    "log {}: the registry holds size {} with a root this log {}; not anchoring",
                    origin,
                    size,
                    root.isEmpty() ? "never made" : "does not have");
                return Mono.empty();
              }
              return calls
                  .call(chain::blockNumber)
                  .filter(head -> head - onChain.blockNumber() + 1 >= properties.confirmations())
                  .flatMap(
                      head ->
                          calls.call(
                              () ->
                                  chain.findAnchored(
                                      logId, size, onChain.blockNumber(), onChain.blockNumber())))
                  .flatMap(event -> Mono.justOrEmpty(event))
                  .flatMap(
                      event ->
                          calls
                              .call(() -> chain.receipt(event.transactionHash()))
                              .flatMap(receipt -> Mono.justOrEmpty(receipt)))
                  .flatMap(
                      receipt -> {
                        LOG.info(
                            "log {}: size {} is already anchored by {}; adopted",
                            origin,
                            size,
                            receipt.transactionHash());
                        return confirm(
                            store,
                            size,
                            new AnchorRecord(
                                chain.chainId(),
                                chain.address(),
                                receipt.transactionHash(),
                                onChain.blockNumber(),
                                onChain.blockTime(),
                                receipt.gasUsed()));
                      });
            });
  }

  private Mono<Void> confirm(AnchorStore store, long size, AnchorRecord anchor) {
    return store
        .confirm(origin, size, anchor)
        .doOnSuccess(
            ignored -> {
              metrics.confirmed(anchor.gasUsed());
              LOG.info(
                  "log {} anchored at size {} in block {} by {}",
                  origin,
                  size,
                  anchor.blockNumber(),
                  anchor.transactionHash());
            });
  }

  private static boolean isDatabaseError(Throwable error) {
    Throwable cause = ChainCalls.unwrap(error);
    return cause instanceof io.r2dbc.spi.R2dbcException
        || cause instanceof org.springframework.dao.DataAccessException;
  }
}
