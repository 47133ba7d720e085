package org.govchain.anchor.spring.log;

import io.r2dbc.spi.ConnectionFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.govchain.anchor.checkpoint.Checkpoint;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.anchor.merkle.CompactRange;
import org.govchain.anchor.merkle.MerkleHasher;
import org.govchain.anchor.spring.lock.AdvisoryLockLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Integrates appended entries into the log's tree: per batch, in one transaction, leaf indexes in
 * arrival order, every new tree node and a new signed checkpoint.
 *
 * <p>Any number of instances may run against one database; exactly one sequences, the one whose
 * {@link AdvisoryLockLoop} holds the log's session advisory lock, and writes its batches on the
 * lock's connection. The others try the lock every interval; a holder that dies (its connection
 * closes) releases it, and a standby takes over on its next try.
 */
public final class Sequencer implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);
  private static final HexFormat HEX = HexFormat.of();

  /** The log's session lock, held by the sequencing instance. */
  static final String LOCK_SQL = "SELECT pg_try_advisory_lock(:key) AS locked";

  private final LogStore store;
  private final NoteSigner signer;
  private final long lockKey;
  private final int batchSize;
  private final Duration interval;
  private final LogMetrics metrics;
  private final AdvisoryLockLoop lockLoop;
  private volatile Disposable running;

  Sequencer(
      ConnectionFactory connections,
      LogStore store,
      NoteSigner signer,
      long lockKey,
      int batchSize,
      Duration interval,
      LogMetrics metrics) {
    this.store = store;
    this.signer = signer;
    this.lockKey = lockKey;
    this.batchSize = batchSize;
    this.interval = interval;
    this.metrics = metrics;
    this.lockLoop =
        new AdvisoryLockLoop(
            "sequencer of log " + store.origin(),
            connections,
            LOCK_SQL,
            "key",
            lockKey,
            interval,
            Schedulers.parallel());
  }

  /**
   * Runs one batch now, if this call gets the lock (on a connection of its own): integrates up to
   * {@code batchSize} unsequenced entries in arrival order, stores the nodes and the signed
   * checkpoint, commits.
   *
   * @return the committed batch; empty if another instance (or this one's loop) holds the lock or
   *     nothing waits
   */
  public Mono<SequencedBatch> sequenceOnce() {
    return lockLoop.once(this::sequence);
  }

  /** Whether this instance's loop holds the lock, so it is the one that sequences. */
  public boolean holdsLock() {
    return lockLoop.holdsLock();
  }

  /** One batch on the lock's connection, in one transaction. */
  private Mono<SequencedBatch> sequence(AdvisoryLockLoop.LockedSession session) {
    return session
        .transactions()
        .transactional(integrate(store.on(session.db())))
        .doOnNext(
            b -> {
              metrics.sequenced(b);
              LOG.debug("sequenced {}", b);
            });
  }

  private Mono<SequencedBatch> integrate(LogStore locked) {
    Mono<CompactRange> frontier =
        locked
            .treeSize()
            .flatMap(
                size ->
                    locked
                        .nodes(CompactRange.frontier(size))
                        .map(stored -> CompactRange.resume(size, stored::get)));
    // an idle tick costs one indexed query; hashing and signing run on the parallel scheduler,
    // not on the driver's event loop
    return locked
        .pending(batchSize)
        .flatMap(
            entries ->
                frontier
                    .publishOn(Schedulers.parallel())
                    .flatMap(range -> write(locked, range, entries)));
  }

  private Mono<SequencedBatch> write(
      LogStore locked, CompactRange range, List<LogStore.PendingEntry> entries) {
    long oldSize = range.size();
    Long[] leafIndexes = new Long[entries.size()];
    Long[] entryIds = new Long[entries.size()];
    List<Integer> levels = new ArrayList<>(2 * entries.size() + 64);
    List<Long> indexes = new ArrayList<>(2 * entries.size() + 64);
    ByteBuffer hashes = ByteBuffer.allocate((2 * entries.size() + 64) * MerkleHasher.HASH_SIZE);
    for (int i = 0; i < entries.size(); i++) {
      leafIndexes[i] = oldSize + i;
      entryIds[i] = entries.get(i).entryId();
      range.append(
          entries.get(i).leafHash(),
          (id, hash) -> {
            levels.add(id.level());
            indexes.add(id.index());
            hashes.put(hash);
          });
    }
    long newSize = range.size();
    byte[] root = range.root();
    String note = new Checkpoint(store.origin(), newSize, root).sign(signer).noteText();
    byte[] nodeHashes = new byte[hashes.position()];
    hashes.flip().get(nodeHashes);
    SequencedBatch batch =
        new SequencedBatch(store.origin(), oldSize, newSize, HEX.formatHex(root), levels.size());
    return locked
        .writeBatch(
            leafIndexes,
            entryIds,
            levels.toArray(Integer[]::new),
            indexes.toArray(Long[]::new),
            nodeHashes,
            newSize,
            root,
            note)
        .thenReturn(batch);
  }

  @Override
  public void start() {
    running =
        lockLoop.start(
            session -> sequence(session).map(b -> b.leafCount() >= batchSize).defaultIfEmpty(false),
            error -> metrics.batchFailed());
    LOG.info(
        "Sequencer of log {} started (every {}, batches of up to {}, advisory lock {})",
        store.origin(),
        interval,
        batchSize,
        lockKey);
  }

  @Override
  public void stop() {
    Disposable d = running;
    running = null;
    if (d != null) {
      d.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    return running != null;
  }
}
