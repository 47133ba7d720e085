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
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.govchain.anchor.checkpoint.Checkpoint;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.anchor.checkpoint.SignedCheckpoint;
import org.govchain.anchor.merkle.MemoryTree;
import org.govchain.anchor.merkle.MerkleHasher;
import org.govchain.anchor.merkle.NodeId;
import org.govchain.anchor.spring.log.testapp.LogTestApplication;
import org.govchain.anchor.spring.log.testapp.RecordService;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The sequencer integrates concurrent appends without gap or duplicate, one writer at a time. */
@WithPostgres
class SequencerIT {

  private static final Duration DEADLINE = Duration.ofMinutes(3);
  private static final Duration TAKEOVER = Duration.ofSeconds(5);

  @Test
  void tenThousandConcurrentAppendsAreSequencedWithoutGapOrDuplicate(PostgresServer.Database db)
      throws Exception {
    int total = 10_000;
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
  void twoSequencersOnOneDatabaseNeverBothWriteABatch(PostgresServer.Database db) throws Exception {
    int total = 2_000;
    try (ConfigurableApplicationContext app =
        LogTestApplication.start(db, "govchain.log.sequencer.enabled=false")) {
      RecordService records = app.getBean(RecordService.class);
      NoteSigner signer = app.getBean(NoteSigner.class);
      long lockKey = app.getBean(LogProperties.class).sequencerLockKey();
      ConnectionFactory first = connectionFactory(db);
      ConnectionFactory second = connectionFactory(db);
      Sequencer a = sequencer(first, signer, lockKey, 50);
      Sequencer b = sequencer(second, signer, lockKey, 50);
      Queue<SequencedBatch> byA = new ConcurrentLinkedQueue<>();
      Queue<SequencedBatch> byB = new ConcurrentLinkedQueue<>();
      AtomicBoolean done = new AtomicBoolean();

      Mono<Void> writers =
          Flux.range(0, total).flatMap(i -> records.save("rec-" + i, "n", 1, false), 8).then();
      Mono<Void> runA = loop(a, byA, done);
      Mono<Void> runB = loop(b, byB, done);
      Mono<Void> stopWhenAllSequenced =
          writers
              .then(
                  Mono.fromCallable(() -> awaitLeaves(db, total))
                      .subscribeOn(Schedulers.boundedElastic()))
              .doFinally(signal -> done.set(true))
              .then();
      Mono.when(runA, runB, stopWhenAllSequenced).block(DEADLINE);

      List<SequencedBatch> all = new ArrayList<>(byA);
      all.addAll(byB);
      all.sort(Comparator.comparingLong(SequencedBatch::oldSize));
      long expected = 0;
      for (SequencedBatch batch : all) {
        assertThat(batch.oldSize()).as("batches are consecutive and disjoint").isEqualTo(expected);
        assertThat(batch.newSize()).isGreaterThan(batch.oldSize());
        expected = batch.newSize();
      }
      assertThat(expected).isEqualTo(total);
      assertThat(byA).as("first instance wrote batches").isNotEmpty();
      assertThat(byB).as("second instance wrote batches").isNotEmpty();
      assertThat(count(db, "SELECT count(*) FROM govchain_log_checkpoint")).isEqualTo(all.size());
      assertStoredNodesAre(db, treeInLeafOrder(db));
    }
  }

  @Test
  void sequencerTakesOverAtOnceWhenTheLockHolderDies(PostgresServer.Database db) throws Exception {
    try (ConfigurableApplicationContext app =
        LogTestApplication.start(db, "govchain.log.sequencer.enabled=false")) {
      RecordService records = app.getBean(RecordService.class);
      long lockKey = app.getBean(LogProperties.class).sequencerLockKey();
      Sequencer sequencer =
          sequencer(connectionFactory(db), app.getBean(NoteSigner.class), lockKey, 1000);
      records.save("held-1", "n", 1, false).block();

      Connection holder = db.connect();
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        s.execute("SELECT pg_advisory_xact_lock(" + lockKey + ")");
      }
      assertThat(sequencer.sequenceOnce().blockOptional(DEADLINE))
          .as("another holder has the lock")
          .isEmpty();
      assertThat(count(db, "SELECT count(*) FROM govchain_log_leaf")).isZero();

      holder.close(); // the holder dies mid-transaction: its lock goes with it
      long died = System.nanoTime();

      // the server frees the lock when it has cleaned up the dead session, a moment later
      SequencedBatch batch = sequencer.sequenceOnce().block(DEADLINE);
      while (batch == null && System.nanoTime() - died < TAKEOVER.toNanos()) {
        Thread.sleep(20); // polling the real database against a deadline
        batch = sequencer.sequenceOnce().block(DEADLINE);
      }
      assertThat(batch).as("taken over within %s", TAKEOVER).isNotNull();
      assertThat(batch.oldSize()).isZero();
      assertThat(batch.newSize()).isEqualTo(1);
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

  private static Mono<Void> loop(
      Sequencer sequencer, Queue<SequencedBatch> written, AtomicBoolean done) {
    return Mono.defer(sequencer::sequenceOnce)
        .doOnNext(written::add)
        .then(Mono.delay(Duration.ofMillis(10)))
        .repeat(() -> !done.get())
        .then();
  }

  private static Sequencer sequencer(
      ConnectionFactory factory, NoteSigner signer, long lockKey, int batchSize) {
    DatabaseClient client = DatabaseClient.create(factory);
    LogStore store = new LogStore(client, LogTestApplication.ORIGIN);
    return new Sequencer(
        client,
        TransactionalOperator.create(new R2dbcTransactionManager(factory)),
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

  static boolean awaitLeaves(PostgresServer.Database db, long total) throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (count(db, "SELECT count(*) FROM govchain_log_leaf") < total) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "only "
                + count(db, "SELECT count(*) FROM govchain_log_leaf")
                + " of "
                + total
                + " entries sequenced within "
                + DEADLINE);
      }
      Thread.sleep(50); // polling the real database against a deadline
    }
    return true;
  }

  static long count(PostgresServer.Database db, String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
