package org.govchain.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.process.Http;

/**
 * Case 2's fault: the campaign's PostgreSQL server — the one every record service uses, as in an
 * installation — stopped for real (fast mode, or immediate mode: a crash) while four clients per
 * service write through the gateway, held down, started again on its data directory and port, the
 * services left running. The clients go on writing through the outage; what each was told is sorted
 * — 201, the service's own 503 {@code service-unavailable} problem, or anything else (a 500, the
 * gateway's 503 for a service that did not answer in time or could not be reached, a broken
 * connection: each a defect) — and each service's health is watched going DOWN (503) and coming
 * back UP without a restart.
 */
final class PostgresOutage {

  /** How long the server stays down at least. */
  static final Duration HELD_DOWN = Duration.ofSeconds(2);

  /** Writes acknowledged per service before the stop, and after the start (it writes again). */
  private static final int ACKNOWLEDGED_BEFORE = 6;

  private static final int ACKNOWLEDGED_AFTER = 4;
  private static final int WRITES_EACH = 60;

  /**
   * A client's pause after each acknowledged write: the fastest service would otherwise have
   * written dozens of records before the slowest had its first few, each one more to check.
   */
  private static final Duration PACE = Duration.ofMillis(250);

  /** A client's pause after a write that got no 201, before its next one. */
  private static final Duration PAUSE_AFTER_FAILURE = Duration.ofMillis(500);

  private static final Duration DEADLINE = Duration.ofMinutes(2);

  /** What an answer while the database is down must not show: SQL, class names, stack frames. */
  private static final Pattern LEAK =
      Pattern.compile(
          "(?i)(sql|postgres|r2dbc|jdbc|exception|select |insert |relation|\\bat [\\w$.]+\\("
              + "|\\b(org|io|java|reactor)\\.[a-z]+\\.)");

  private final Campaign campaign;
  private final boolean crash;
  private final Map<RecordKind, Side> sides = new EnumMap<>(RecordKind.class);
  private long stopMillis;
  private long downMillis;

  /** One service's part: its load, its health and what its clients were told. */
  private static final class Side {
    final Campaign.Service service;
    final WriteLoad load;
    final Http health;
    final int livesBefore;
    long healthDownAfterMillis;
    long healthUpAfterMillis;
    int acknowledgedAtStop;
    int acknowledgedAtStart;
    int acknowledged;
    int problems503;
    final Map<String, Integer> others = new TreeMap<>();

    Side(Campaign.Service service, WriteLoad load) {
      this.service = service;
      this.load = load;
      this.health = new Http(service.process().baseUrl());
      this.livesBefore = service.lives();
    }
  }

  /** {@code crash}: immediate mode; otherwise fast mode. */
  PostgresOutage(Campaign campaign, boolean crash) {
    this.campaign = campaign;
    this.crash = crash;
  }

  boolean crash() {
    return crash;
  }

  /**
   * Runs each service's load through one outage: starts them, stops the server once each service
   * has acknowledged some writes, starts it again once every service's health is DOWN and {@link
   * #HELD_DOWN} has passed, awaits every health UP, and stops the loads once every service writes
   * again. Returns every write sent, per service.
   */
  Map<RecordKind, List<WriteLoad.Write>> run(Map<RecordKind, WriteLoad> loads) {
    loads.forEach((kind, load) -> sides.put(kind, new Side(campaign.service(kind), load)));
    for (Side side : sides.values()) {
      side.load
          .paced(PACE)
          .keepWritingThroughFailures(PAUSE_AFTER_FAILURE)
          .start(KillCase.CLIENTS, WRITES_EACH);
    }
    Map<RecordKind, List<WriteLoad.Write>> writes = new EnumMap<>(RecordKind.class);
    try {
      Await.until(
          ACKNOWLEDGED_BEFORE + " writes acknowledged by every service",
          DEADLINE,
          Duration.ofMillis(10),
          () -> {
            // a service that has its writes waits for the others, its records not piling up
            sides.values().stream()
                .filter(s -> s.load.acknowledged() >= ACKNOWLEDGED_BEFORE)
                .forEach(s -> s.load.hold());
            return sides.values().stream()
                .allMatch(s -> s.load.acknowledged() >= ACKNOWLEDGED_BEFORE);
          });
      long stopped = System.nanoTime();
      sides.values().forEach(s -> s.load.release());
      stopServer();
      sides.values().forEach(s -> s.acknowledgedAtStop = s.load.acknowledged());
      stopMillis = millisSince(stopped);
      for (Side side : sides.values()) {
        Await.until(
            side.service.kind().module() + "'s health DOWN (503) while the database is down",
            DEADLINE,
            Duration.ofMillis(50),
            () -> healthIs(side.health, 503, "DOWN"));
        side.healthDownAfterMillis = millisSince(stopped);
      }
      // the outage itself: real time, the server down while the clients go on writing
      sleep(HELD_DOWN.minusMillis(millisSince(stopped)));
      campaign.postgres().start();
      long started = System.nanoTime();
      downMillis = millisSince(stopped);
      sides.values().forEach(s -> s.acknowledgedAtStart = s.load.acknowledged());
      for (Side side : sides.values()) {
        Await.until(
            side.service.kind().module() + "'s health UP again, without a restart",
            DEADLINE,
            Duration.ofMillis(50),
            () -> healthIs(side.health, 200, "UP"));
        side.healthUpAfterMillis = millisSince(started);
      }
      Await.until(
          ACKNOWLEDGED_AFTER + " writes acknowledged by every service after the start",
          DEADLINE,
          Duration.ofMillis(50),
          () ->
              sides.values().stream()
                  .allMatch(
                      s -> s.load.acknowledged() >= s.acknowledgedAtStart + ACKNOWLEDGED_AFTER));
    } finally {
      if (!campaign.postgres().isRunning()) {
        campaign.postgres().start();
      }
      sides.values().forEach(s -> s.load.stop());
      sides.forEach((kind, side) -> writes.put(kind, side.load.awaitEnd(DEADLINE)));
    }
    writes.forEach((kind, w) -> sort(sides.get(kind), w));
    sides.keySet().forEach(kind -> KillCase.report(figures(kind)));
    return writes;
  }

  private void stopServer() {
    try {
      if (crash) {
        campaign.postgres().stopImmediately();
      } else {
        campaign.postgres().stop();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sorts what each write was told: 201, the service's 503 problem, or something else. */
  private static void sort(Side side, List<WriteLoad.Write> writes) {
    for (WriteLoad.Write w : writes) {
      if (w.acknowledged()) {
        side.acknowledged++;
      } else if (isDatabaseUnavailableProblem(w.answer())) {
        side.problems503++;
      } else {
        side.others.merge(describe(w), 1, Integer::sum);
      }
    }
  }

  /**
   * The service's own answer for a write the database could not take: 503 problem+json of type
   * {@code service-unavailable}, "the database is unavailable…", with no SQL, class name or stack
   * frame in it (the gateway's 503s for a service that did not answer say "the … service").
   */
  private static boolean isDatabaseUnavailableProblem(Http.Response answer) {
    if (answer == null || answer.status() != 503) {
      return false;
    }
    try {
      return String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json")
          && answer.json().path("type").asString("").endsWith("/service-unavailable")
          && answer.json().path("detail").asString("").startsWith("the database is unavailable")
          && !LEAK.matcher(answer.text()).find();
    } catch (RuntimeException e) {
      return false; // not JSON
    }
  }

  private static String describe(WriteLoad.Write w) {
    Http.Response answer = w.answer();
    if (answer == null) {
      return w.failure();
    }
    String detail;
    try {
      detail = answer.json().path("detail").asString("");
    } catch (RuntimeException e) {
      detail = "(not JSON)";
    }
    return answer.status() + " " + answer.header("Content-Type") + " " + detail;
  }

  private static boolean healthIs(Http health, int status, String state) {
    try {
      Http.Response answer = health.get("/actuator/health", null);
      return answer.status() == status && state.equals(answer.json().path("status").asString());
    } catch (RuntimeException e) {
      return false; // no answer is not an answer of the expected kind
    }
  }

  /** One service's figures of the outage, one line. */
  String figures(RecordKind kind) {
    Side side = sides.get(kind);
    return String.format(
        "pg-outage service=%s mode=%s services=%d acknowledged-before-stop=%d stop-ms=%d"
            + " down-ms=%d health-down-after-ms=%d health-up-after-start-ms=%d acknowledged=%d"
            + " answered-503-problem=%d other=%d%s",
        kind.module(),
        crash ? "immediate" : "fast",
        sides.size(),
        side.acknowledgedAtStop,
        stopMillis,
        downMillis,
        side.healthDownAfterMillis,
        side.healthUpAfterMillis,
        side.acknowledged,
        side.problems503,
        side.others.values().stream().mapToInt(Integer::intValue).sum(),
        side.others.isEmpty() ? "" : " others=" + side.others);
  }

  /** What the service's round line says of the fault. */
  String summary(RecordKind kind) {
    Side side = sides.get(kind);
    return "PostgreSQL stopped ("
        + (crash ? "immediate" : "fast")
        + ") after "
        + side.acknowledgedAtStop
        + " writes acknowledged, down "
        + downMillis
        + " ms, "
        + side.problems503
        + " writes answered 503 while down, "
        + (side.acknowledged - side.acknowledgedAtStart)
        + " acknowledged after its start";
  }

  /**
   * The service's writes answered 201 or its clean 503 problem, some of them 503, and the service
   * never restarted (its health DOWN while the server was down and UP after are awaited in {@link
   * #run}).
   */
  void assertAnswered(RecordKind kind) {
    Side side = sides.get(kind);
    assertThat(side.others)
        .as("answers other than 201 and the service's clean 503 problem")
        .isEmpty();
    assertThat(side.problems503).as("writes answered 503 while the database was down").isPositive();
    assertThat(side.service.lives())
        .as("the service was not restarted")
        .isEqualTo(side.livesBefore);
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static void sleep(Duration pause) {
    if (pause.isNegative()) {
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
