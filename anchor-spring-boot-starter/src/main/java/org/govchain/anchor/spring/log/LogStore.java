package org.govchain.anchor.spring.log;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.govchain.anchor.merkle.NodeId;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Reads one log's tables: tree nodes for a proof plan in one query, checkpoints, entries and the
 * gauges' figures. Joins the caller's transaction when there is one.
 */
final class LogStore {

  private static final String CHECKPOINT_COLUMNS =
      "tree_size, root_hash, note, created_at, anchor_state, chain_id, contract, tx_hash,"
          + " block_number, block_time";

  private final DatabaseClient db;
  private final String origin;

  LogStore(DatabaseClient db, String origin) {
    this.db = db;
    this.origin = origin;
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
    return db.sql(
            """
            SELECT n.level, n.idx, n.hash FROM govchain_log_node n
            JOIN unnest(CAST(:levels AS int[]), CAST(:indexes AS bigint[])) AS w(level, idx)
              ON n.level = w.level AND n.idx = w.idx
            WHERE n.log_origin = :origin
            """)
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
    return db.sql(
            "SELECT coalesce(max(leaf_index) + 1, 0) AS size FROM govchain_log_leaf"
                + " WHERE log_origin = :origin")
        .bind("origin", origin)
        .map(row -> row.get("size", Long.class))
        .one();
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
    return db.sql(
            """
            SELECT e.id, e.subject, e.version, e.envelope, e.leaf_hash, l.leaf_index
            FROM govchain_log_leaf l JOIN govchain_log_entry e ON e.id = l.entry_id
            WHERE l.log_origin = :origin AND l.leaf_index = :index
            """)
        .bind("origin", origin)
        .bind("index", index)
        .map(LogStore::entry)
        .one();
  }

  /**
   * The entry of {@code subject} at {@code version}, or at its highest version when {@code version}
   * is null; its leaf index is null while it awaits the sequencer.
   */
  Mono<StoredEntry> entryOf(String subject, Long version) {
    String sql =
        """
        SELECT e.id, e.subject, e.version, e.envelope, e.leaf_hash, l.leaf_index
        FROM govchain_log_entry e LEFT JOIN govchain_log_leaf l ON l.entry_id = e.id
        WHERE e.log_origin = :origin AND e.subject = :subject
        """;
    DatabaseClient.GenericExecuteSpec spec =
        version == null
            ? db.sql(sql + " ORDER BY e.version DESC LIMIT 1")
            : db.sql(sql + " AND e.version = :version").bind("version", version);
    return spec.bind("origin", origin).bind("subject", subject).map(LogStore::entry).one();
  }

  /** The figures behind the log gauges. */
  Mono<LogStats> stats() {
    return db.sql(
            """
            SELECT
              (SELECT coalesce(max(leaf_index) + 1, 0) FROM govchain_log_leaf
                WHERE log_origin = :origin) AS sequenced,
              (SELECT count(*) FROM govchain_log_unsequenced WHERE log_origin = :origin2)
                AS unsequenced,
              (SELECT coalesce(max(tree_size), 0) FROM govchain_log_checkpoint
                WHERE log_origin = :origin3 AND anchor_state = 'CONFIRMED') AS anchored
            """)
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

  private Mono<LogCheckpoint> checkpointWhere(String condition, String order, Long size) {
    DatabaseClient.GenericExecuteSpec spec =
        db.sql(
                "SELECT "
                    + CHECKPOINT_COLUMNS
                    + " FROM govchain_log_checkpoint WHERE log_origin = :origin "
                    + condition
                    + " "
                    + order)
            .bind("origin", origin);
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
