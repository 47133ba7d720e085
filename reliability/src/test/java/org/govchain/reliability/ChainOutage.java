package org.govchain.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.govchain.anchor.chain.LogId;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.process.Http;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

/**
 * Case 5's fault: the persistent dev chain's process (ganache on its kept data directory) killed
 * with SIGKILL while four clients per record service write through the gateway, held down, started
 * again on the same directory and port, the services left running. Counted per service: the writes
 * acknowledged while the chain was down (each must be a 201), what its health said meanwhile (asked
 * directly, with an admin's token for the details), the anchor transactions it stored and the
 * registry's {@code Anchored} events for its log once the chain was back (one, covering the whole
 * backlog), and its log's lines about nonces, replacements and resends.
 */
final class ChainOutage {

  /** Writes acknowledged per service before the kill. */
  private static final int ACKNOWLEDGED_BEFORE = 6;

  /** About this many writes per client while the chain is down, whatever the outage's length. */
  private static final int WRITES_PER_CLIENT_DOWN = 40;

  private static final Duration PAUSE_AFTER_FAILURE = Duration.ofMillis(500);
  private static final Duration DEADLINE = Duration.ofMinutes(2);
  private static final Duration HEALTH_EVERY = Duration.ofSeconds(1);

  private static final String ANCHORED_EVENT =
      EventEncoder.buildEventSignature("Anchored(bytes32,uint64,bytes32)");
  private static final Pattern NONCE_TROUBLE =
      Pattern.compile("(?i)^.*\\b(WARN|ERROR)\\b.*nonce.*$", Pattern.MULTILINE);

  private final Campaign campaign;
  private final GanacheNode node;
  private final Duration outage;
  private final Map<RecordKind, Side> sides = new EnumMap<>(RecordKind.class);
  private long killMillis;
  private long downMillis;
  private long restartMillis;
  private long blockBefore;
  private long blockAfterRestart;
  private String adminToken;
  private long adminTokenAt;

  /** One service's part: its load, what its health said and what it anchored. */
  private static final class Side {
    final Campaign.Service service;
    final WriteLoad load;
    final Http direct;
    final int livesBefore;
    int acknowledgedAtKill;
    int acknowledgedAtRestart;
    long maxTxIdBefore;
    long anchoredBefore;
    long sizeAtRestart;
    long recoveredAfterMillis;
    int healthAnswers;
    int healthNot200;
    final TreeSet<String> statuses = new TreeSet<>();
    final TreeSet<String> chainStatuses = new TreeSet<>();
    final TreeSet<String> anchoringStatuses = new TreeSet<>();
    long maxLagSeconds;
    long maxUnanchored;
    String healthAfter = "";
    long unanchoredAfter = -1;
    final List<String> newTransactions = new ArrayList<>();
    final Map<Long, Integer> transactionsBySize = new TreeMap<>();
    final List<Long> eventSizes = new ArrayList<>();
    int anchoringFailedLines;
    int nonceLines;
    int replacedLines;
    int resentStoredLines;
    int droppedLines;
    List<WriteLoad.Write> writes = List.of();

    Side(Campaign.Service service, WriteLoad load) {
      this.service = service;
      this.load = load;
      this.direct = new Http(service.process().baseUrl());
      this.livesBefore = service.lives();
    }

    int failed() {
      return (int) writes.stream().filter(w -> !w.acknowledged()).count();
    }
  }

  ChainOutage(Campaign campaign, GanacheNode node, Duration outage) {
    this.campaign = campaign;
    this.node = node;
    this.outage = outage;
  }

  /**
   * Runs the loads through one outage and the chain's return; returns every write sent, per
   * service. The loads are held, before the kill, until every log is anchored with nothing in
   * flight (so the kill finds no transaction on its way, and whatever is sent after it belongs to
   * the outage), and stopped before the restart (so the backlog the chain finds is fixed).
   */
  Map<RecordKind, List<WriteLoad.Write>> run(Map<RecordKind, WriteLoad> loads) {
    loads.forEach((kind, load) -> sides.put(kind, new Side(campaign.service(kind), load)));
    Duration pace = Duration.ofMillis(Math.max(250, outage.toMillis() / WRITES_PER_CLIENT_DOWN));
    for (Side side : sides.values()) {
      side.load
          .paced(pace)
          .keepWritingThroughFailures(PAUSE_AFTER_FAILURE)
          .start(KillCase.CLIENTS, Integer.MAX_VALUE);
    }
    Map<RecordKind, List<WriteLoad.Write>> writes = new EnumMap<>(RecordKind.class);
    AtomicBoolean watching = new AtomicBoolean(true);
    Thread watcher = new Thread(() -> watchHealth(watching), "campaign-health-watcher");
    watcher.setDaemon(true);
    try {
      Await.until(
          ACKNOWLEDGED_BEFORE + " writes acknowledged by every service",
          DEADLINE,
          Duration.ofMillis(10),
          () -> {
            sides.values().stream()
                .filter(s -> s.load.acknowledged() >= ACKNOWLEDGED_BEFORE)
                .forEach(s -> s.load.hold());
            return sides.values().stream()
                .allMatch(s -> s.load.acknowledged() >= ACKNOWLEDGED_BEFORE);
          });
      sides.values().forEach(s -> s.load.hold());
      for (Side side : sides.values()) {
        Await.until(
            side.service.kind().module() + "'s log anchored, nothing in flight",
            DEADLINE,
            Duration.ofMillis(100),
            () -> sequenced(side) && anchoredSize(side) == checkpointSize(side) && !inFlight(side));
        side.maxTxIdBefore = maxTxId(side);
        side.anchoredBefore = anchoredSize(side);
      }
      blockBefore = campaign.chain().blockNumber();

      long killed = System.nanoTime();
      node.kill();
      killMillis = millisSince(killed);
      sides.values().forEach(s -> s.acknowledgedAtKill = s.load.acknowledged());
      sides.values().forEach(s -> s.load.release());
      watcher.start();

      // the outage itself, in real time: the chain gone while the clients go on writing
      sleep(outage.minusMillis(millisSince(killed)));
      sides.values().forEach(s -> s.load.stop());
      sides.forEach((kind, side) -> writes.put(kind, side.load.awaitEnd(DEADLINE)));
      for (Side side : sides.values()) {
        side.acknowledgedAtRestart = side.load.acknowledged();
        Await.until(
            side.service.kind().module() + "'s writes sequenced",
            DEADLINE,
            Duration.ofMillis(100),
            () -> sequenced(side));
        side.sizeAtRestart = checkpointSize(side);
      }
      downMillis = millisSince(killed);

      long restarted = System.nanoTime();
      node.startAgain();
      restartMillis = millisSince(restarted);
      blockAfterRestart = campaign.chain().blockNumber();
      long back = System.nanoTime();
      for (Side side : sides.values()) {
        Await.until(
            side.service.kind().module() + "'s backlog anchored at size " + side.sizeAtRestart,
            DEADLINE,
            Duration.ofMillis(100),
            () -> anchoredSize(side) >= side.sizeAtRestart);
        side.recoveredAfterMillis = millisSince(back);
      }
    } finally {
      watching.set(false);
      sides.values().forEach(s -> s.load.stop());
      if (node.blockNumberOrNull() == null) {
        node.startAgain();
      }
    }
    try {
      watcher.join(DEADLINE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    writes.forEach((kind, w) -> sides.get(kind).writes = w);
    for (Side side : sides.values()) {
      Await.until(
          side.service.kind().module() + "'s health UP again",
          DEADLINE,
          Duration.ofMillis(250),
          () -> {
            JsonNode health = health(side);
            side.healthAfter = health == null ? "no answer" : health.path("status").asString();
            side.unanchoredAfter =
                health == null
                    ? -1
                    : health
                        .path("components")
                        .path("anchoring")
                        .path("details")
                        .path("unanchoredEntries")
                        .asLong(-1);
            return "UP".equals(side.healthAfter);
          });
      countTransactions(side);
      countEvents(side);
      countLines(side);
    }
    sides.keySet().forEach(kind -> KillCase.report(figures(kind)));
    return writes;
  }

  /** Polls each service's health every second while the chain is down (and while it returns). */
  private void watchHealth(AtomicBoolean watching) {
    while (watching.get()) {
      for (Side side : sides.values()) {
        JsonNode health;
        int status;
        try {
          Http.Response answer = side.direct.get("/actuator/health", admin());
          status = answer.status();
          health = answer.json();
        } catch (RuntimeException e) {
          status = 0;
          health = null;
        }
        synchronized (side) {
          side.healthAnswers++;
          if (status != 200) {
            side.healthNot200++;
          }
          if (health != null) {
            JsonNode components = health.path("components");
            JsonNode anchoring = components.path("anchoring");
            side.statuses.add(health.path("status").asString());
            side.chainStatuses.add(components.path("chain").path("status").asString());
            side.anchoringStatuses.add(anchoring.path("status").asString());
            side.maxLagSeconds =
                Math.max(side.maxLagSeconds, anchoring.path("details").path("lagSeconds").asLong());
            side.maxUnanchored =
                Math.max(
                    side.maxUnanchored,
                    anchoring.path("details").path("unanchoredEntries").asLong());
          }
        }
      }
      sleep(HEALTH_EVERY);
    }
  }

  /** An admin's token (its health answers carry the details), taken anew every five minutes. */
  private synchronized String admin() {
    if (adminToken == null || millisSince(adminTokenAt) > Duration.ofMinutes(5).toMillis()) {
      adminToken = campaign.token("admin");
      adminTokenAt = System.nanoTime();
    }
    return adminToken;
  }

  private JsonNode health(Side side) {
    try {
      Http.Response answer = side.direct.get("/actuator/health", admin());
      return answer.status() == 200 ? answer.json() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The anchor transactions the service stored since the kill: hash, size and state each. */
  private void countTransactions(Side side) {
    try (Connection c = side.service.database().connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT tx_hash, tree_size, state FROM govchain_anchor_tx WHERE id > ? ORDER BY id")) {
      s.setLong(1, side.maxTxIdBefore);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          side.newTransactions.add(rs.getString(1) + "@" + rs.getLong(2) + ":" + rs.getString(3));
          side.transactionsBySize.merge(rs.getLong(2), 1, Integer::sum);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The registry's {@code Anchored} events for the service's log since the kill. */
  private void countEvents(Side side) {
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(blockBefore + 1)),
            DefaultBlockParameterName.LATEST,
            campaign.registry().address());
    filter.addSingleTopic(ANCHORED_EVENT);
    filter.addSingleTopic(Numeric.toHexString(LogId.of(side.service.origin())));
    try {
      EthLog logs = campaign.chain().web3j().ethGetLogs(filter).send();
      if (logs.hasError()) {
        throw new IllegalStateException("eth_getLogs: " + logs.getError().getMessage());
      }
      for (EthLog.LogResult<?> result : logs.getLogs()) {
        Log log = (Log) result.get();
        String data = Numeric.cleanHexPrefix(log.getData());
        side.eventSizes.add(new BigInteger(data.substring(0, 64), 16).longValueExact());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the service's log says of the outage: failures, nonces, replacements, resends. */
  private static void countLines(Side side) {
    String output = side.service.process().output();
    String origin = Pattern.quote(side.service.origin());
    side.anchoringFailedLines = count(output, "anchoring of log " + origin + " failed");
    side.nonceLines = (int) NONCE_TROUBLE.matcher(output).results().count();
    side.replacedLines = count(output, "replacing stuck anchor transaction \\S+ of log " + origin);
    side.resentStoredLines =
        count(output, "of log " + origin + " at size \\d+ \\(nonce \\d+\\) was stored but never");
    side.droppedLines = count(output, "of log " + origin + " was dropped");
  }

  private static int count(String text, String regex) {
    return (int) Pattern.compile(regex).matcher(text).results().count();
  }

  /** One service's figures of the outage, one line. */
  String figures(RecordKind kind) {
    Side side = sides.get(kind);
    return String.format(
        "chain-outage service=%s outage=%s kill-ms=%d down-ms=%d restart-ms=%d"
            + " block-before=%d block-after-restart=%d acknowledged-before-kill=%d"
            + " acknowledged-while-down=%d failed=%d anchored-before=%d backlog-size=%d"
            + " backlog-entries=%d recovered-after-ms=%d health-polls=%d health-not-200=%d"
            + " health=%s chain=%s anchoring=%s max-lag-s=%d max-unanchored=%d health-after=%s"
            + " unanchored-after=%d anchor-transactions=%d transactions=%s anchored-events=%d"
            + " event-sizes=%s anchoring-failed-lines=%d nonce-lines=%d replaced=%d"
            + " resent-stored=%d dropped=%d",
        kind.module(),
        outage,
        killMillis,
        downMillis,
        restartMillis,
        blockBefore,
        blockAfterRestart,
        side.acknowledgedAtKill,
        side.acknowledgedAtRestart - side.acknowledgedAtKill,
        side.failed(),
        side.anchoredBefore,
        side.sizeAtRestart,
        side.sizeAtRestart - side.anchoredBefore,
        side.recoveredAfterMillis,
        side.healthAnswers,
        side.healthNot200,
        side.statuses,
        side.chainStatuses,
        side.anchoringStatuses,
        side.maxLagSeconds,
        side.maxUnanchored,
        side.healthAfter,
        side.unanchoredAfter,
        side.newTransactions.size(),
        side.newTransactions,
        side.eventSizes.size(),
        side.eventSizes,
        side.anchoringFailedLines,
        side.nonceLines,
        side.replacedLines,
        side.resentStoredLines,
        side.droppedLines);
  }

  /** What the service's round line says of the fault. */
  String summary(RecordKind kind) {
    Side side = sides.get(kind);
    return "chain killed after "
        + side.acknowledgedAtKill
        + " writes acknowledged, down "
        + downMillis
        + " ms, "
        + (side.acknowledgedAtRestart - side.acknowledgedAtKill)
        + " writes acknowledged while down; backlog "
        + (side.sizeAtRestart - side.anchoredBefore)
        + " entries anchored "
        + side.recoveredAfterMillis
        + " ms after the restart";
  }

  /**
   * What a chain outage must leave: every write a 201 and some while the chain was down; health
   * never 503 and DEGRADED for the chain meanwhile, the lag and backlog shown, UP and nothing
   * unanchored after; the chain's blocks kept; one transaction and one event covering the whole
   * backlog; no nonce trouble, no replacement, nothing dropped; the service never restarted.
   */
  void assertOutage(RecordKind kind) {
    Side side = sides.get(kind);
    assertThat(side.failed()).as("writes not acknowledged while the chain was down").isZero();
    assertThat(side.acknowledgedAtRestart - side.acknowledgedAtKill)
        .as("writes acknowledged while the chain was down")
        .isGreaterThanOrEqualTo(KillCase.CLIENTS);
    assertThat(side.healthNot200).as("health answers other than 200 (a 503: DOWN)").isZero();
    assertThat(side.statuses)
        .as("the service's health while the chain was down")
        .contains("DEGRADED");
    assertThat(side.statuses).doesNotContain("DOWN");
    assertThat(side.chainStatuses).as("the chain's health").contains("DEGRADED");
    assertThat(side.maxUnanchored)
        .as("unanchored entries shown while down")
        .isGreaterThanOrEqualTo(side.sizeAtRestart - side.anchoredBefore);
    assertThat(side.maxLagSeconds)
        .as("anchoring lag shown while down")
        .isGreaterThanOrEqualTo(outage.toSeconds() / 2);
    if (outage.compareTo(Duration.ofMinutes(5)) > 0) {
      assertThat(side.anchoringStatuses)
          .as("anchoring DEGRADED once the lag passed lag-degraded-after (5 min)")
          .contains("DEGRADED");
    }
    assertThat(side.healthAfter).isEqualTo("UP");
    assertThat(side.unanchoredAfter).as("unanchored entries after the return").isZero();
    assertThat(blockAfterRestart)
        .as("the chain kept its blocks")
        .isGreaterThanOrEqualTo(blockBefore);
    assertThat(side.newTransactions)
        .as("anchor transactions stored since the kill: one, for the whole backlog")
        .hasSize(1);
    assertThat(side.transactionsBySize).containsOnlyKeys(side.sizeAtRestart);
    assertThat(side.eventSizes)
        .as("Anchored events of the log since the kill")
        .containsExactly(side.sizeAtRestart);
    assertThat(side.anchoringFailedLines)
        .as("WARN lines of the anchorer for the outage: one, not one per check")
        .isEqualTo(1);
    assertThat(side.nonceLines).as("WARN/ERROR lines about a nonce").isZero();
    assertThat(side.replacedLines).as("replacement transactions").isZero();
    assertThat(side.droppedLines).as("dropped transactions").isZero();
    assertThat(side.service.lives())
        .as("the service was not restarted")
        .isEqualTo(side.livesBefore);
  }

  private boolean sequenced(Side side) {
    return queryLong(side, "SELECT count(*) FROM govchain_log_unsequenced") == 0
        && checkpointSize(side) == queryLong(side, "SELECT count(*) FROM govchain_log_entry");
  }

  private static long checkpointSize(Side side) {
    return queryLong(side, "SELECT coalesce(max(tree_size), 0) FROM govchain_log_checkpoint");
  }

  private static long anchoredSize(Side side) {
    return queryLong(
        side,
        "SELECT coalesce(max(tree_size), 0) FROM govchain_log_checkpoint"
            + " WHERE anchor_state = 'CONFIRMED'");
  }

  private static boolean inFlight(Side side) {
    return queryLong(
            side, "SELECT count(*) FROM govchain_anchor_tx WHERE state IN ('SENT', 'MINED')")
        > 0;
  }

  private static long maxTxId(Side side) {
    return queryLong(side, "SELECT coalesce(max(id), 0) FROM govchain_anchor_tx");
  }

  private static long queryLong(Side side, String sql) {
    try (Connection c = side.service.database().connect();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static void sleep(Duration pause) {
    if (pause.isNegative() || pause.isZero()) {
      return;
    }
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
