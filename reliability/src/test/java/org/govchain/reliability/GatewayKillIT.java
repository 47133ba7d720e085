package org.govchain.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.process.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Case 4 of the fault campaign: what clients writing through the gateway see, and how long they
 * wait, when the gateway's JVM is killed with SIGKILL (a broken or refused connection, at once) or
 * when the record service behind it is (the gateway's 503 problem, within its time limit); then,
 * with the killed process started again, the writes go on and case 1's checks hold — nothing
 * acknowledged lost or doubled, every unanswered write retried into one record, everything anchored
 * ({@link KillCase}).
 */
@ExtendWith(CampaignExtension.class)
class GatewayKillIT {

  private static final int WRITES_EACH = 200;

  /** Writes acknowledged before the kill, and after the restart (the writes go on). */
  private static final int ACKNOWLEDGED_BEFORE = 8;

  private static final int ACKNOWLEDGED_AFTER = 4;

  /** A client's pause after each acknowledged write. */
  private static final Duration PACE = Duration.ofMillis(100);

  /**
   * A client's pause after a write that got no 201, before its next one: every such write is
   * retried and checked afterwards, so a few per client are enough to see what the clients see.
   */
  private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

  /** The same while the service is down: the gateway answers at once, and for longer. */
  private static final Duration PAUSE_AFTER_GATEWAY_503 = Duration.ofSeconds(2);

  private static final Duration DEADLINE = Duration.ofMinutes(2);

  @Test
  void theGatewayKilledUnderWritesAndStartedAgain(Campaign campaign) {
    RecordKind kind = RecordKind.SEAL;
    KillCase c = new KillCase(campaign, kind, new Random());
    c.startOrReuse();
    WriteLoad load = c.newLoad().paced(PACE).keepWritingThroughFailures(PAUSE_AFTER_FAILURE);
    load.start(KillCase.CLIENTS, WRITES_EACH);
    long caseStart = System.nanoTime();
    long downMillis;
    long restartMillis;
    int acknowledgedAtKill;
    List<WriteLoad.Write> writes;
    try {
      awaitAcknowledged(load, ACKNOWLEDGED_BEFORE);
      long killed = System.nanoTime();
      acknowledgedAtKill = load.acknowledged();
      campaign.killGateway();
      long restartStart = System.nanoTime();
      campaign.restartGateway();
      restartMillis = millisSince(restartStart);
      downMillis = millisSince(killed);
      awaitAcknowledged(load, load.acknowledged() + ACKNOWLEDGED_AFTER);
    } finally {
      load.stop();
      writes = load.awaitEnd(DEADLINE);
    }
    Tally seen = new Tally();
    for (WriteLoad.Write w : writes) {
      seen.add(connectionKind(w), w.took());
    }
    KillCase.report(
        String.format(
            "gateway-kill service=%s clients=%d acknowledged-before-kill=%d down-ms=%d"
                + " writes=%d %s case-ms=%d",
            kind.module(),
            KillCase.CLIENTS,
            acknowledgedAtKill,
            downMillis,
            seen.total(),
            seen,
            millisSince(caseStart)));

    assertThat(seen.otherThan("201", "refused", "broken"))
        .as("clients told anything but 201, a refused or a broken connection: %s", seen)
        .isZero();
    assertThat(seen.count("refused") + seen.count("broken"))
        .as("writes that met the dead gateway")
        .isPositive();
    assertThat(seen.longest("refused"))
        .as("a refused connection is immediate, far within the clients' connect timeout")
        .isLessThan(Http.CONNECT_TIMEOUT);
    assertThat(seen.longest("broken"))
        .as("a connection broken by the kill, noticed within the clients' connect timeout")
        .isLessThan(Http.CONNECT_TIMEOUT);
    c.checkAfter(
        KillCase.Moment.GATEWAY_KILLED,
        "gateway killed after "
            + acknowledgedAtKill
            + " writes acknowledged, started again in "
            + restartMillis
            + " ms; "
            + seen,
        load,
        writes);
  }

  @Test
  void aServiceKilledBehindTheGatewayAnswers503ProblemsWithinTheTimeLimit(Campaign campaign) {
    RecordKind kind = RecordKind.CARD;
    Campaign.Service service = campaign.service(kind);
    KillCase c = new KillCase(campaign, kind, new Random());
    c.startOrReuse();
    WriteLoad load = c.newLoad().paced(PACE).keepWritingThroughFailures(PAUSE_AFTER_GATEWAY_503);
    load.start(KillCase.CLIENTS, WRITES_EACH);
    long caseStart = System.nanoTime();
    long restartMillis;
    int acknowledgedAtKill;
    List<WriteLoad.Write> writes;
    try {
      awaitAcknowledged(load, ACKNOWLEDGED_BEFORE);
      acknowledgedAtKill = load.acknowledged();
      service.kill();
      // started again at once: down while the new JVM starts, its clients writing on
      long restartStart = System.nanoTime();
      service.start(true);
      restartMillis = millisSince(restartStart);
      awaitAcknowledged(load, load.acknowledged() + ACKNOWLEDGED_AFTER);
    } finally {
      load.stop();
      writes = load.awaitEnd(DEADLINE);
    }
    Tally seen = new Tally();
    for (WriteLoad.Write w : writes) {
      seen.add(gatewayKind(w), w.took());
    }
    KillCase.report(
        String.format(
            "service-down-behind-gateway service=%s clients=%d acknowledged-before-kill=%d"
                + " down-ms=%d writes=%d %s p-max-ms=%d case-ms=%d",
            kind.module(),
            KillCase.CLIENTS,
            acknowledgedAtKill,
            restartMillis,
            seen.total(),
            seen,
            seen.longest().toMillis(),
            millisSince(caseStart)));

    assertThat(seen.otherThan("201", "503-unreachable", "503-breaker-open", "503-timed-out"))
        .as("clients told anything but 201 or the gateway's 503 problem: %s", seen)
        .isZero();
    assertThat(seen.total() - seen.count("201"))
        .as("writes that met the dead service")
        .isPositive();
    assertThat(seen.longest())
        .as(
            "every answer within the gateway's time limit (%s), however the service died",
            Campaign.GATEWAY_TIMEOUT)
        .isLessThanOrEqualTo(Campaign.GATEWAY_TIMEOUT.plusSeconds(1));
    c.checkAfter(
        KillCase.Moment.SERVICE_KILLED_BEHIND_GATEWAY,
        "service killed after "
            + acknowledgedAtKill
            + " writes acknowledged, started again at once, up after "
            + restartMillis
            + " ms; "
            + seen,
        load,
        writes);
  }

  private static void awaitAcknowledged(WriteLoad load, int count) {
    Await.until(
        count + " writes acknowledged",
        DEADLINE,
        Duration.ofMillis(20),
        () -> load.acknowledged() >= count);
  }

  /**
   * {@code 201}; {@code refused} (nothing listens); {@code broken} (the connection ended without an
   * answer); {@code timed-out} (the client gave up); else the answer's kind.
   */
  private static String connectionKind(WriteLoad.Write w) {
    if (w.acknowledged()) {
      return "201";
    }
    if (w.answer() != null) {
      return AuthServerDownIT.kind(w.answer());
    }
    String failure = w.failure();
    if (failure.contains("HttpTimeoutException") || failure.contains("HttpConnectTimeout")) {
      return "timed-out";
    }
    return failure.contains("ConnectException") ? "refused" : "broken";
  }

  /**
   * {@code 201}, or the gateway's 503 {@code service-unavailable} problem by its detail: the
   * service {@code unreachable} (refused or broken), the breaker open (calls paused, with {@code
   * Retry-After}), or no answer within the time limit; else {@link #connectionKind}.
   */
  private static String gatewayKind(WriteLoad.Write w) {
    String kind = connectionKind(w);
    if (!kind.equals("503-problem")) {
      return kind;
    }
    String detail = w.answer().json().path("detail").asString("");
    if (detail.endsWith("service cannot be reached")) {
      return "503-unreachable";
    }
    if (detail.contains("calls are paused")) {
      return w.answer().header("Retry-After") != null
          ? "503-breaker-open"
          : "503-breaker-open-without-retry-after";
    }
    if (detail.endsWith("did not answer in time")) {
      return "503-timed-out";
    }
    return "503-other: " + detail;
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
