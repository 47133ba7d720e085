package org.govchain.anchor.spring.log;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.govchain.anchor.merkle.NodeId;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * One log's tables, and every statement on them (named below): the appender's insert, the
 * sequencer's batch, tree nodes for a proof plan in one query, checkpoints, entries and the gauges'
 * figures. Joins the caller's transaction when there is one; {@link #on} runs the same statements
 * on another connection (the sequencer's, which holds its lock).
 */
public final class LogStore {

  /**
   * A new entry and its place in the sequencer's queue; nothing if (subject, version) exists.
   * Public so that the log benchmark measures this very statement.
   */
  public static final String INSERT_ENTRY =
      """
      WITH inserted AS (
        INSERT INTO govchain_log_entry
          (log_origin, event_type, subject, version, envelope, leaf_hash)
        VALUES (:origin, :type, :subject, :version, :envelope, :leafHash)
        ON CONFLICT ON CONSTRAINT govchain_log_entry_event_once DO NOTHING
        RETURNING id, log_origin, appended_at),
      queued AS (
        INSERT INTO govchain_log_unsequenced (entry_id, log_origin)
        SELECT id, log_origin FROM inserted)
      SELECT id, appended_at FROM inserted
      """;

  /**
   * As {@link #INSERT_ENTRY}, for many entries in one statement (the appender's batches): the
   * envelopes in base64 and the leaf hashes in hex, as text arrays; returns the leaf hash of each
   * entry inserted (none for an existing subject and version).
   */
  static final String INSERT_ENTRIES =
      """
      WITH given AS (
        SELECT * FROM unnest(CAST(:types AS text[]), CAST(:subjects AS text[]),
            CAST(:versions AS bigint[]), CAST(:envelopes AS text[]), CAST(:leafHashes AS text[]))
          WITH ORDINALITY AS g(event_type, subject, version, envelope, leaf_hash, n)),
      inserted AS (
        INSERT INTO govchain_log_entry
          (log_origin, event_type, subject, version, envelope, leaf_hash)
        SELECT :origin, event_type, subject, version, decode(envelope, 'base64'),
            decode(leaf_hash, 'hex')
        FROM given ORDER BY n
        ON CONFLICT ON CONSTRAINT govchain_log_entry_event_once DO NOTHING
        RETURNING id, log_origin, leaf_hash, appended_at),
      queued AS (
        INSERT INTO govchain_log_unsequenced (entry_id, log_origin)
        SELECT id, log_origin FROM inserted)
      SELECT id, leaf_hash, appended_at FROM inserted
      """;

  /** The next unsequenced entries in arrival order. */
  static final String PENDING =
      """
      SELECT u.entry_id, e.leaf_hash FROM govchain_log_unsequenced u
      JOIN govchain_log_entry e ON e.id = u.entry_id
      WHERE u.log_origin = :origin ORDER BY u.entry_id LIMIT :limit
      """;

  /** A batch's leaves: leaf index i holds entry i of the two arrays. */
  static final String INSERT_LEAVES =
      """
      INSERT INTO govchain_log_leaf (log_origin, leaf_index, entry_id)
      SELECT :origin, t.leaf_index, t.entry_id
      FROM unnest(CAST(:leafIndexes AS bigint[]), CAST(:entryIds AS bigint[]))
        AS t(leaf_index, entry_id)
      """;

  /** A batch's new tree nodes: node i's hash is bytes 32i … 32i+31 of {@code :hashes}. */
  static final String INSERT_NODES =
      """
      INSERT INTO govchain_log_node (log_origin, level, idx, hash)
      SELECT :origin, t.level, t.idx,
             substring(:hashes FROM CAST((t.ord - 1) * 32 + 1 AS int) FOR 32)
      FROM unnest(CAST(:levels AS int[]), CAST(:indexes AS bigint[]))
        WITH ORDINALITY AS t(level, idx, ord)
      """;

  /** Takes a batch's entries off the queue. */
  static final String DEQUEUE =
      "DELETE FROM govchain_log_unsequenced WHERE entry_id = ANY(CAST(:entryIds AS bigint[]))";

  /** A batch's signed checkpoint. */
  static final String INSERT_CHECKPOINT =
      "INSERT INTO govchain_log_checkpoint (log_origin, tree_size, root_hash, note)"
          + " VALUES (:origin, :size, :root, :note)";

  /** The stored hashes of the nodes a proof plan names. */
  static final String NODES =
      """
      SELECT n.level, n.idx, n.hash FROM govchain_log_node n
      JOIN unnest(CAST(:levels AS int[]), CAST(:indexes AS bigint[])) AS w(level, idx)
        ON n.level = w.level AND n.idx = w.idx
      WHERE n.log_origin = :origin
      """;

  /** The number of sequenced leaves. */
  static final String TREE_SIZE =
      "SELECT coalesce(max(leaf_index) + 1, 0) AS size FROM govchain_log_leaf"
          + " WHERE log_origin = :origin";

  /** Checkpoints, with their anchors; a condition and an order follow. */
  static final String CHECKPOINTS =
      "SELECT tree_size, root_hash, note, created_at, anchor_state, chain_id, contract, tx_hash,"
          + " block_number, block_time FROM govchain_log_checkpoint WHERE log_origin = :origin ";

  /** The sequenced entry at a leaf index. */
  static final String ENTRY_AT =
      """
      SELECT e.id, e.subject, e.version, e.envelope, e.leaf_hash, l.leaf_index
      FROM govchain_log_leaf l JOIN govchain_log_entry e ON e.id = l.entry_id
      WHERE l.log_origin = :origin AND l.leaf_index = :index
      """;

  /** A subject's entries, sequenced or not; a version condition or an order follows. */
  static final String ENTRY_OF =
      """
      SELECT e.id, e.subject, e.version, e.envelope, e.leaf_hash, l.leaf_index
      FROM govchain_log_entry e LEFT JOIN govchain_log_leaf l ON l.entry_id = e.id
      WHERE e.log_origin = :origin AND e.subject = :subject
      """;

  /** The gauges' figures. */
  static final String STATS =
      """
      SELECT
        (SELECT coalesce(max(leaf_index) + 1, 0) FROM govchain_log_leaf
          WHERE log_origin = :origin) AS sequenced,
        (SELECT count(*) FROM govchain_log_unsequenced WHERE log_origin = :origin2)
          AS unsequenced,
        (SELECT coalesce(max(tree_size), 0) FROM govchain_log_checkpoint
          WHERE log_origin = :origin3 AND anchor_state = 'CONFIRMED') AS anchored
      """;

  private final DatabaseClient db;
  private final String origin;

  LogStore(DatabaseClient db, String origin) {
    this.db = db;
    this.origin = origin;
  }

  /** The same store on {@code other} (a connection of its own, e.g. one holding a lock). */
  LogStore on(DatabaseClient other) {
    return new LogStore(other, origin);
  }

  String origin() {
    return origin;
  }

  /** The stored hashes of {@code ids} (absent ones are missing from the map), in one query. */
  Mono<Map<NodeId, byte[]>> nodes(Collection<NodeId> ids) {
    if (ids.isEmpty()) {
      return Mono.just(Map.of());
    }
    Integer[] levels = new Integer[ids.size()];
    Long[] indexes = new Long[ids.size()];
    int i = 0;
    for (NodeId id : ids) {
      levels[i] = id.level();
      indexes[i] = id.index();
      i++;
    }
    return db.sql(NODES)
        .bind("levels", levels)
        .bind("indexes", indexes)
        .bind("origin", origin)
        .map(
            row ->
                Map.entry(
                    NodeId.of(row.get("level", Short.class), row.get("idx", Long.class)),
                    row.get("hash", byte[].class)))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
  }

  /** The number of sequenced leaves. */
  Mono<Long> treeSize() {
    return db.sql(TREE_SIZE).bind("origin", origin).map(row -> row.get("size", Long.class)).one();
  }

  /** The newest checkpoint, if any. */
  Mono<LogCheckpoint> latestCheckpoint() {
    return checkpointWhere("", "ORDER BY tree_size DESC LIMIT 1", null);
  }

  /** The checkpoint of exactly {@code size}, if one was made. */
  Mono<LogCheckpoint> checkpoint(long size) {
    return checkpointWhere("AND tree_size = :size", "", size);
  }

  /** The newest checkpoint the anchorer confirmed, if any. */
  Mono<LogCheckpoint> latestAnchoredCheckpoint() {
    return checkpointWhere(
        "AND anchor_state = 'CONFIRMED'", "ORDER BY tree_size DESC LIMIT 1", null);
  }

  /** The entry at leaf {@code index}, if sequenced. */
  Mono<StoredEntry> entryAt(long index) {
    return db.sql(ENTRY_AT).bind("origin", origin).bind("index", index).map(LogStore::entry).one();
  }

  /**
   * The entry of {@code subject} at {@code version}, or at its highest version when {@code version}
   * is null; its leaf index is null while it awaits the sequencer.
   */
  Mono<StoredEntry> entryOf(String subject, Long version) {
    DatabaseClient.GenericExecuteSpec spec =
        version == null
            ? db.sql(ENTRY_OF + " ORDER BY e.version DESC LIMIT 1")
            : db.sql(ENTRY_OF + " AND e.version = :version").bind("version", version);
    return spec.bind("origin", origin).bind("subject", subject).map(LogStore::entry).one();
  }

  /** The figures behind the log gauges. */
  Mono<LogStats> stats() {
    return db.sql(STATS)
        .bind("origin", origin)
        .bind("origin2", origin)
        .bind("origin3", origin)
        .map(
            row ->
                new LogStats(
                    row.get("sequenced", Long.class),
                    row.get("unsequenced", Long.class),
                    row.get("anchored", Long.class)))
        .one();
  }

  /**
   * Inserts an entry and queues it for the sequencer: its id and the time the database gave it;
   * empty if the log already holds (subject, version).
   */
  Mono<InsertedEntry> insertEntry(
      String type, String subject, long version, byte[] envelope, byte[] leafHash) {
    return db.sql(INSERT_ENTRY)
        .bind("origin", origin)
        .bind("type", type)
        .bind("subject", subject)
        .bind("version", version)
        .bind("envelope", envelope)
        .bind("leafHash", leafHash)
        .map(
            row ->
                new InsertedEntry(
                    row.get("id", Long.class),
                    row.get("appended_at", OffsetDateTime.class).toInstant()))
        .one();
  }

  /**
   * Inserts {@code entries} in one statement ({@link #INSERT_ENTRIES}), joining the caller's
   * transaction: each inserted entry by its leaf hash in hex; an entry whose subject and version
   * exist (or repeat an earlier one of the list) is missing from the map.
   */
  Mono<Map<String, InsertedEntry>> insertEntries(List<NewEntry> entries) {
    int n = entries.size();
    String[] types = new String[n];
    String[] subjects = new String[n];
    Long[] versions = new Long[n];
    String[] envelopes = new String[n];
    String[] leafHashes = new String[n];
    Base64.Encoder base64 = Base64.getEncoder();
    for (int i = 0; i < n; i++) {
      NewEntry entry = entries.get(i);
      types[i] = entry.type();
      subjects[i] = entry.subject();
      versions[i] = entry.version();
      envelopes[i] = base64.encodeToString(entry.envelope());
      leafHashes[i] = HexFormat.of().formatHex(entry.leafHash());
    }
    return db.sql(INSERT_ENTRIES)
        .bind("origin", origin)
        .bind("types", types)
        .bind("subjects", subjects)
        .bind("versions", versions)
        .bind("envelopes", envelopes)
        .bind("leafHashes", leafHashes)
        .map(
            row ->
                Map.entry(
                    HexFormat.of().formatHex(row.get("leaf_hash", byte[].class)),
                    new InsertedEntry(
                        row.get("id", Long.class),
                        row.get("appended_at", OffsetDateTime.class).toInstant())))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }

  /** Up to {@code limit} unsequenced entries in arrival order; empty if none wait. */
  Mono<List<PendingEntry>> pending(int limit) {
    return db.sql(PENDING)
        .bind("origin", origin)
        .bind("limit", limit)
        .map(
            row ->
                new PendingEntry(
                    row.get("entry_id", Long.class), row.get("leaf_hash", byte[].class)))
        .all()
        .collectList()
        .filter(list -> !list.isEmpty());
  }

  /**
   * Writes a sequenced batch: its leaves, its new nodes ({@code levels}, {@code indexes} and their
   * hashes, 32 bytes each, concatenated), the queue without its entries, and its checkpoint.
   *
   * @throws IllegalStateException (signalled) if the queue lost entries under the lock
   */
  Mono<Void> writeBatch(
      Long[] leafIndexes,
      Long[] entryIds,
      Integer[] levels,
      Long[] indexes,
      byte[] nodeHashes,
      long treeSize,
      byte[] root,
      String note) {
    return db.sql(INSERT_LEAVES)
        .bind("origin", origin)
        .bind("leafIndexes", leafIndexes)
        .bind("entryIds", entryIds)
        .fetch()
        .rowsUpdated()
        .then(
            db.sql(INSERT_NODES)
                .bind("origin", origin)
                .bind("hashes", nodeHashes)
                .bind("levels", levels)
                .bind("indexes", indexes)
                .fetch()
                .rowsUpdated())
        .then(db.sql(DEQUEUE).bind("entryIds", entryIds).fetch().rowsUpdated())
        .flatMap(
            dequeued -> {
              if (dequeued != entryIds.length) {
                return Mono.error(
                    new IllegalStateException(
                        "sequencer queue of "
                            + origin
                            + " changed under the lock: "
                            + dequeued
                            + " of "
                            + entryIds.length
                            + " rows removed"));
              }
              return db.sql(INSERT_CHECKPOINT)
                  .bind("origin", origin)
                  .bind("size", treeSize)
                  .bind("root", root)
                  .bind("note", note)
                  .fetch()
                  .rowsUpdated();
            })
        .then();
  }

  private Mono<LogCheckpoint> checkpointWhere(String condition, String order, Long size) {
    DatabaseClient.GenericExecuteSpec spec =
        db.sql(CHECKPOINTS + condition + " " + order).bind("origin", origin);
    if (size != null) {
      spec = spec.bind("size", size);
    }
    return spec.map(this::checkpoint).one();
  }

  private LogCheckpoint checkpoint(Readable row) {
    LogCheckpoint.Anchor anchor = null;
    if ("CONFIRMED".equals(row.get("anchor_state", String.class))) {
      anchor =
          new LogCheckpoint.Anchor(
              row.get("chain_id", Long.class),
              row.get("contract", String.class),
              row.get("tx_hash", String.class),
              row.get("block_number", Long.class),
              row.get("block_time", OffsetDateTime.class).toInstant());
    }
    return new LogCheckpoint(
        origin,
        row.get("tree_size", Long.class),
        HexFormat.of().formatHex(row.get("root_hash", byte[].class)),
        row.get("note", String.class),
        row.get("created_at", OffsetDateTime.class).toInstant(),
        anchor);
  }

  private static StoredEntry entry(Readable row) {
    return new StoredEntry(
        row.get("id", Long.class),
        row.get("subject", String.class),
        row.get("version", Long.class),
        row.get("envelope", byte[].class),
        row.get("leaf_hash", byte[].class),
        row.get("leaf_index", Long.class));
  }

  /** An entry just inserted. */
  record InsertedEntry(long id, Instant appendedAt) {}

  /** An entry to insert: its event's type, subject and version, envelope bytes and leaf hash. */
  record NewEntry(String type, String subject, long version, byte[] envelope, byte[] leafHash) {}

  /** An entry waiting for the sequencer. */
  record PendingEntry(long entryId, byte[] leafHash) {}

  /** The figures behind the gauges. */
  record LogStats(long sequencedSize, long unsequenced, long anchoredSize) {}

  /** An entry as stored; {@code leafIndex} is null until sequenced. */
  record StoredEntry(
      long entryId,
      String subject,
      long version,
      byte[] envelope,
      byte[] leafHash,
      Long leafIndex) {}
}
