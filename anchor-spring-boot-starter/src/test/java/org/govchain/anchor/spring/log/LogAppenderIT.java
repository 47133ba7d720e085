package org.govchain.anchor.spring.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.ConnectionFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.anchor.merkle.MerkleHasher;
import org.govchain.anchor.spring.log.testapp.LogTestApplication;
import org.govchain.anchor.spring.log.testapp.RecordService;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Appends join the service's transaction, duplicates are refused, and the tables are append-only.
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogAppenderIT {

  private final PostgresServer.Database db;
  private final ConfigurableApplicationContext app;
  private final RecordService records;
  private final LogAppender appender;

  LogAppenderIT(PostgresServer.Database db) {
    this.db = db;
    this.app = LogTestApplication.start(db, "govchain.log.sequencer.enabled=false");
    this.records = app.getBean(RecordService.class);
    this.appender = app.getBean(LogAppender.class);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void committedBusinessWriteLeavesItsEntry() throws SQLException {
    AppendedEntry entry = records.save("commit-1", "Alice", 1, false).block();

    assertThat(count("SELECT count(*) FROM test_record WHERE id = 'commit-1'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM govchain_log_entry WHERE subject = 'commit-1'"))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM govchain_log_unsequenced WHERE entry_id = "
                    + entry.entryId()))
        .isEqualTo(1);
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT envelope, leaf_hash, event_type, version FROM govchain_log_entry WHERE id = "
                    + entry.entryId())) {
      assertThat(rs.next()).isTrue();
      byte[] envelope = rs.getBytes(1);
      EventEnvelope parsed = EventEnvelope.parse(envelope);
      assertThat(parsed.subject()).isEqualTo("commit-1");
      assertThat(parsed.data()).containsEntry("name", "Alice");
      assertThat(rs.getBytes(2))
          .isEqualTo(MerkleHasher.leafHash(envelope))
          .isEqualTo(entry.leafHash());
      assertThat(rs.getString(3)).isEqualTo("test.record.saved");
      assertThat(rs.getLong(4)).isEqualTo(1);
    }
  }

  @Test
  void rolledBackBusinessWriteLeavesNoEntry() throws SQLException {
    assertThatThrownBy(() -> records.save("rollback-1", "Bob", 1, true).block())
        .hasMessageContaining("business rule failed after append");

    assertThat(count("SELECT count(*) FROM test_record WHERE id = 'rollback-1'")).isZero();
    assertThat(count("SELECT count(*) FROM govchain_log_entry WHERE subject = 'rollback-1'"))
        .isZero();
  }

  @Test
  void duplicateEventIsRefusedAndNothingOfItIsWritten() throws SQLException {
    records.save("dup-1", "Carol", 1, false).block();

    assertThatThrownBy(() -> records.save("dup-1", "Mallory", 1, false).block())
        .isInstanceOfSatisfying(
            DuplicateEventException.class,
            e -> {
              assertThat(e.origin()).isEqualTo(LogTestApplication.ORIGIN);
              assertThat(e.subject()).isEqualTo("dup-1");
              assertThat(e.version()).isEqualTo(1);
            });

    assertThat(count("SELECT count(*) FROM govchain_log_entry WHERE subject = 'dup-1'"))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM test_record WHERE id = 'dup-1' AND name = 'Carol'"))
        .isEqualTo(1);
    // the next version is accepted
    records.save("dup-1", "Carol", 2, false).block();
    assertThat(count("SELECT count(*) FROM govchain_log_entry WHERE subject = 'dup-1'"))
        .isEqualTo(2);
  }

  @Test
  void envelopeOfAnotherLogIsRefused() {
    EventEnvelope foreign =
        new EventEnvelope(
            "other.govchain.example",
            "test.record.saved",
            "x",
            1,
            RecordService.envelope("x", "n", 1).time(),
            RecordService.envelope("x", "n", 1).data(),
            RecordService.envelope("x", "n", 1).salt());
    assertThatThrownBy(() -> appender.append(foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other.govchain.example");
  }

  @Test
  void appendWithoutSurroundingTransactionCommitsOnItsOwn() throws SQLException {
    appender.append(RecordService.envelope("alone-1", "Dan", 1)).block();
    assertThat(count("SELECT count(*) FROM govchain_log_entry WHERE subject = 'alone-1'"))
        .isEqualTo(1);
  }

  @Test
  void concurrentAppendsWithoutATransactionCommitTogetherAndEachIsAcknowledgedOnce()
      throws SQLException {
    int n = 300;
    List<AppendedEntry> entries =
        Flux.range(0, n)
            .flatMap(i -> appender.append(RecordService.envelope("many-" + i, "Fay", 1)), n)
            .collectList()
            .block(Duration.ofSeconds(60));

    assertThat(entries).hasSize(n);
    assertThat(entries.stream().map(AppendedEntry::entryId).distinct()).hasSize(n);
    assertThat(count("SELECT count(*) FROM govchain_log_entry WHERE subject LIKE 'many-%'"))
        .isEqualTo(n);
    assertThat(
            count(
                "SELECT count(*) FROM govchain_log_unsequenced u JOIN govchain_log_entry e"
                    + " ON e.id = u.entry_id WHERE e.subject LIKE 'many-%'"))
        .isEqualTo(n);
    for (AppendedEntry entry : entries) {
      assertThat(leafHashOf(entry.entryId())).isEqualTo(entry.leafHash());
    }
    // one transaction's entries share its start time: fewer commits than appends
    assertThat(
            count(
                "SELECT count(DISTINCT appended_at) FROM govchain_log_entry"
                    + " WHERE subject LIKE 'many-%'"))
        .isLessThan(n / 2);
  }

  @Test
  void ofTwoAppendsOfOneVersionInOneBatchTheSecondIsADuplicate() throws SQLException {
    List<Object> outcomes =
        Flux.range(0, 40)
            .flatMap(
                i ->
                    appender
                        .append(RecordService.envelope(i < 2 ? "twice" : "once-" + i, "Gus", 1))
                        .<Object>map(e -> e)
                        .onErrorResume(Mono::just),
                40)
            .collectList()
            .block(Duration.ofSeconds(60));

    assertThat(outcomes).filteredOn(DuplicateEventException.class::isInstance).hasSize(1);
    List<AppendedEntry> twice =
        outcomes.stream()
            .filter(AppendedEntry.class::isInstance)
            .map(AppendedEntry.class::cast)
            .filter(e -> e.subject().equals("twice"))
            .toList();
    assertThat(twice).hasSize(1);
    assertThat(count("SELECT count(*) FROM govchain_log_entry WHERE subject = 'twice'"))
        .isEqualTo(1);
    assertThat(leafHashOf(twice.get(0).entryId())).isEqualTo(twice.get(0).leafHash());
  }

  @Test
  void aBatchThatFailsAcknowledgesNoneOfItsAppendsAndWritesNone() throws SQLException {
    execute(
        """
        CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.subject = 'poison' THEN RAISE EXCEPTION 'poisoned batch'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER refuse_poison BEFORE INSERT ON govchain_log_entry
          FOR EACH ROW EXECUTE FUNCTION refuse_poison();
        """);
    List<Object> outcomes;
    try {
      outcomes =
          Flux.range(0, 200)
              .flatMap(
                  i ->
                      appender
                          .append(RecordService.envelope(i == 100 ? "poison" : "fed-" + i, "H", 1))
                          .<Object>map(e -> e)
                          .onErrorResume(e -> Mono.just(e.getMessage())),
                  200)
              .collectList()
              .block(Duration.ofSeconds(60));
    } finally {
      execute("DROP TRIGGER refuse_poison ON govchain_log_entry; DROP FUNCTION refuse_poison()");
    }

    List<AppendedEntry> acknowledged =
        outcomes.stream()
            .filter(AppendedEntry.class::isInstance)
            .map(AppendedEntry.class::cast)
            .toList();
    List<Object> failed = outcomes.stream().filter(String.class::isInstance).toList();
    assertThat(failed).isNotEmpty().allSatisfy(m -> assertThat(m).asString().contains("poisoned"));
    assertThat(acknowledged.size() + failed.size()).isEqualTo(200);
    assertThat(acknowledged).noneMatch(e -> e.subject().equals("poison"));
    // what was acknowledged is written, and nothing else
    assertThat(
            count(
                "SELECT count(*) FROM govchain_log_entry"
                    + " WHERE subject LIKE 'fed-%' OR subject = 'poison'"))
        .isEqualTo(acknowledged.size());
    for (AppendedEntry entry : acknowledged) {
      assertThat(leafHashOf(entry.entryId())).isEqualTo(entry.leafHash());
    }
  }

  @Test
  void databaseRefusesToChangeOrRemoveEntriesLeavesNodesAndCheckpoints() throws SQLException {
    records.save("frozen-1", "Eve", 1, false).block();
    records.save("frozen-2", "Eve", 1, false).block();
    sequencer().sequenceOnce().block(Duration.ofSeconds(30));
    assertThat(count("SELECT count(*) FROM govchain_log_leaf")).isPositive();

    Map<String, String> columns =
        Map.of(
            "govchain_log_entry", "envelope",
            "govchain_log_leaf", "entry_id",
            "govchain_log_node", "hash");
    for (Map.Entry<String, String> table : columns.entrySet()) {
      String column = table.getValue();
      assertRefused("UPDATE " + table.getKey() + " SET " + column + " = " + column);
      assertRefused("DELETE FROM " + table.getKey());
      assertRefused("TRUNCATE " + table.getKey() + " CASCADE");
    }
    assertRefused("UPDATE govchain_log_checkpoint SET root_hash = sha256(root_hash)");
    assertRefused("UPDATE govchain_log_checkpoint SET note = 'forged'");
    assertRefused("DELETE FROM govchain_log_checkpoint");
    // an entry cannot leave the sequencer queue without its leaf
    records.save("frozen-3", "Eve", 1, false).block();
    assertRefused("DELETE FROM govchain_log_unsequenced");
    assertThat(count("SELECT count(*) FROM govchain_log_unsequenced")).isPositive();
  }

  private Sequencer sequencer() {
    return new Sequencer(
        app.getBean(ConnectionFactory.class),
        app.getBean(LogStore.class),
        app.getBean(NoteSigner.class),
        app.getBean(LogProperties.class).sequencerLockKey(),
        1000,
        Duration.ofMillis(50),
        app.getBean(LogMetrics.class));
  }

  private void assertRefused(String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute(sql))
          .as(sql)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("GovChain");
    }
  }

  private byte[] leafHashOf(long entryId) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT leaf_hash FROM govchain_log_entry WHERE id = " + entryId)) {
      assertThat(rs.next()).as("entry %d is written", entryId).isTrue();
      return rs.getBytes(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
