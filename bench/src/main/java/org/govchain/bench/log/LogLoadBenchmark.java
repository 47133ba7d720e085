package org.govchain.bench.log;

import static org.govchain.anchor.chain.AnchorRegistryClient.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.LogId;
import org.govchain.anchor.checkpoint.Checkpoint;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.anchor.merkle.MerkleHasher;
import org.govchain.anchor.merkle.MerkleProofs;
import org.govchain.anchor.merkle.MerkleVerifier;
import org.govchain.anchor.merkle.NodeId;
import org.govchain.anchor.spring.log.AppendedEntry;
import org.govchain.anchor.spring.log.InclusionProof;
import org.govchain.anchor.spring.log.LogAppender;
import org.govchain.anchor.spring.log.LogAutoConfiguration;
import org.govchain.anchor.spring.log.LogReader;
import org.govchain.anchor.spring.log.LogStore;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.PostgresServer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The issue-3 benchmark of the starter's log, run by hand (never by the test suite): the raw
 * PostgreSQL insert rate of the rows, the starter's sustained append rate on the same server in the
 * same run, commit-to-anchored latency on the Hardhat dev chain, and inclusion-proof look-up
 * latency on logs of 1 M and 10 M bulk-loaded leaves. Prints a Markdown report. See README.md.
 *
 * <p>Every loop is bounded in count and time, a watchdog ends the process after {@code
 * --max-minutes}, and only loopback addresses are accepted.
 */
public final class LogLoadBenchmark {

  static final String ORIGIN = "bench.govchain.example";
  private static final String JDBC_ORIGIN = "bench-jdbc.govchain.example";
  private static final String OF_ORIGIN = " WHERE log_origin = '" + ORIGIN + "'";
  private static final String BACKLOG = "SELECT count(*) FROM govchain_log_unsequenced" + OF_ORIGIN;
  private static final String RAW =
      "**raw** JDBC `INSERT` of the row into a plain table, autocommit (one transaction per row)";
  private static final String JDBC_STARTER_SQL =
      "diagnostic: JDBC, autocommit, the appender's own SQL (entry + queue row, one statement)";
  private static final String R2DBC_AUTOCOMMIT =
      "diagnostic: R2DBC (the app's pool), the raw `INSERT`, no explicit transaction";
  private static final String R2DBC_TRANSACTION =
      "diagnostic: R2DBC, the raw `INSERT` inside `TransactionalOperator` (BEGIN … COMMIT)";
  private static final String STARTER_JOINED =
      "diagnostic: starter `LogAppender.append` inside `TransactionalOperator`, one transaction"
          + " per append (how a service's write appends; the starter's own path before batching)";
  private static final String STARTER =
      "**starter** `LogAppender.append`, no caller's transaction: appends made at the same time"
          + " share one statement and one commit (sequencer and anchorer at work)";
  private static final String RAW_INSERT =
      "INSERT INTO bench_raw.entry (log_origin, event_type, subject, version, envelope, leaf_hash)"
          + " VALUES (?, ?, ?, ?, ?, ?)";

  /** The statement {@code LogAppender} runs, with JDBC's positional parameters. */
  private static final String STARTER_INSERT = LogStore.INSERT_ENTRY.replaceAll(":[A-Za-z]+", "?");

  private static final Duration DRAIN_DEADLINE = Duration.ofMinutes(2);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  private static final long SEED = 0x5eed_6c0c_1a1bL;

  private final Options options;
  private final StringBuilder report = new StringBuilder();
  private final long started = System.nanoTime();

  private LogLoadBenchmark(Options options) {
    this.options = options;
  }

  /**
   * Runs the benchmark; {@code --help} lists the options.
   *
   * @param args {@code --name=value} options
   */
  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    if (options == null) {
      System.out.println(Options.HELP);
      return;
    }
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(options.maxMinutes * 60_000L);
              } catch (InterruptedException e) {
                return;
              }
              System.err.println("watchdog: --max-minutes=" + options.maxMinutes + " exceeded");
              System.exit(3);
            },
            "log-bench-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    int status = 0;
    try {
      new LogLoadBenchmark(options).run(String.join(" ", args));
    } catch (Exception | AssertionError e) {
      e.printStackTrace();
      status = 1;
    }
    System.exit(status); // Reactor, Netty and Hikari leave non-daemon threads behind
  }

  private void run(String commandLine) throws Exception {
    String load = loadAverage();
    PostgresServer server = connectServer();
    PostgresServer.Database db = server.newDatabase();
    progress("fresh database " + db.name() + " on " + db.host() + ":" + db.port());
    try {
      header(commandLine, db, server.isEmbedded(), load);
      appendPhases(db);
      proofPhases(db);
      line("");
      line("Load average at the end: " + loadAverage() + "; total wall time " + elapsed() + ".");
    } finally {
      if (!options.keepDatabase && !server.isEmbedded()) {
        dropDatabase(db);
      }
      server.close();
      String text = report.toString();
      System.out.println(text);
      if (options.report != null) {
        Path out = Path.of(options.report);
        if (out.getParent() != null) {
          Files.createDirectories(out.getParent());
        }
        Files.writeString(out, text);
        progress("report written to " + out);
      }
    }
  }

  // ---------------------------------------------------------------- phases 1-3: appends

  private void appendPhases(PostgresServer.Database db) throws Exception {
    if (options.seconds <= 0) {
      return;
    }
    progress("starting the dev chain");
    try (DevChain chain = DevChain.startOrConnect()) {
      requireLoopback(URI.create(chain.rpcUrl()).getHost(), "chain RPC URL");
      AnchorRegistryClient registry =
          await(
              AnchorRegistryClient.deploy(
                  chain.web3j(), chain.newFundedAccount(), chain.chainId()));
      Credentials submitter = chain.newFundedAccount();
      await(registry.registerSubmitter(LogId.of(ORIGIN), submitter.getAddress()));
      progress("registry " + registry.address() + " on chain " + chain.chainId());

      org.flywaydb.core.Flyway.configure()
          .dataSource(db.jdbcUrl(), db.user(), db.password())
          .locations(LogAutoConfiguration.MIGRATIONS)
          .load()
          .migrate(); // as the application will at start; the JDBC loads below need the tables
      createRawTable(db);
      Map<String, Object> appProps = new LinkedHashMap<>(baseProperties(db, ORIGIN));
      appProps.put("govchain.anchor.enabled", "true");
      appProps.put("govchain.anchor.rpc-url", chain.rpcUrl());
      appProps.put("govchain.anchor.chain-id", chain.chainId());
      appProps.put("govchain.anchor.registry-address", registry.address());
      appProps.put(
          "govchain.anchor.submitter-key",
          Numeric.toHexStringWithPrefixZeroPadded(submitter.getEcKeyPair().getPrivateKey(), 64));
      appProps.put("govchain.anchor.interval", options.anchorInterval);
      appProps.put("govchain.anchor.every-entries", options.anchorEvery);
      appProps.put("govchain.anchor.check-interval", options.checkInterval);
      appProps.put("govchain.anchor.confirmations", options.confirmations);
      progress("starting the starter application (log, sequencer, anchorer)");
      // The application runs through every load, so each one shares the machine with its idle
      // sequencer and anchorer ticks alike.
      try (ConfigurableApplicationContext app = start(appProps)) {
        Map<String, List<LoadLoop.Result>> loads = new LinkedHashMap<>();
        List<StarterRound> rounds = new ArrayList<>();
        for (int round = 1; round <= options.rounds; round++) {
          loads
              .computeIfAbsent(RAW, k -> new ArrayList<>())
              .add(jdbcInserts(db, "raw" + round, ORIGIN, RAW_INSERT));
          if (options.diagnostics) {
            loads
                .computeIfAbsent(JDBC_STARTER_SQL, k -> new ArrayList<>())
                .add(jdbcInserts(db, "jdbc" + round, JDBC_ORIGIN, STARTER_INSERT));
            loads
                .computeIfAbsent(R2DBC_AUTOCOMMIT, k -> new ArrayList<>())
                .add(r2dbcInserts(db, app, "r2dbc-auto" + round, false));
            loads
                .computeIfAbsent(R2DBC_TRANSACTION, k -> new ArrayList<>())
                .add(r2dbcInserts(db, app, "r2dbc-tx" + round, true));
            loads
                .computeIfAbsent(STARTER_JOINED, k -> new ArrayList<>())
                .add(starterJoined(db, app, "joined" + round));
          }
          StarterRound starter = starterRound(db, app, round);
          rounds.add(starter);
          loads.computeIfAbsent(STARTER, k -> new ArrayList<>()).add(starter.result());
        }
        reportAppends(db, loads, rounds);
      }
    }
  }

  private static void createRawTable(PostgresServer.Database db) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA bench_raw");
      s.execute(
          """
          CREATE TABLE bench_raw.entry (
              id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              log_origin  TEXT        NOT NULL,
              event_type  TEXT        NOT NULL,
              subject     TEXT        NOT NULL,
              version     BIGINT      NOT NULL,
              envelope    BYTEA       NOT NULL,
              leaf_hash   BYTEA       NOT NULL,
              appended_at TIMESTAMPTZ NOT NULL DEFAULT now(),
              UNIQUE (log_origin, subject, version))
          """);
    }
  }

  /** One JDBC connection per writer, autocommit: one durable transaction per row. */
  private LoadLoop.Result jdbcInserts(
      PostgresServer.Database db, String run, String origin, String sql) throws Exception {
    checkpointServer(db);
    Rows rows = new Rows(origin, run);
    List<Connection> connections = new ArrayList<>();
    List<PreparedStatement> inserts = new ArrayList<>();
    try {
      for (int t = 0; t < options.threads; t++) {
        Connection c = db.connect();
        c.setAutoCommit(true); // one transaction per row
        connections.add(c);
        inserts.add(c.prepareStatement(sql));
      }
      progress("JDBC load '" + run + "', " + options.threads + " connections");
      LoadLoop.Result result =
          LoadLoop.run(
              options.threads,
              Duration.ofSeconds(options.warmup),
              Duration.ofSeconds(options.seconds),
              (thread, seq) -> {
                EventEnvelope envelope = rows.next(thread, seq);
                byte[] bytes = envelope.toCanonicalBytes();
                PreparedStatement insert = inserts.get(thread);
                insert.setString(1, envelope.log());
                insert.setString(2, envelope.type());
                insert.setString(3, envelope.subject());
                insert.setLong(4, envelope.version());
                insert.setBytes(5, bytes);
                insert.setBytes(6, MerkleHasher.leafHash(bytes));
                insert.execute();
                return 0;
              });
      progress(String.format(Locale.ROOT, "%s: %.1f rows/s", run, result.perSecond()));
      return result;
    } finally {
      for (Connection c : connections) {
        c.close();
      }
    }
  }

  /** The raw row through the application's R2DBC pool, with or without an explicit transaction. */
  private LoadLoop.Result r2dbcInserts(
      PostgresServer.Database db,
      ConfigurableApplicationContext app,
      String run,
      boolean transaction)
      throws Exception {
    checkpointServer(db);
    DatabaseClient client = app.getBean(DatabaseClient.class);
    TransactionalOperator tx =
        TransactionalOperator.create(app.getBean(ReactiveTransactionManager.class));
    Rows rows = new Rows(ORIGIN, run);
    progress("R2DBC load '" + run + "', concurrency " + options.threads);
    LoadLoop.Result result =
        LoadLoop.run(
            options.threads,
            Duration.ofSeconds(options.warmup),
            Duration.ofSeconds(options.seconds),
            (thread, seq) -> {
              EventEnvelope envelope = rows.next(thread, seq);
              byte[] bytes = envelope.toCanonicalBytes();
              Mono<Long> insert =
                  client
                      .sql(
                          "INSERT INTO bench_raw.entry (log_origin, event_type, subject, version,"
                              + " envelope, leaf_hash) VALUES (:origin, :type, :subject,"
                              + " :version, :envelope, :leafHash)")
                      .bind("origin", envelope.log())
                      .bind("type", envelope.type())
                      .bind("subject", envelope.subject())
                      .bind("version", envelope.version())
                      .bind("envelope", bytes)
                      .bind("leafHash", MerkleHasher.leafHash(bytes))
                      .fetch()
                      .rowsUpdated();
              Flux.from(transaction ? tx.transactional(insert) : insert).blockLast(CALL_TIMEOUT);
              return 0;
            });
    progress(String.format(Locale.ROOT, "%s: %.1f rows/s", run, result.perSecond()));
    return result;
  }

  /**
   * Starter appends each inside its own caller's transaction, as a service's write makes them; then
   * waits (bounded) until the sequencer has taken them all, so the next load starts on a quiet log.
   */
  private LoadLoop.Result starterJoined(
      PostgresServer.Database db, ConfigurableApplicationContext app, String run) throws Exception {
    checkpointServer(db);
    LogAppender appender = app.getBean(LogAppender.class);
    TransactionalOperator tx =
        TransactionalOperator.create(app.getBean(ReactiveTransactionManager.class));
    Rows rows = new Rows(ORIGIN, run);
    progress("starter appends in callers' transactions '" + run + "'");
    LoadLoop.Result result =
        LoadLoop.run(
            options.threads,
            Duration.ofSeconds(options.warmup),
            Duration.ofSeconds(options.seconds),
            (thread, seq) ->
                Flux.from(tx.transactional(appender.append(rows.next(thread, seq))))
                    .blockLast(CALL_TIMEOUT)
                    .entryId());
    progress(String.format(Locale.ROOT, "%s: %.1f appends/s", run, result.perSecond()));
    poll(() -> scalarQuietly(db, BACKLOG) == 0);
    return result;
  }

  /**
   * One starter load: appends for the measured window, then waits (bounded) until everything is
   * sequenced and anchored, so the next load starts on a quiet log.
   */
  private record StarterRound(
      LoadLoop.Result result,
      long maxBacklog,
      long backlogAtEnd,
      boolean sequenced,
      Duration sequencedAfter,
      boolean anchored,
      Duration anchoredAfter) {}

  private StarterRound starterRound(
      PostgresServer.Database db, ConfigurableApplicationContext app, int round) throws Exception {
    checkpointServer(db);
    LogAppender appender = app.getBean(LogAppender.class);
    Rows rows = new Rows(ORIGIN, "log" + round);
    AtomicLong maxBacklog = new AtomicLong();
    Thread sampler = backlogSampler(db, maxBacklog);
    progress("starter appends, round " + round + ", concurrency " + options.threads);
    LoadLoop.Result result;
    try {
      result =
          LoadLoop.run(
              options.threads,
              Duration.ofSeconds(options.warmup),
              Duration.ofSeconds(options.seconds),
              (thread, seq) -> {
                AppendedEntry entry =
                    Flux.from(appender.append(rows.next(thread, seq))).blockLast(CALL_TIMEOUT);
                return entry.entryId();
              });
    } finally {
      sampler.interrupt();
      sampler.join();
    }
    long loadEnd = System.nanoTime();
    long backlogAtEnd = scalar(db, BACKLOG);
    long entries =
        scalar(db, "SELECT count(*) FROM govchain_log_entry WHERE log_origin = '" + ORIGIN + "'");
    progress(
        String.format(
            Locale.ROOT,
            "starter: %.1f appends/s; backlog at end %d",
            result.perSecond(),
            backlogAtEnd));
    boolean sequenced =
        poll(
            () ->
                scalarQuietly(db, BACKLOG) == 0
                    && scalarQuietly(db, "SELECT count(*) FROM govchain_log_leaf" + OF_ORIGIN)
                        == entries);
    Duration sequencedAfter = Duration.ofNanos(System.nanoTime() - loadEnd);
    long size =
        scalar(db, "SELECT coalesce(max(leaf_index) + 1, 0) FROM govchain_log_leaf" + OF_ORIGIN);
    boolean anchored =
        poll(
            () ->
                scalarQuietly(
                        db,
                        "SELECT coalesce(max(tree_size), 0) FROM govchain_log_checkpoint"
                            + OF_ORIGIN
                            + " AND anchor_state = 'CONFIRMED'")
                    >= size);
    Duration anchoredAfter = Duration.ofNanos(System.nanoTime() - loadEnd);
    progress("drained: sequenced " + sequenced + ", anchored " + anchored);

    return new StarterRound(
        result, maxBacklog.get(), backlogAtEnd, sequenced, sequencedAfter, anchored, anchoredAfter);
  }

  private void reportAppends(
      PostgresServer.Database db,
      Map<String, List<LoadLoop.Result>> loads,
      List<StarterRound> rounds)
      throws Exception {
    long entries =
        scalar(db, "SELECT count(*) FROM govchain_log_entry WHERE log_origin = '" + ORIGIN + "'");
    long size =
        scalar(db, "SELECT coalesce(max(leaf_index) + 1, 0) FROM govchain_log_leaf" + OF_ORIGIN);
    long[] ids = rounds.stream().flatMapToLong(r -> Arrays.stream(r.result().ids())).toArray();
    long[] commits =
        rounds.stream().flatMapToLong(r -> Arrays.stream(r.result().commitMicros())).toArray();
    // commit -> checkpointed / anchored, per measured entry
    Map<Long, Long> leafOf = new HashMap<>();
    List<long[]> checkpoints = new ArrayList<>(); // size, created µs, anchored µs or -1
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      try (ResultSet r =
          s.executeQuery("SELECT entry_id, leaf_index FROM govchain_log_leaf" + OF_ORIGIN)) {
        while (r.next()) {
          leafOf.put(r.getLong(1), r.getLong(2));
        }
      }
      try (ResultSet r =
          s.executeQuery(
              "SELECT tree_size, created_at, anchored_at, anchor_state"
                  + " FROM govchain_log_checkpoint"
                  + OF_ORIGIN
                  + " ORDER BY tree_size")) {
        while (r.next()) {
          OffsetDateTime at = r.getObject(3, OffsetDateTime.class);
          boolean confirmed = "CONFIRMED".equals(r.getString(4));
          checkpoints.add(
              new long[] {
                r.getLong(1),
                micros(r.getObject(2, OffsetDateTime.class)),
                confirmed && at != null ? micros(at) : -1
              });
        }
      }
    }
    long[] cpSizes = checkpoints.stream().mapToLong(cp -> cp[0]).toArray();
    List<long[]> confirmedList = checkpoints.stream().filter(cp -> cp[2] >= 0).toList();
    long[] confirmedSizes = confirmedList.stream().mapToLong(cp -> cp[0]).toArray();
    long[] toCheckpoint = new long[ids.length];
    long[] toAnchor = new long[ids.length];
    int nc = 0;
    int na = 0;
    for (int k = 0; k < ids.length; k++) {
      Long leaf = leafOf.get(ids[k]);
      if (leaf == null) {
        continue;
      }
      int cp = firstAbove(cpSizes, leaf);
      if (cp < cpSizes.length) {
        toCheckpoint[nc++] = checkpoints.get(cp)[1] - commits[k];
      }
      int an = firstAbove(confirmedSizes, leaf);
      if (an < confirmedSizes.length) {
        toAnchor[na++] = confirmedList.get(an)[2] - commits[k];
      }
    }
    toCheckpoint = Arrays.copyOf(toCheckpoint, nc);
    toAnchor = Arrays.copyOf(toAnchor, na);

    long gaps =
        scalar(
            db,
            "SELECT (SELECT coalesce(max(leaf_index) + 1, 0) FROM govchain_log_leaf"
                + OF_ORIGIN
                + ") - (SELECT count(DISTINCT leaf_index) FROM govchain_log_leaf"
                + OF_ORIGIN
                + ")");
    long anchorTxs =
        scalar(db, "SELECT count(*) FROM govchain_anchor_tx WHERE state = 'CONFIRMED'");
    long allTxs = scalar(db, "SELECT count(*) FROM govchain_anchor_tx");
    double envelopeBytes = averageEnvelopeBytes(db);

    line("");
    line("### Appends: raw PostgreSQL vs the starter (same rows, same server, same run)");
    line("");
    line("| round | load | writes | writes/s | vs raw (same round) | bench JVM CPU / write |");
    line("|---:|---|---:|---:|---:|---:|");
    List<LoadLoop.Result> raws = loads.get(RAW);
    for (int round = 0; round < options.rounds; round++) {
      for (Map.Entry<String, List<LoadLoop.Result>> load : loads.entrySet()) {
        line(loadRow(round + 1, load.getKey(), load.getValue().get(round), raws.get(round)));
      }
    }
    List<LoadLoop.Result> starters = loads.get(STARTER);
    double rawRate = totalRate(raws);
    double starterRate = totalRate(starters);
    line("");
    line(
        String.format(
            Locale.ROOT,
            "**Starter / raw PostgreSQL: %.2f** over all %d rounds (%,.0f vs %,.0f writes/s: all"
                + " measured writes over all measured seconds); per round %s.",
            starterRate / rawRate,
            options.rounds,
            starterRate,
            rawRate,
            java.util.stream.IntStream.range(0, options.rounds)
                .mapToObj(
                    r ->
                        String.format(
                            Locale.ROOT,
                            "%.2f",
                            starters.get(r).perSecond() / raws.get(r).perSecond()))
                .toList()));
    line("");
    line(
        String.format(
            Locale.ROOT,
            "Each load: %d writers, %d s warm-up (not counted) then %d s measured, one after the"
                + " other in the order listed. Rows: envelopes of %.0f bytes on average"
                + " (canonical JSON), leaf hash, origin, subject, version. Failed writes: %d.",
            options.threads,
            options.warmup,
            options.seconds,
            envelopeBytes,
            loads.values().stream()
                .flatMap(List::stream)
                .mapToLong(LoadLoop.Result::errors)
                .sum()));
    line("");
    line("### Sequencer and anchorer during the append load");
    line("");
    line("| figure | value |");
    line("|---|---:|");
    line(String.format(Locale.ROOT, "| entries appended (warm-up included) | %,d |", entries));
    line(String.format(Locale.ROOT, "| sequenced size at the end | %,d |", size));
    line("| gaps in leaf indexes | " + gaps + " |");
    for (int r = 0; r < rounds.size(); r++) {
      StarterRound round = rounds.get(r);
      String n = "round " + (r + 1) + ": ";
      line(
          String.format(
              Locale.ROOT,
              "| %slargest sequencer backlog seen (sampled every 0.5 s) | %,d |",
              n,
              round.maxBacklog()));
      line(
          String.format(
              Locale.ROOT,
              "| %sbacklog when the writers stopped | %,d |",
              n,
              round.backlogAtEnd()));
      line(
          "| "
              + n
              + "all sequenced after the writers stopped | "
              + (round.sequenced()
                  ? seconds(round.sequencedAfter())
                  : "NO (deadline " + DRAIN_DEADLINE + ")")
              + " |");
      line(
          "| "
              + n
              + "all anchored (CONFIRMED) after the writers stopped | "
              + (round.anchored()
                  ? seconds(round.anchoredAfter())
                  : "NO (deadline " + DRAIN_DEADLINE + ")")
              + " |");
    }
    line(
        String.format(
            Locale.ROOT, "| checkpoints (one per sequencer batch) | %,d |", cpSizes.length));
    line(
        String.format(
            Locale.ROOT,
            "| mean entries per checkpoint | %.1f |",
            cpSizes.length == 0 ? 0.0 : (double) size / cpSizes.length));
    line(
        String.format(
            Locale.ROOT,
            "| checkpoints anchored (CONFIRMED) / anchor transactions stored | %d / %d |",
            anchorTxs,
            allTxs));
    line("");
    line(
        "### Commit → checkpointed and commit → anchored (every measured starter append, "
            + ids.length
            + " entries)");
    line("");
    line("| latency | entries | p50 | p90 | p99 | max |");
    line("|---|---:|---:|---:|---:|---:|");
    line(latencyRow("commit → first signed checkpoint covering it (`created_at`)", toCheckpoint));
    line(latencyRow("commit → first CONFIRMED checkpoint covering it (`anchored_at`)", toAnchor));
    line("");
    line(
        "Settings: sequencer interval "
            + "200ms (default), batch size 1000 (default); anchorer interval "
            + options.anchorInterval
            + ", every-entries "
            + options.anchorEvery
            + ", check-interval "
            + options.checkInterval
            + ", confirmations "
            + options.confirmations
            + "; Hardhat automine (one block per transaction); R2DBC pool max size "
            + options.pool
            + ".");
  }

  private static double totalRate(List<LoadLoop.Result> results) {
    long writes = results.stream().mapToLong(LoadLoop.Result::writes).sum();
    long nanos = results.stream().mapToLong(r -> r.window().toNanos()).sum();
    return writes / (nanos / 1e9);
  }

  private String loadRow(int round, String what, LoadLoop.Result load, LoadLoop.Result raw) {
    return String.format(
        Locale.ROOT,
        "| %d | %s | %,d | %,.0f | %.2f | %,.0f µs |",
        round,
        what,
        load.writes(),
        load.perSecond(),
        load.perSecond() / raw.perSecond(),
        load.cpuMicrosPerWrite());
  }

  private Thread backlogSampler(PostgresServer.Database db, AtomicLong max) {
    Thread t =
        new Thread(
            () -> {
              try (Connection c = db.connect();
                  Statement s = c.createStatement()) {
                while (!Thread.currentThread().isInterrupted()) {
                  try (ResultSet r = s.executeQuery(BACKLOG)) {
                    r.next();
                    max.accumulateAndGet(r.getLong(1), Math::max);
                  }
                  Thread.sleep(500);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (SQLException e) {
                System.err.println("backlog sampler: " + e.getMessage());
              }
            },
            "backlog-sampler");
    t.setDaemon(true);
    t.start();
    return t;
  }

  // ---------------------------------------------------------------- phase 4: proofs

  private void proofPhases(PostgresServer.Database db) throws Exception {
    if (options.sizes.isEmpty()) {
      return;
    }
    line("");
    line("### Inclusion-proof look-up on bulk-loaded logs (`LogReader.inclusionProof(i, n)`)");
    line("");
    line(
        "| leaves n | node rows loaded | load time | load rate | `govchain_log_node` size"
            + " | proofs | p50 | p90 | p99 | max | proofs/s (1 thread) | node reads / proof"
            + " (avg, max) |");
    line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    long budgetEnd = System.nanoTime() + Duration.ofSeconds(options.bulkBudget).toNanos();
    List<String> notes = new ArrayList<>();
    for (long target : options.sizes) {
      Duration left = Duration.ofNanos(budgetEnd - System.nanoTime());
      if (left.isNegative() || left.isZero()) {
        notes.add(
            String.format(
                Locale.ROOT, "n = %,d: not attempted, bulk-load budget used up.", target));
        continue;
      }
      String origin = "bulk-" + label(target) + ".govchain.example";
      checkpointServer(db);
      progress(
          "phase 4: bulk-loading " + target + " leaves as " + origin + " (budget " + left + ")");
      BulkTree.Loaded loaded;
      try (Connection c = db.connect()) {
        loaded = BulkTree.load(c, origin, target, SEED, options.chunk, left);
      }
      progress(
          "loaded "
              + loaded.size()
              + " leaves, "
              + loaded.nodeRows()
              + " node rows in "
              + loaded.time());
      long analyzeStart = System.nanoTime();
      long nodeBytes;
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        s.execute("ANALYZE govchain_log_node");
        try (ResultSet r = s.executeQuery("SELECT pg_total_relation_size('govchain_log_node')")) {
          r.next();
          nodeBytes = r.getLong(1);
        }
      }
      Duration analyze = Duration.ofNanos(System.nanoTime() - analyzeStart);
      if (loaded.size() == 0) {
        notes.add("n = " + target + ": nothing loaded within the budget.");
        break;
      }
      sealBulkLog(db, origin, loaded);
      ProofFigures figures = measureProofs(db, origin, loaded);
      line(
          String.format(
              Locale.ROOT,
              "| %,d | %,d | %s | %,.0f rows/s | %s | %,d | %s | %s | %s | %s | %,.0f | %.1f, %d |",
              loaded.size(),
              loaded.nodeRows(),
              seconds(loaded.time()),
              loaded.nodeRows() / (loaded.time().toNanos() / 1e9),
              mib(nodeBytes),
              figures.latencies.length,
              ms(percentile(figures.latencies, 50)),
              ms(percentile(figures.latencies, 90)),
              ms(percentile(figures.latencies, 99)),
              ms(figures.latencies[figures.latencies.length - 1]),
              figures.perSecond,
              figures.avgReads,
              figures.maxReads));
      notes.add(
          String.format(
              Locale.ROOT,
              "n = %,d: %s; ANALYZE afterwards %s; every measured proof verified against the"
                  + " loaded root with `MerkleVerifier.verifyInclusion`.",
              loaded.size(),
              loaded.complete()
                  ? "loaded completely"
                  : "STOPPED at this size: the requested "
                      + String.format(Locale.ROOT, "%,d", target)
                      + " leaves would not fit into the bulk-load budget ("
                      + options.bulkBudget
                      + " s) at the rate measured",
              seconds(analyze)));
      if (!loaded.complete()) {
        break;
      }
    }
    line("");
    for (String note : notes) {
      line("- " + note);
    }
  }

  /** Gives the bulk log its last leaf row (so the reader sees the size) and a signed checkpoint. */
  private void sealBulkLog(PostgresServer.Database db, String origin, BulkTree.Loaded loaded)
      throws SQLException {
    byte[] envelope =
        EventEnvelope.create(
                origin,
                Rows.TYPE,
                "bulk-last",
                1,
                Instant.now(),
                Map.of("note", "stands for the last of the bulk-loaded leaves"),
                new java.security.SecureRandom())
            .toCanonicalBytes();
    String note =
        new Checkpoint(origin, loaded.size(), loaded.root())
            .sign(NoteSigner.generate(origin))
            .noteText();
    try (Connection c = db.connect()) {
      long entryId;
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO govchain_log_entry (log_origin, event_type, subject, version,"
                  + " envelope, leaf_hash) VALUES (?, ?, 'bulk-last', 1, ?, ?) RETURNING id")) {
        s.setString(1, origin);
        s.setString(2, Rows.TYPE);
        s.setBytes(3, envelope);
        s.setBytes(4, BulkTree.leafHash(SEED, loaded.size() - 1));
        try (ResultSet r = s.executeQuery()) {
          r.next();
          entryId = r.getLong(1);
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO govchain_log_leaf (log_origin, leaf_index, entry_id) VALUES (?, ?, ?)")) {
        s.setString(1, origin);
        s.setLong(2, loaded.size() - 1);
        s.setLong(3, entryId);
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO govchain_log_checkpoint (log_origin, tree_size, root_hash, note)"
                  + " VALUES (?, ?, ?, ?)")) {
        s.setString(1, origin);
        s.setLong(2, loaded.size());
        s.setBytes(3, loaded.root());
        s.setString(4, note);
        s.executeUpdate();
      }
    }
  }

  private record ProofFigures(long[] latencies, double perSecond, double avgReads, int maxReads) {}

  private ProofFigures measureProofs(
      PostgresServer.Database db, String origin, BulkTree.Loaded loaded) {
    Map<String, Object> props = new LinkedHashMap<>(baseProperties(db, origin));
    props.put("govchain.log.sequencer.enabled", "false");
    props.put("govchain.anchor.enabled", "false");
    long n = loaded.size();
    String rootHex = HexFormat.of().formatHex(loaded.root());
    try (ConfigurableApplicationContext app = start(props)) {
      LogReader reader = app.getBean(LogReader.class);
      SplittableRandom random = new SplittableRandom(SEED ^ n);
      progress("proofs: " + options.proofWarmup + " warm-up, " + options.proofs + " measured");
      for (int k = 0; k < options.proofWarmup; k++) {
        reader.inclusionProof(random.nextLong(n), n).block(CALL_TIMEOUT);
      }
      long[] latencies = new long[options.proofs];
      long reads = 0;
      int maxReads = 0;
      long begin = System.nanoTime();
      for (int k = 0; k < options.proofs; k++) {
        long index = random.nextLong(n);
        long t0 = System.nanoTime();
        InclusionProof proof = reader.inclusionProof(index, n).block(CALL_TIMEOUT);
        latencies[k] = (System.nanoTime() - t0) / 1000;
        if (proof == null || !rootHex.equals(proof.rootHash())) {
          throw new AssertionError("proof of " + index + " has the wrong root");
        }
        MerkleVerifier.verifyInclusion(
            BulkTree.leafHash(SEED, index),
            index,
            n,
            proof.proof().stream().map(HexFormat.of()::parseHex).toList(),
            loaded.root());
        Set<NodeId> nodes = new LinkedHashSet<>(MerkleProofs.inclusionPlan(index, n).nodes());
        nodes.addAll(MerkleProofs.rootPlan(n).nodes());
        reads += nodes.size();
        maxReads = Math.max(maxReads, nodes.size());
      }
      double perSecond = options.proofs / ((System.nanoTime() - begin) / 1e9);
      Arrays.sort(latencies);
      return new ProofFigures(latencies, perSecond, (double) reads / options.proofs, maxReads);
    }
  }

  // ---------------------------------------------------------------- infrastructure

  private PostgresServer connectServer() {
    requireLoopback(pgHost(options.jdbcUrl), "JDBC URL");
    System.setProperty(PostgresServer.URL_PROPERTY, options.jdbcUrl);
    try {
      return PostgresServer.startOrConnect();
    } catch (IllegalStateException e) {
      if (options.jdbcUrlGiven) {
        throw e;
      }
      progress(
          "no server at " + options.jdbcUrl + " (" + e.getMessage() + "): embedded PostgreSQL");
      System.clearProperty(PostgresServer.URL_PROPERTY);
      return PostgresServer.startOrConnect();
    }
  }

  private Map<String, Object> baseProperties(PostgresServer.Database db, String origin) {
    Map<String, Object> props = new LinkedHashMap<>();
    for (String p : db.springProperties()) {
      props.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
    }
    props.put("spring.r2dbc.pool.max-size", options.pool);
    props.put("spring.main.banner-mode", "off");
    props.put("logging.level.root", "WARN");
    props.put("govchain.log.origin", origin);
    return props;
  }

  private static ConfigurableApplicationContext start(Map<String, Object> props) {
    return new SpringApplicationBuilder(LogBenchApplication.class)
        .web(WebApplicationType.NONE)
        .properties(props)
        .run();
  }

  private void header(String commandLine, PostgresServer.Database db, boolean embedded, String load)
      throws SQLException {
    Map<String, String> pg = new LinkedHashMap<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      for (String setting :
          List.of(
              "server_version",
              "synchronous_commit",
              "fsync",
              "wal_sync_method",
              "full_page_writes",
              "shared_buffers",
              "max_wal_size")) {
        try (ResultSet r = s.executeQuery("SHOW " + setting)) {
          r.next();
          pg.put(setting, r.getString(1));
        }
      }
    }
    line("## Log load benchmark run " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
    line("");
    line("- Command: `... org.govchain.bench.log.LogLoadBenchmark " + commandLine + "`");
    line(
        "- Machine: "
            + Runtime.getRuntime().availableProcessors()
            + " CPUs visible to the JVM, "
            + cpuModel()
            + "; load average at the start "
            + load);
    line(
        "- Java: "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + ", max heap "
            + mib(Runtime.getRuntime().maxMemory()));
    line(
        "- PostgreSQL: "
            + (embedded ? "EMBEDDED (test-support) " : "")
            + db.host()
            + ":"
            + db.port()
            + ", fresh database `"
            + db.name()
            + "`; "
            + pg.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void checkpointServer(PostgresServer.Database db) {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CHECKPOINT"); // each phase starts without the previous one's dirty pages
    } catch (SQLException e) {
      System.err.println("CHECKPOINT not possible: " + e.getMessage());
    }
  }

  private static void dropDatabase(PostgresServer.Database db) {
    String admin = "jdbc:postgresql://" + db.host() + ":" + db.port() + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, db.user(), db.password());
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE " + db.name() + " WITH (FORCE)");
      progress("dropped database " + db.name());
    } catch (SQLException e) {
      System.err.println("could not drop database " + db.name() + ": " + e.getMessage());
    }
  }

  private static long averageEnvelopeBytesOf(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return Math.round(r.getDouble(1));
    }
  }

  private static double averageEnvelopeBytes(PostgresServer.Database db) throws SQLException {
    try (Connection c = db.connect()) {
      return averageEnvelopeBytesOf(
          c, "SELECT avg(octet_length(envelope)) FROM govchain_log_entry" + OF_ORIGIN);
    }
  }

  private static long scalar(PostgresServer.Database db, String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static long scalarQuietly(PostgresServer.Database db, String sql) {
    try {
      return scalar(db, sql);
    } catch (SQLException e) {
      return -1;
    }
  }

  /** Polls every 100 ms until {@code done}; false after {@link #DRAIN_DEADLINE}. */
  private static boolean poll(BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN_DEADLINE.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(100); // polling the real database, bounded by the deadline
    }
    return true;
  }

  private static int firstAbove(long[] sortedSizes, long leafIndex) {
    int i = Arrays.binarySearch(sortedSizes, leafIndex + 1);
    return i >= 0 ? i : -i - 1;
  }

  private static String latencyRow(String what, long[] micros) {
    if (micros.length == 0) {
      return "| " + what + " | 0 | – | – | – | – |";
    }
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "| %s | %,d | %s | %s | %s | %s |",
        what,
        sorted.length,
        ms(percentile(sorted, 50)),
        ms(percentile(sorted, 90)),
        ms(percentile(sorted, 99)),
        ms(sorted[sorted.length - 1]));
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static long micros(OffsetDateTime time) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, time.toInstant());
  }

  private static String ms(long micros) {
    return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,.0f MiB", bytes / (1024.0 * 1024.0));
  }

  private static String label(long n) {
    return n % 1_000_000 == 0 ? (n / 1_000_000) + "m" : Long.toString(n);
  }

  private String elapsed() {
    return seconds(Duration.ofNanos(System.nanoTime() - started));
  }

  private void line(String text) {
    report.append(text).append('\n');
  }

  private static void progress(String message) {
    System.err.println(
        "[log-bench " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
  }

  private static String pgHost(String jdbcUrl) {
    java.util.Properties props = org.postgresql.Driver.parseURL(jdbcUrl, null);
    if (props == null) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
    }
    return props.getProperty("PGHOST", "localhost").split(",")[0];
  }

  private static void requireLoopback(String host, String what) {
    String h = host == null ? "" : host.replace("[", "").replace("]", "");
    if (!(h.equals("127.0.0.1") || h.equals("localhost") || h.equals("::1"))) {
      throw new IllegalArgumentException(what + " must name a loopback address, not " + host);
    }
  }

  /** Command-line options ({@code --name=value}); see {@link #HELP}. */
  static final class Options {

    static final String HELP =
        """
        LogLoadBenchmark [--name=value ...]
          --jdbc-url=URL        admin JDBC URL of a loopback server; a fresh database is created
                                (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres;
                                embedded PostgreSQL if that server is not reachable)
          --threads=8           concurrent writers (connections) in both append loads
          --warmup=5            seconds of warm-up before each append load (not counted)
          --seconds=20          measured seconds of each append load (0 skips the append loads)
          --rounds=2            rounds of all append loads (raw, diagnostics, starter)
          --pool=16             R2DBC pool max size of the starter application
          --anchor-interval=2s  govchain.anchor.interval
          --anchor-every=1000   govchain.anchor.every-entries
          --check-interval=250ms govchain.anchor.check-interval
          --confirmations=1     govchain.anchor.confirmations
          --sizes=1000000,10000000  bulk-loaded log sizes for proof look-ups (empty skips)
          --chunk=1000000       leaves per bulk-load transaction
          --bulk-budget=420     seconds all bulk loads may take together
          --proofs=2000         measured proof look-ups per size
          --proof-warmup=500    proof look-ups before measuring
          --max-minutes=15      the process ends itself after this long
          --report=PATH         also write the Markdown report there
                                (default bench/target/log-bench-report.md)
          --keep-database=false keep the database afterwards
          --diagnostics=true    also run three diagnostic loads that split the gap between the
                                raw insert and the starter (schema, driver, transaction)
        """;

    String jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    boolean jdbcUrlGiven;
    int threads = 8;
    int warmup = 5;
    int seconds = 20;
    int pool = 16;
    String anchorInterval = "2s";
    int anchorEvery = 1000;
    String checkInterval = "250ms";
    int confirmations = 1;
    List<Long> sizes = List.of(1_000_000L, 10_000_000L);
    long chunk = 1_000_000;
    int bulkBudget = 420;
    int proofs = 2000;
    int proofWarmup = 500;
    int maxMinutes = 15;
    String report = "bench/target/log-bench-report.md";
    boolean keepDatabase;
    boolean diagnostics = true;
    int rounds = 2;

    /** Parses {@code args}; null when help was asked for. */
    static Options parse(String[] args) {
      Options o = new Options();
      for (String arg : args) {
        if (arg.equals("--help") || arg.equals("-h")) {
          return null;
        }
        int eq = arg.indexOf('=');
        if (!arg.startsWith("--") || eq < 0) {
          throw new IllegalArgumentException("expected --name=value, got " + arg);
        }
        String name = arg.substring(2, eq);
        String value = arg.substring(eq + 1);
        switch (name) {
          case "jdbc-url" -> {
            o.jdbcUrl = value;
            o.jdbcUrlGiven = true;
          }
          case "threads" -> o.threads = positive(name, value);
          case "warmup" -> o.warmup = Integer.parseInt(value);
          case "seconds" -> o.seconds = Integer.parseInt(value);
          case "pool" -> o.pool = positive(name, value);
          case "anchor-interval" -> o.anchorInterval = value;
          case "anchor-every" -> o.anchorEvery = positive(name, value);
          case "check-interval" -> o.checkInterval = value;
          case "confirmations" -> o.confirmations = positive(name, value);
          case "sizes" ->
              o.sizes =
                  value.isBlank()
                      ? List.of()
                      : Arrays.stream(value.split(","))
                          .map(String::trim)
                          .map(Long::parseLong)
                          .toList();
          case "chunk" -> o.chunk = positive(name, value);
          case "bulk-budget" -> o.bulkBudget = positive(name, value);
          case "proofs" -> o.proofs = positive(name, value);
          case "proof-warmup" -> o.proofWarmup = Integer.parseInt(value);
          case "max-minutes" -> o.maxMinutes = positive(name, value);
          case "report" -> o.report = value.isBlank() ? null : value;
          case "keep-database" -> o.keepDatabase = Boolean.parseBoolean(value);
          case "diagnostics" -> o.diagnostics = Boolean.parseBoolean(value);
          case "rounds" -> o.rounds = positive(name, value);
          default -> throw new IllegalArgumentException("unknown option --" + name);
        }
      }
      if (o.warmup < 0 || o.seconds < 0 || o.proofWarmup < 0) {
        throw new IllegalArgumentException("durations and counts must not be negative");
      }
      return o;
    }

    private static int positive(String name, String value) {
      int v = Integer.parseInt(value);
      if (v < 1) {
        throw new IllegalArgumentException("--" + name + " must be at least 1");
      }
      return v;
    }
  }
}
