package org.govchain.anchor.spring.log;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.govchain.anchor.checkpoint.Checkpoint;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.anchor.merkle.CompactRange;
import org.govchain.anchor.merkle.MerkleHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Integrates appended entries into the log's tree: per batch, in one transaction, leaf indexes in
 * arrival order, every new tree node and a new signed checkpoint.
 *
 * <p>Any number of instances may run against one database. Each batch first takes the log's
 * transaction-scoped advisory lock ({@code pg_try_advisory_xact_lock}); an instance that does not
 * get it writes nothing and tries again after the interval. The lock ends with the batch's
 * transaction, so a holder that dies (its connection closes) releases it at once and the next
 * instance takes over on its next tick.
 */
public final class Sequencer implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);
  private static final HexFormat HEX = HexFormat.of();

  private final DatabaseClient db;
  private final TransactionalOperator transactions;
  private final LogStore store;
  private final NoteSigner signer;
  private final long lockKey;
  private final int batchSize;
  private final Duration interval;
  private final LogMetrics metrics;
  private volatile Disposable running;

  Sequencer(
      DatabaseClient db,
      TransactionalOperator transactions,
      LogStore store,
      NoteSigner signer,
      long lockKey,
      int batchSize,
      Duration interval,
      LogMetrics metrics) {
    this.db = db;
    this.transactions = transactions;
    this.store = store;
    this.signer = signer;
    this.lockKey = lockKey;
    this.batchSize = batchSize;
    this.interval = interval;
    this.metrics = metrics;
  }

  /**
   * Runs one batch: takes the lock, integrates up to {@code batchSize} unsequenced entries in
   * arrival order, stores the nodes and the signed checkpoint, commits.
   *
   * @return the committed batch; empty if another instance holds the lock or nothing waits
   */
  public Mono<SequencedBatch> sequenceOnce() {
    Mono<SequencedBatch> batch =
        db.sql("SELECT pg_try_advisory_xact_lock(:key) AS locked")
            .bind("key", lockKey)
            .map(row -> row.get("locked", Boolean.class))
            .one()
            .filter(Boolean::booleanValue)
            .flatMap(locked -> integrate());
    return transactions
        .transactional(batch)
        .doOnNext(
            b -> {
              metrics.sequenced(b);
              LOG.debug("sequenced {}", b);
            });
  }

  private Mono<SequencedBatch> integrate() {
    Mono<CompactRange> frontier =
        store
            .treeSize()
            .flatMap(
                size ->
                    store
                        .nodes(CompactRange.frontier(size))
                        .map(stored -> CompactRange.resume(size, stored::get)));
    // an idle tick costs the lock and one indexed query; hashing and signing run on the
    // parallel scheduler, not on the driver's event loop
    return pending()
        .flatMap(
            entries ->
                frontier.publishOn(Schedulers.parallel()).flatMap(range -> write(range, entries)));
  }

  /** The next unsequenced entries in arrival order; empty if none. */
  private Mono<List<Pending>> pending() {
    return db.sql(
            """
            SELECT u.entry_id, e.leaf_hash FROM govchain_log_unsequenced u
            JOIN govchain_log_entry e ON e.id = u.entry_id
            WHERE u.log_origin = :origin ORDER BY u.entry_id LIMIT :limit
            """)
        .bind("origin", store.origin())
        .bind("limit", batchSize)
        .map(
            row -> new Pending(row.get("entry_id", Long.class), row.get("leaf_hash", byte[].class)))
        .all()
        .collectList()
        .filter(list -> !list.isEmpty());
  }

  private Mono<SequencedBatch> write(CompactRange range, List<Pending> entries) {
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
    return db.sql(
            """
            INSERT INTO govchain_log_leaf (log_origin, leaf_index, entry_id)
            SELECT :origin, t.leaf_index, t.entry_id
            FROM unnest(CAST(:leafIndexes AS bigint[]), CAST(:entryIds AS bigint[]))
              AS t(leaf_index, entry_id)
            """)
        .bind("origin", store.origin())
        .bind("leafIndexes", leafIndexes)
        .bind("entryIds", entryIds)
        .fetch()
        .rowsUpdated()
        .then(
            db.sql(
                    """
                    INSERT INTO govchain_log_node (log_origin, level, idx, hash)
                    SELECT :origin, t.level, t.idx,
                           substring(:hashes FROM CAST((t.ord - 1) * 32 + 1 AS int) FOR 32)
                    FROM unnest(CAST(:levels AS int[]), CAST(:indexes AS bigint[]))
                      WITH ORDINALITY AS t(level, idx, ord)
                    """)
                .bind("origin", store.origin())
                .bind("hashes", nodeHashes)
                .bind("levels", levels.toArray(Integer[]::new))
                .bind("indexes", indexes.toArray(Long[]::new))
                .fetch()
                .rowsUpdated())
        .then(
            db.sql(
                    "DELETE FROM govchain_log_unsequenced"
                        + " WHERE entry_id = ANY(CAST(:entryIds AS bigint[]))")
                .bind("entryIds", entryIds)
                .fetch()
                .rowsUpdated())
        .flatMap(
            deleted -> {
              if (deleted != entries.size()) {
                return Mono.error(
                    new IllegalStateException(
                        "sequencer queue of "
                            + store.origin()
                            + " changed under the lock: "
                            + deleted
                            + " of "
                            + entries.size()
                            + " rows removed"));
              }
              return db.sql(
                      "INSERT INTO govchain_log_checkpoint (log_origin, tree_size, root_hash, note)"
                          + " VALUES (:origin, :size, :root, :note)")
                  .bind("origin", store.origin())
                  .bind("size", newSize)
                  .bind("root", root)
                  .bind("note", note)
                  .fetch()
                  .rowsUpdated();
            })
        .thenReturn(batch);
  }

  private record Pending(long entryId, byte[] leafHash) {}

  @Override
  public void start() {
    running =
        Mono.defer(this::sequenceOnce)
            .map(b -> b.leafCount() >= batchSize)
            .defaultIfEmpty(false)
            .onErrorResume(
                e -> {
                  metrics.batchFailed();
                  LOG.warn("sequencer batch of log {} failed: {}", store.origin(), e.toString());
                  return Mono.just(false);
                })
            .flatMap(full -> full ? Mono.just(true) : Mono.delay(interval).thenReturn(false))
            .repeat()
            .subscribe();
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
