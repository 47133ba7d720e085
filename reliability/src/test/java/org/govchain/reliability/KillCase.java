package org.govchain.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govchain.anchor.bundle.BundleVerifier;
import org.govchain.anchor.bundle.ProofBundle;
import org.govchain.anchor.bundle.ProofBundleJson;
import org.govchain.anchor.bundle.Verdict;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.process.AppProcess;
import org.govchain.testsupport.process.Http;

/**
 * Cases 1 and 2 of the fault campaign for one record service: its JVM killed with SIGKILL at a
 * chosen moment of a write load through the gateway and started again on the same port and database
 * (case 1), or the campaign's PostgreSQL stopped and started again under the load, the service left
 * running ({@link PostgresOutage}, case 2); and then checked against what the clients were told —
 * every acknowledged record readable, in the log exactly once and anchored (its bundle VALID
 * against the chain); every write the clients got no answer to, retried with its key, answered with
 * its first record, never a second one; the log's creating leaves exactly the records written,
 * acknowledged or not. The figures of each round are printed as one line (and appended to {@code
 * campaign-summary.txt} beside the processes' output).
 */
final class KillCase {

  /** When the JVM is killed. */
  enum Moment {
    /**
     * After writes committed and before their events are sequenced: the first life runs without a
     * sequencer, so every acknowledged event still waits in the queue at the kill. Then the next
     * life is killed inside its first sequencer batch: the campaign holds a SHARE lock on the leaf
     * table, so the batch's transaction has read the queue and waits on its leaf insert; the life
     * after that starts while the dead batch's backend still holds the sequencer's advisory lock,
     * which goes only when the campaign lets the batch run into its closed connection.
     */
    COMMITTED_NOT_SEQUENCED,
    /**
     * While an anchor transaction is on its way: first between its row being stored and its
     * broadcast (the chain proxy holds the send, so it never reaches the chain), then — the next
     * life having broadcast the stored bytes while the chain holds back mining — with it pending in
     * the node's pool; the life after that starts with it still unmined, and the block is mined
     * once it is up. The log must be anchored by that very transaction.
     */
    ANCHOR_TRANSACTION_PENDING,
    /** At a random number of acknowledged writes while the clients are writing. */
    DURING_WRITES,
    /**
     * Case 2: the campaign's PostgreSQL stopped in fast mode ({@code pg_ctl stop -m fast}: open
     * sessions ended, a shutdown checkpoint) while the clients write, held down, started again; the
     * service is not restarted ({@link PostgresOutage}).
     */
    POSTGRES_STOPPED,
    /**
     * Case 2: the campaign's PostgreSQL crashed ({@code pg_ctl stop -m immediate}: SIGQUIT, no
     * checkpoint, recovery from the write-ahead log at the next start) while the clients write; the
     * service is not restarted ({@link PostgresOutage}).
     */
    POSTGRES_CRASHED,
    /**
     * Case 4: the gateway's JVM killed with SIGKILL while the clients write through it, and started
     * again on its port; the service is not restarted.
     */
    GATEWAY_KILLED,
    /**
     * Case 4: the service killed with SIGKILL while the clients go on writing through the gateway,
     * held down, and started again: what the clients are told meanwhile is the gateway's.
     */
    SERVICE_KILLED_BEHIND_GATEWAY,
    /**
     * Case 5: the persistent dev chain's process killed while the clients write, and started again
     * on its data directory and port; the service is not restarted ({@code ChainOutageIT}).
     */
    CHAIN_STOPPED,
    /**
     * Case 7: no fault — the soak's half hour of mixed traffic at a steady rate ({@code SoakIT});
     * every record it made is checked as after a fault.
     */
    SOAK;

    /** Whether the fault is the database's (case 2), not the service's JVM's (case 1). */
    boolean database() {
      return this == POSTGRES_STOPPED || this == POSTGRES_CRASHED;
    }

    /** The first word of the round's {@code [campaign]} line. */
    String label() {
      if (database()) {
        return "pg-restart";
      }
      if (this == CHAIN_STOPPED) {
        return "chain-restart";
      }
      if (this == SOAK) {
        return "soak";
      }
      return this == GATEWAY_KILLED ? "gateway-kill" : "kill-9";
    }

    /**
     * SIGKILLs (each followed by a restart) in a round of this moment; none of a service's for the
     * chain's.
     */
    int kills() {
      if (this == CHAIN_STOPPED || this == SOAK) {
        return 0;
      }
      return this == COMMITTED_NOT_SEQUENCED || this == ANCHOR_TRANSACTION_PENDING ? 2 : 1;
    }
  }

  static final int CLIENTS = 4;
  private static final int WRITES_EACH_QUIET = 5;
  private static final int WRITES_EACH_LOADED = 12;
  private static final Duration DEADLINE = Duration.ofMinutes(2);
  private static final Pattern SENT =
      Pattern.compile("anchoring log \\S+ at size (\\d+): transaction (0x[0-9a-f]+)");

  private final Campaign campaign;
  private final Campaign.Service service;
  private final RecordKind kind;
  private final Random random;
  private final Http http;
  private final BundleVerifier verifier;

  /** The writer's and an auditor's tokens, taken anew each round (they expire in 15 minutes). */
  private String writer;

  private String auditor;

  /** Every record some client holds the id of, with the write that made it (any case's). */
  private final Map<String, WriteLoad.Write> known;

  private String createPath;

  /** The round's database outage, whose answers are checked with the round's records. */
  private PostgresOutage pendingOutage;

  /** The anchor transaction {size, hash} a round's kills left behind, to be confirmed as it is. */
  private String[] anchoredBy;

  KillCase(Campaign campaign, RecordKind kind, Random random) {
    this.campaign = campaign;
    this.service = campaign.service(kind);
    this.kind = kind;
    this.random = random;
    this.known = service.records();
    this.http = campaign.viaGateway();
    this.verifier = new BundleVerifier(campaign.chain().web3j());
  }

  /**
   * The moments in turn on one service: its first life without a sequencer (killed with its events
   * queued), then with an anchor transaction pending, then {@code randomKills} times at a random
   * point of the load. {@code scripted} chooses which of the first two run (the fast part runs each
   * on one service only). Returns the rounds' figures. A life another case left running is stopped
   * first; the last life is left running, unless a round failed.
   */
  List<Round> run(int randomKills, Set<Moment> scripted) {
    List<Round> rounds = new ArrayList<>();
    service.close(); // a life another case left running
    // the first life runs without a sequencer only for committed-not-sequenced
    service.start(!scripted.contains(Moment.COMMITTED_NOT_SEQUENCED));
    try {
      auditor = campaign.token("auditor");
      createPath = service.createPath();
      if (scripted.contains(Moment.COMMITTED_NOT_SEQUENCED)) {
        rounds.add(round(Moment.COMMITTED_NOT_SEQUENCED));
      }
      if (scripted.contains(Moment.ANCHOR_TRANSACTION_PENDING)) {
        rounds.add(round(Moment.ANCHOR_TRANSACTION_PENDING));
      }
      for (int i = 0; i < randomKills; i++) {
        rounds.add(round(Moment.DURING_WRITES));
      }
    } catch (RuntimeException | Error e) {
      service.close(); // a life in an unknown state (perhaps without a sequencer) is not shared
      throw e;
    }
    return rounds; // the last life, with its sequencer, is left running for the other cases
  }

  /**
   * Cases 2 to 4: starts the service unless another case left it running (case 2's {@link
   * PostgresOutage} stops and starts the server under every service's load at once; case 4 kills
   * the gateway or the service), makes what the writes need.
   */
  void startOrReuse() {
    service.ensureRunning();
    createPath = service.createPath();
  }

  /** A new write load on the service, with fresh tokens (before each outage). */
  WriteLoad newLoad() {
    writer = campaign.token(kind.writerRole());
    auditor = campaign.token("auditor");
    return new WriteLoad(campaign::viaGateway, createPath, writer, kind::nextBody);
  }

  /**
   * Case 2: the checks after a database outage the service lived through, then what its clients
   * were told during it ({@link PostgresOutage#assertAnswered}).
   */
  Round checkOutage(PostgresOutage outage, WriteLoad load, List<WriteLoad.Write> writes) {
    pendingOutage = outage;
    return check(
        outage.crash() ? Moment.POSTGRES_CRASHED : Moment.POSTGRES_STOPPED,
        outage.summary(kind),
        load,
        writes);
  }

  /**
   * Case 5: the checks after a chain outage the service lived through ({@code ChainOutageIT}): the
   * same as after a kill, every acknowledged record in the log once, readable and anchored VALID.
   */
  Round checkChainOutage(String what, List<WriteLoad.Write> writes) {
    // the outage may have outlived the load's tokens: the retries and reads take fresh ones
    WriteLoad retrying = newLoad();
    return check(Moment.CHAIN_STOPPED, what, retrying, writes);
  }

  /** Stops the service (after case 2's outages). */
  void stop() {
    service.close();
  }

  /**
   * Case 4: the checks after a fault outside the service's database — the gateway killed, or the
   * service killed while its clients wait on the gateway — described by {@code what}.
   */
  Round checkAfter(Moment moment, String what, WriteLoad load, List<WriteLoad.Write> writes) {
    return check(moment, what, load, writes);
  }

  /** The figures of one round: a write load, its kills and the checks. */
  record Round(
      RecordKind kind,
      Moment moment,
      int kills,
      String killedAt,
      int acknowledged,
      int unanswered,
      int writtenUnacknowledged,
      int retried,
      int retriedSameAnswer,
      int found,
      int duplicated,
      int lost,
      int readable,
      int anchored,
      long createdLeaves,
      int records) {

    String summary() {
      return String.format(
          "%s service=%s moment=%s kills=%d killed-at=\"%s\" clients=%d acknowledged=%d"
              + " unanswered=%d"
              + " written-unacknowledged=%d retried=%d retried-same-answer=%d found=%d"
              + " duplicated=%d lost=%d readable=%d anchored=%d log-created-leaves=%d"
              + " records-known=%d",
          moment.label(),
          kind.module(),
          moment.name().toLowerCase().replace('_', '-'),
          kills,
          killedAt,
          CLIENTS,
          acknowledged,
          unanswered,
          writtenUnacknowledged,
          retried,
          retriedSameAnswer,
          found,
          duplicated,
          lost,
          readable,
          anchored,
          createdLeaves,
          records);
    }
  }

  private Round round(Moment moment) {
    writer = campaign.token(kind.writerRole());
    auditor = campaign.token("auditor");
    WriteLoad load = new WriteLoad(campaign::viaGateway, createPath, writer, kind::nextBody);
    String killedAt;
    List<WriteLoad.Write> writes;
    switch (moment) {
      case COMMITTED_NOT_SEQUENCED:
        {
          long sizeBefore = checkpointSize();
          writes = load.start(CLIENTS, WRITES_EACH_QUIET).awaitEnd(DEADLINE);
          assertThat(writes).as("every write answered").allMatch(WriteLoad.Write::acknowledged);
          long queued = queuedEvents();
          assertThat(checkpointSize()).as("nothing sequenced").isEqualTo(sizeBefore);
          assertThat(queued).as("events queued").isGreaterThanOrEqualTo(writes.size());
          service.kill();
          try (TableLock leaves = new TableLock("govchain_log_leaf")) {
            service.start(true);
            Await.until(
                "the sequencer's batch waiting on its leaf insert",
                DEADLINE,
                Duration.ofMillis(50),
                leaves::waitedOn);
            service.kill();
            service.start(true);
            assertThat(service.process().output())
                .as("the new life's sequencer waits for the dead batch's advisory lock")
                .doesNotContain("sequencer of log " + service.origin() + " holds its lock");
            assertThat(checkpointSize()).as("nothing sequenced yet").isEqualTo(sizeBefore);
          }
          killedAt =
              writes.size()
                  + " writes acknowledged, "
                  + queued
                  + " events queued; then the next life inside its first sequencer batch";
          break;
        }
      case ANCHOR_TRANSACTION_PENDING:
        {
          ChainProxy proxy = campaign.chainProxy();
          AppProcess life = service.process();
          int sendsBefore = sends(life).size();
          int heldBefore = proxy.held();
          String[] sent;
          proxy.holdSends();
          try {
            writes = load.start(CLIENTS, WRITES_EACH_QUIET).awaitEnd(DEADLINE);
            assertThat(writes).as("every write answered").allMatch(WriteLoad.Write::acknowledged);
            sent =
                Await.value(
                    "the anchorer storing a transaction, its broadcast held",
                    DEADLINE,
                    Duration.ofMillis(50),
                    () -> {
                      List<String[]> now = sends(life);
                      return now.size() > sendsBefore && proxy.held() > heldBefore
                          ? Optional.of(now.get(now.size() - 1))
                          : Optional.empty();
                    });
            assertThat(anchorTransaction(sent[1]))
                .as("stored, never broadcast")
                .isEqualTo("SENT broadcast=false");
            service.kill();
          } finally {
            proxy.dropHeldAndForward();
          }
          campaign.chain().setAutomine(false);
          try {
            service.start(true);
            Await.until(
                "the next life broadcasting the stored transaction " + sent[1],
                DEADLINE,
                Duration.ofMillis(50),
                () -> anchorTransaction(sent[1]).equals("SENT broadcast=true") && pooled(sent[1]));
            service.kill();
            service.start(true);
          } finally {
            campaign.chain().setAutomine(true);
          }
          campaign.chain().mine(1);
          anchoredBy = sent;
          killedAt =
              "anchor transaction "
                  + sent[1]
                  + " for size "
                  + sent[0]
                  + " stored, its broadcast held back; then the next life, having broadcast it,"
                  + " with it unmined";
          break;
        }
      case DURING_WRITES:
        {
          int threshold = 1 + random.nextInt(CLIENTS * WRITES_EACH_LOADED / 2);
          try (EntryCounter entries = new EntryCounter()) {
            long baseline = entries.count();
            load.start(CLIENTS, WRITES_EACH_LOADED);
            Await.until(
                threshold + " writes acknowledged",
                DEADLINE,
                Duration.ofMillis(2),
                () -> load.acknowledged() >= threshold);
            // then the first write seen committed whose answer has not reached its client yet,
            // the window in which a retry must get the first answer; failing that, the last
            // writes before the load ends
            int last = CLIENTS * WRITES_EACH_LOADED - CLIENTS;
            long[] seen = new long[2];
            Await.until(
                "a write committed and not yet answered",
                DEADLINE,
                Duration.ZERO,
                () -> {
                  int answered = load.acknowledged();
                  seen[0] = entries.count() - baseline;
                  seen[1] = answered;
                  return seen[0] > answered || answered >= last;
                });
            int inFlight = load.inFlight();
            service.kill();
            killedAt =
                threshold
                    + "+ writes acknowledged, "
                    + inFlight
                    + " in flight, "
                    + (seen[0] > seen[1]
                        ? (seen[0] - seen[1]) + " committed but not yet answered"
                        : "none seen committed but unanswered");
          }
          writes = load.awaitEnd(DEADLINE);
          service.start(true);
          break;
        }
      default:
        throw new IllegalArgumentException(moment.toString());
    }
    return check(moment, killedAt, load, writes);
  }

  private Round check(
      Moment moment, String killedAt, WriteLoad load, List<WriteLoad.Write> writes) {
    Await.until(
        "the gateway reaching " + kind.module() + " again",
        DEADLINE,
        Duration.ofMillis(250),
        () -> http.get(kind.prefix() + "/log/checkpoint", auditor).status() == 200);
    List<WriteLoad.Write> acknowledged =
        writes.stream().filter(WriteLoad.Write::acknowledged).toList();
    List<WriteLoad.Write> unanswered = writes.stream().filter(w -> !w.acknowledged()).toList();
    for (WriteLoad.Write w : acknowledged) {
      known.put(w.id(), w);
    }

    // what the log held before anyone retried: records no client knows were written unanswered
    awaitSequenced();
    LogScan before = scan();
    Set<String> unclaimed = new HashSet<>(before.createdLeaves().keySet());
    unclaimed.removeAll(known.keySet());

    // every client retries what it got no answer to, and some of what it got
    List<String> roundRecords = new ArrayList<>();
    acknowledged.forEach(w -> roundRecords.add(w.id()));
    int writtenUnacknowledged = 0;
    int retried = 0;
    int retriedSame = 0;
    List<String> wrongAnswers = new ArrayList<>();
    Http retrier = campaign.viaGateway();
    for (WriteLoad.Write w : unanswered) {
      WriteLoad.Outcome again = load.retry(retrier, w, DEADLINE);
      retried++;
      if (again.id() == null) {
        wrongAnswers.add("retry of unanswered " + w.key + ": " + again.failure());
        continue;
      }
      if (before.created(again.id()) > 0) {
        writtenUnacknowledged++;
      }
      if (known.putIfAbsent(again.id(), w) != null) {
        wrongAnswers.add("retry of unanswered " + w.key + " answered another write's record");
      }
      roundRecords.add(again.id());
    }
    for (int i = 0; i < acknowledged.size(); i += 4) {
      WriteLoad.Write w = acknowledged.get(i);
      WriteLoad.Outcome again = load.retry(retrier, w, DEADLINE);
      retried++;
      if (w.id().equals(again.id())) {
        retriedSame++;
      } else {
        wrongAnswers.add("retry of " + w.key + " (" + w.id() + "): " + again);
      }
    }

    awaitSequenced();
    LogScan after = scan();
    int found = 0;
    int lost = 0;
    int duplicated = 0;
    for (WriteLoad.Write w : acknowledged) {
      if (after.created(w.id()) > 0) {
        found++;
      } else {
        lost++;
      }
    }
    for (String id : known.keySet()) {
      duplicated += Math.max(0, after.created(id) - 1);
    }
    Set<String> orphans = new HashSet<>(after.createdLeaves().keySet());
    orphans.removeAll(known.keySet());
    duplicated += orphans.size();

    int readable = 0;
    for (WriteLoad.Write w : acknowledged) {
      Http.Response read = http.get(kind.readPath(w.id()), auditor);
      if (read.status() == 200 && w.id().equals(read.json().path("id").asString())) {
        readable++;
      }
    }
    int anchored = anchored(after, roundRecords);
    String[] expectedAnchor = anchoredBy;
    anchoredBy = null;

    Round round =
        new Round(
            kind,
            moment,
            moment.kills(),
            killedAt,
            acknowledged.size(),
            unanswered.size(),
            writtenUnacknowledged,
            retried,
            retriedSame,
            found,
            duplicated,
            lost,
            readable,
            anchored,
            after.createdTotal(),
            known.size());
    report(round.summary());
    PostgresOutage outage = pendingOutage;
    pendingOutage = null;

    assertThat(unanswered)
        .as("unanswered writes failed for want of the service, not on their content")
        .allMatch(w -> w.failure().startsWith("no answer") || w.failure().matches("50[234] .*"));
    assertThat(wrongAnswers).as("retries answered with the first record").isEmpty();
    assertThat(lost).as("acknowledged records missing from the log").isZero();
    assertThat(duplicated).as("records in the log twice or claimed by no client").isZero();
    assertThat(after.repeatedEvents()).as("subject/version pairs in two leaves").isZero();
    assertThat(after.createdTotal())
        .as("creating leaves = records written (acknowledged or not), once each")
        .isEqualTo(known.size());
    assertThat(writtenUnacknowledged)
        .as("records written but unanswered before the retries = those the retries found")
        .isEqualTo(unclaimed.size());
    assertThat(readable).as("acknowledged records readable").isEqualTo(acknowledged.size());
    assertThat(anchored).as("this round's records anchored, VALID").isEqualTo(roundRecords.size());
    if (expectedAnchor != null) {
      assertThat(service.process().output())
          .as("the stored transaction confirmed, no other sent for its checkpoint")
          .containsPattern(
              "anchored at size " + expectedAnchor[0] + " in block \\d+ by " + expectedAnchor[1]);
    }
    if (outage != null) {
      outage.assertAnswered(kind);
    }
    return round;
  }

  /**
   * Waits until the leaf of every one of {@code ids} is under a confirmed checkpoint, then checks
   * each record's bundle with {@link BundleVerifier} against the chain and the log's key; answers
   * how many are VALID and about that record.
   */
  private int anchored(LogScan log, List<String> ids) {
    long highest = ids.stream().mapToLong(log::leafOf).max().orElse(-1);
    if (highest < 0) {
      return 0;
    }
    Await.until(
        "leaf " + highest + " of " + kind.module() + "'s log anchored",
        DEADLINE,
        Duration.ofMillis(250),
        () -> http.get(bundlePath(highest), auditor).status() == 200);
    int valid = 0;
    for (String id : ids) {
      Http.Response answer = http.get(bundlePath(log.leafOf(id)), auditor);
      assertThat(answer.status()).as("%s", answer).isEqualTo(200);
      ProofBundle bundle = ProofBundleJson.parse(answer.body());
      boolean aboutIt = EventEnvelope.parse(bundle.leafData()).subject().equals(id);
      if (aboutIt && verifier.verify(bundle, 1, service.logKey()).verdict() == Verdict.VALID) {
        valid++;
      }
    }
    return valid;
  }

  private String bundlePath(long leaf) {
    return kind.prefix() + "/log/entries/" + leaf + "/bundle";
  }

  private LogScan scan() {
    return LogScan.read(http, auditor, kind.prefix(), kind.createdType());
  }

  private long checkpointSize() {
    Http.Response checkpoint = http.get(kind.prefix() + "/log/checkpoint", auditor);
    assertThat(checkpoint.status()).as("%s", checkpoint).isEqualTo(200);
    return checkpoint.json().path("size").asLong();
  }

  /** Waits until every committed event has its leaf and the newest checkpoint covers them all. */
  private void awaitSequenced() {
    Await.until(
        kind.module() + "'s queue sequenced",
        DEADLINE,
        Duration.ofMillis(100),
        () -> queuedEvents() == 0 && checkpointSize() == count("govchain_log_entry"));
  }

  private long queuedEvents() {
    return count("govchain_log_unsequenced");
  }

  private long count(String table) {
    return query("SELECT count(*) FROM " + table, null, rs -> rs.getLong(1)).orElseThrow();
  }

  /** The stored anchor transaction's state and whether the node acknowledged its broadcast. */
  private String anchorTransaction(String txHash) {
    return query(
            "SELECT state, broadcast_at IS NOT NULL FROM govchain_anchor_tx WHERE tx_hash = ?",
            txHash,
            rs -> rs.getString(1) + " broadcast=" + rs.getBoolean(2))
        .orElseThrow(() -> new AssertionError("no stored anchor transaction " + txHash));
  }

  /** Whether the chain's node holds {@code txHash} in its pool, unmined. */
  private boolean pooled(String txHash) {
    try {
      return campaign
          .chain()
          .web3j()
          .ethGetTransactionByHash(txHash)
          .send()
          .getTransaction()
          .map(tx -> tx.getBlockHash() == null)
          .orElse(false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A SHARE lock on one of the log's tables, held on a connection of the campaign's own until
   * closed: reads go on, inserts wait.
   */
  private final class TableLock implements AutoCloseable {
    private final String table;
    private final Connection connection;

    TableLock(String table) {
      this.table = table;
      try {
        connection = service.database().connect();
        connection.setAutoCommit(false);
        try (PreparedStatement lock =
            connection.prepareStatement("LOCK TABLE " + table + " IN SHARE MODE")) {
          lock.execute();
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }

    /** Whether a session of the service waits for this lock. */
    boolean waitedOn() {
      return query(
                  "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                      + " WHERE NOT l.granted AND c.relname = ?",
                  table,
                  rs -> rs.getLong(1))
              .orElse(0L)
          > 0;
    }

    @Override
    public void close() {
      try {
        connection.commit();
        connection.close();
      } catch (SQLException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
  }

  /** Counts the log's entries on one connection of its own, quickly enough to catch a commit. */
  private final class EntryCounter implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement statement;

    EntryCounter() {
      try {
        connection = service.database().connect();
        statement = connection.prepareStatement("SELECT count(*) FROM govchain_log_entry");
      } catch (SQLException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }

    long count() {
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      } catch (SQLException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      try {
        connection.close();
      } catch (SQLException e) {
        // the count is what mattered
      }
    }
  }

  private interface Column<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Reads the service's database directly: the queue and the anchor rows the API keeps hidden. */
  private <T> Optional<T> query(String sql, String parameter, Column<T> column) {
    try (Connection c = service.database().connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      if (parameter != null) {
        s.setString(1, parameter);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(column.read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** The anchorer's "stored, sending" lines of one life: {size, tx hash} each. */
  private static List<String[]> sends(AppProcess life) {
    List<String[]> found = new ArrayList<>();
    Matcher m = SENT.matcher(life.output());
    while (m.find()) {
      found.add(new String[] {m.group(1), m.group(2)});
    }
    return found;
  }

  /** Prints one {@code [campaign]} line and appends it to {@code campaign-summary.txt}. */
  static void report(String line) {
    System.out.println("[campaign] " + line);
    Path summary = AppProcess.logDirectory().resolve("campaign-summary.txt");
    try {
      Files.createDirectories(summary.getParent());
      Files.writeString(
          summary,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
