package org.govchain.anchor.spring.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.govchain.anchor.checkpoint.Checkpoint;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.anchor.checkpoint.SignedCheckpoint;
import org.govchain.anchor.merkle.MemoryTree;
import org.govchain.anchor.merkle.MerkleHasher;
import org.govchain.anchor.merkle.NodeId;
import org.govchain.anchor.spring.log.testapp.LogTestApplication;
import org.govchain.anchor.spring.log.testapp.RecordService;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/** The sequencer integrates concurrent appends without gap or duplicate, one writer at a time. */
@WithPostgres
class SequencerIT {

  private static final Duration DEADLINE = Duration.ofMinutes(3);
  private static final Duration TAKEOVER = Duration.ofSeconds(5);

  // 3,000: three sequencer batches at the default 1,000 and more at the test's 100 ms interval; the
  // 10,000 concurrent appends of issue 3, anchored and every bundle verified, are
  // LogAnchoringEndToEndIT's
  @Test
  void threeThousandConcurrentAppendsAreSequencedWithoutGapOrDuplicate(PostgresServer.Database db)
      throws Exception {
    int total = 3_000;
    try (ConfigurableApplicationContext app = LogTestApplication.start(db)) {
      RecordService records = app.getBean(RecordService.class);
      Flux.range(0, total)
          .flatMap(i -> records.save("rec-" + i, "name " + i, 1, false), 8)
          .then()
          .block(DEADLINE);
      awaitLeaves(db, total);

      assertThat(count(db, "SELECT count(DISTINCT leaf_index) FROM govchain_log_leaf"))
          .isEqualTo(total);
      assertThat(count(db, "SELECT min(leaf_index) FROM govchain_log_leaf")).isZero();
      assertThat(count(db, "SELECT max(leaf_index) FROM govchain_log_leaf")).isEqualTo(total - 1);
      assertThat(count(db, "SELECT count(DISTINCT entry_id) FROM govchain_log_leaf"))
          .isEqualTo(total);
      assertThat(count(db, "SELECT count(*) FROM govchain_log_entry")).isEqualTo(total);
      assertThat(count(db, "SELECT count(*) FROM govchain_log_unsequenced")).isZero();

      MemoryTree tree = treeInLeafOrder(db);
      assertStoredNodesAre(db, tree);
      NoteSigner signer = app.getBean(NoteSigner.class);
      List<long[]> sizes = new ArrayList<>();
      try (Connection c = db.connect();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT tree_size, root_hash, note FROM govchain_log_checkpoint"
                      + " ORDER BY tree_size")) {
        while (rs.next()) {
          long size = rs.getLong(1);
          assertThat(rs.getBytes(2)).as("root of size %d", size).isEqualTo(tree.root(size));
          SignedCheckpoint signed = Checkpoint.verify(rs.getString(3), signer.verifier());
          assertThat(signed.checkpoint())
              .isEqualTo(new Checkpoint(LogTestApplication.ORIGIN, size, tree.root(size)));
          sizes.add(new long[] {size});
        }
      }
      assertThat(sizes).isNotEmpty();
      assertThat(sizes.get(sizes.size() - 1)[0]).isEqualTo(total);
    }
  }

  @Test
  void ofTwoSequencersExactlyOneSequencesAndTheOtherTakesOverWhenItStops(PostgresServer.Database db)
      throws Exception {
    try (ConfigurableApplicationContext app =
        LogTestApplication.start(db, "govchain.log.sequencer.enabled=false")) {
      RecordService records = app.getBean(RecordService.class);
      NoteSigner signer = app.getBean(NoteSigner.class);
      long lockKey = app.getBean(LogProperties.class).sequencerLockKey();
      Sequencer a = sequencer(connectionFactory(db), signer, lockKey, 50);
      Sequencer b = sequencer(connectionFactory(db), signer, lockKey, 50);
      a.start();
      b.start();
      try {
        Flux.range(0, 1_000)
            .flatMap(i -> records.save("rec-" + i, "n", 1, false), 8)
            .then()
            .block(DEADLINE);
        awaitLeaves(db, 1_000);
        assertThat(List.of(a.holdsLock(), b.holdsLock()))
            .as("exactly one instance holds the lock")
            .containsExactlyInAnyOrder(true, false);
        assertThat(a.sequenceOnce().blockOptional(DEADLINE))
            .as("a call beside the running loops does not get the lock")
            .isEmpty();
        Sequencer holder = a.holdsLock() ? a : b;
        Sequencer standby = holder == a ? b : a;

        holder.stop(); // its connection closes, and the lock with it
        Flux.range(1_000, 1_000)
            .flatMap(i -> records.save("rec-" + i, "n", 1, false), 8)
            .then()
            .block(DEADLINE);
        awaitLeaves(db, 2_000);
        assertThat(standby.holdsLock()).as("the standby took over").isTrue();
      } finally {
        a.stop();
        b.stop();
      }
      assertCheckpointsAreConsecutive(db, 2_000);
      assertStoredNodesAre(db, treeInLeafOrder(db));
    }
  }

  @Test
  void sequencerTakesOverWhenTheLockHolderDies(PostgresServer.Database db) throws Exception {
    try (ConfigurableApplicationContext app =
        LogTestApplication.start(db, "govchain.log.sequencer.enabled=false")) {
      RecordService records = app.getBean(RecordService.class);
      long lockKey = app.getBean(LogProperties.class).sequencerLockKey();
      Sequencer sequencer =
          sequencer(connectionFactory(db), app.getBean(NoteSigner.class), lockKey, 1000);
      records.save("held-1", "n", 1, false).block();

      Connection holder = db.connect(); // another instance, holding the log's lock
      try (Statement s = holder.createStatement()) {
        s.execute("SELECT pg_advisory_lock(" + lockKey + ")");
      }
      assertThat(sequencer.sequenceOnce().blockOptional(DEADLINE))
          .as("another holder has the lock")
          .isEmpty();
      sequencer.start();
      try {
        assertThat(sequencer.holdsLock()).isFalse();
        assertThat(count(db, "SELECT count(*) FROM govchain_log_leaf")).isZero();

        holder.close(); // the holder dies: its lock goes with its session
        // the server frees the lock when it has cleaned up the dead session, and the standby
        // tries every 50 ms
        Await.until(
            "the standby sequences the entry",
            TAKEOVER,
            Duration.ofMillis(20),
            () -> count(db, "SELECT count(*) FROM govchain_log_leaf") == 1);
        assertThat(sequencer.holdsLock()).isTrue();
      } finally {
        sequencer.stop();
      }
    }
  }

  @Test
  void nothingToSequenceWritesNoCheckpoint(PostgresServer.Database db) throws Exception {
    try (ConfigurableApplicationContext app =
        LogTestApplication.start(db, "govchain.log.sequencer.enabled=false")) {
      Sequencer sequencer =
          sequencer(
              connectionFactory(db),
              app.getBean(NoteSigner.class),
              app.getBean(LogProperties.class).sequencerLockKey(),
              1000);
      assertThat(sequencer.sequenceOnce().blockOptional(DEADLINE)).isEmpty();
      assertThat(count(db, "SELECT count(*) FROM govchain_log_checkpoint")).isZero();
    }
  }

  private static Sequencer sequencer(
      ConnectionFactory factory, NoteSigner signer, long lockKey, int batchSize) {
    LogStore store = new LogStore(DatabaseClient.create(factory), LogTestApplication.ORIGIN);
    return new Sequencer(
        factory,
        store,
        signer,
        lockKey,
        batchSize,
        Duration.ofMillis(50),
        new LogMetrics(
            store, new SimpleMeterRegistry(), LogTestApplication.ORIGIN, Duration.ofSeconds(1)));
  }

  /** A pool of its own, as a second application instance would have. */
  private static ConnectionFactory connectionFactory(PostgresServer.Database db) {
    return ConnectionFactories.get(
        ConnectionFactoryOptions.parse(
                "r2dbc:pool:postgresql://" + db.host() + ":" + db.port() + "/" + db.name())
            .mutate()
            .option(ConnectionFactoryOptions.USER, db.user())
            .option(ConnectionFactoryOptions.PASSWORD, db.password())
            .build());
  }

  static MemoryTree treeInLeafOrder(PostgresServer.Database db) throws SQLException {
    MemoryTree tree = new MemoryTree();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT l.leaf_index, e.envelope, e.leaf_hash FROM govchain_log_leaf l"
                    + " JOIN govchain_log_entry e ON e.id = l.entry_id ORDER BY l.leaf_index")) {
      while (rs.next()) {
        byte[] leafHash = MerkleHasher.leafHash(rs.getBytes(2));
        assertThat(rs.getBytes(3)).isEqualTo(leafHash);
        assertThat(tree.append(leafHash)).isEqualTo(rs.getLong(1));
      }
    }
    return tree;
  }

  /** Every stored node equals the in-memory tree's, and every complete subtree is stored. */
  static void assertStoredNodesAre(PostgresServer.Database db, MemoryTree tree)
      throws SQLException {
    long expectedNodes = 0;
    for (int level = 0; (tree.size() >>> level) > 0; level++) {
      expectedNodes += tree.size() >>> level;
    }
    long stored = 0;
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT level, idx, hash FROM govchain_log_node")) {
      while (rs.next()) {
        NodeId id = NodeId.of(rs.getInt(1), rs.getLong(2));
        assertThat(rs.getBytes(3)).as("%s", id).isEqualTo(tree.node(id));
        stored++;
      }
    }
    assertThat(stored).isEqualTo(expectedNodes);
  }

  static void awaitLeaves(PostgresServer.Database db, long total) {
    Await.until(
        total + " entries sequenced",
        DEADLINE,
        Duration.ofMillis(50),
        () -> count(db, "SELECT count(*) FROM govchain_log_leaf") >= total);
  }

  /** Checkpoints of strictly growing sizes, the last one of {@code total} leaves. */
  static void assertCheckpointsAreConsecutive(PostgresServer.Database db, long total)
      throws SQLException {
    List<Long> sizes = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT tree_size FROM govchain_log_checkpoint ORDER BY created_at, tree_size")) {
      while (rs.next()) {
        sizes.add(rs.getLong(1));
      }
    }
    assertThat(sizes).isNotEmpty().isSorted().doesNotHaveDuplicates();
    assertThat(sizes.get(sizes.size() - 1)).isEqualTo(total);
  }

  static long count(PostgresServer.Database db, String sql) {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
