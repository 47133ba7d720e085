package org.govchain.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.govchain.testsupport.process.Http;
import org.govchain.testsupport.tokens.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Case 3 of the fault campaign: the auth server frozen (SIGSTOP), then killed with SIGKILL, while
 * the gateway and every record service run, their clients holding tokens it issued. Frozen, a token
 * under a key nobody has fetched is answered 503 after the key fetch's time limit, not held. Those
 * tokens still work, through the gateway and at each service directly (the applications keep the
 * keys they fetched); a new sign-in fails at once (nothing listens on the token endpoint's port); a
 * token under a key the applications have not seen — what a client gets after the issuer rotated
 * its key — cannot be checked and is answered with a 503 problem, never a 500 or a hang. Started
 * again on its data directory (same signing key), it issues tokens that work, and the unseen key is
 * refused again as a bad token (401): the applications fetch keys again without a restart.
 */
@ExtendWith(CampaignExtension.class)
class AuthServerDownIT {

  /** Writes per service and route (through the gateway, directly) while the auth server is down. */
  private static final int WRITES = 3;

  private static final Duration DEADLINE = Duration.ofMinutes(1);

  @Test
  void issuedTokensStillWorkAndNewSignInsFailClearlyWhileTheAuthServerIsDown(Campaign campaign) {
    campaign.ensureServicesRunning();
    Map<RecordKind, List<Http>> routes = new EnumMap<>(RecordKind.class);
    Map<RecordKind, String> writers = new EnumMap<>(RecordKind.class);
    String auditor = campaign.token("auditor");
    for (RecordKind kind : RecordKind.values()) {
      routes.put(kind, List.of(campaign.viaGateway(), campaign.service(kind).direct()));
      writers.put(kind, campaign.token(kind.writerRole()));
      campaign.service(kind).createPath(); // the voucher unit needs an admin's token: made now
      for (Http route : routes.get(kind)) {
        // each application fetches the issuer's keys on the first token it checks: now, not later
        Http.Response warm = route.get(kind.prefix() + "/log/entries/0", auditor);
        assertThat(warm.status()).as("%s", warm).isIn(200, 404);
      }
    }

    long caseStart = System.nanoTime(); // the case's own time starts here

    // first frozen (SIGSTOP): its port accepts connections and nothing answers; a token under a key
    // nobody has fetched must not hang the applications that ask for it
    Tally frozen = new Tally();
    Tally issued = new Tally();
    Tally signIns = new Tally();
    Tally unseenKey = new Tally();
    Tally afterRestart = new Tally();
    long killMillis;
    long restartMillis;
    String unseenWhileFrozen =
        TestIssuer.foreignKey(campaign.auth().issuer()).token("rotated-0", "auditor");
    campaign.auth().process().freeze();
    ExecutorService askers = Executors.newFixedThreadPool(RecordKind.values().length * 2);
    try {
      List<Future<?>> asked = new ArrayList<>();
      for (RecordKind kind : RecordKind.values()) {
        for (Http route : routes.get(kind)) {
          asked.add(
              askers.submit(
                  () ->
                      timed(
                          frozen,
                          () -> route.get(kind.prefix() + "/log/entries/0", unseenWhileFrozen))));
        }
      }
      for (Future<?> f : asked) {
        f.get();
      }
      askers.shutdown();

      long killStart = System.nanoTime();
      campaign.auth().kill(); // SIGKILL ends the frozen process too
      killMillis = millisSince(killStart);

      // (a) tokens issued before the kill: writes and reads, through the gateway and directly
      List<WriteLoad> loads = new ArrayList<>();
      Map<WriteLoad, RecordKind> kinds = new IdentityHashMap<>();
      for (RecordKind kind : RecordKind.values()) {
        for (Http route : routes.get(kind)) {
          WriteLoad load =
              new WriteLoad(
                  () -> route,
                  campaign.service(kind).createPath(),
                  writers.get(kind),
                  kind::nextBody);
          loads.add(load.start(1, WRITES));
          kinds.put(load, kind);
        }
      }
      for (WriteLoad load : loads) {
        RecordKind kind = kinds.get(load);
        for (WriteLoad.Write w : load.awaitEnd(DEADLINE)) {
          issued.add(w.acknowledged() ? "201" : describe(w), w.took());
          if (w.acknowledged()) {
            campaign.service(kind).records().put(w.id(), w);
            for (Http route : routes.get(kind)) {
              Http.Response read = timed(issued, () -> route.get(kind.readPath(w.id()), auditor));
              assertThat(read.status()).as("%s", read).isEqualTo(200);
            }
          }
        }
      }

      // (b) a new sign-in: the token endpoint and the sign-in form are gone, refused at once
      refused(signIns, () -> campaign.auth().clientToken("seal-clerk"));
      refused(signIns, () -> campaign.auth().signIn("seal-clerk-user", "seal-clerk-dev-password"));

      // (b) a token under a key nobody has fetched: the applications cannot ask for it
      TestIssuer rotated = TestIssuer.foreignKey(campaign.auth().issuer());
      String unseen = rotated.token("rotated-auditor", "auditor");
      for (RecordKind kind : RecordKind.values()) {
        for (Http route : routes.get(kind)) {
          timed(unseenKey, () -> route.get(kind.prefix() + "/log/entries/0", unseen));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } finally {
      askers.shutdownNow();
      campaign.auth().kill(); // frozen or killed: gone either way, for the restart
      long restartStart = System.nanoTime();
      campaign.auth().restart();
      restartMillis = millisSince(restartStart);
    }

    // (c) started again on its data directory: new tokens work, the unseen key is a bad token again
    String unseen = TestIssuer.foreignKey(campaign.auth().issuer()).token("rotated-2", "auditor");
    for (RecordKind kind : RecordKind.values()) {
      String fresh = campaign.token(kind.writerRole());
      for (Http route : routes.get(kind)) {
        WriteLoad load =
            new WriteLoad(() -> route, campaign.service(kind).createPath(), fresh, kind::nextBody);
        for (WriteLoad.Write w : load.start(1, 1).awaitEnd(DEADLINE)) {
          afterRestart.add(w.acknowledged() ? "201" : describe(w), w.took());
          if (w.acknowledged()) {
            campaign.service(kind).records().put(w.id(), w);
          }
        }
        timed(afterRestart, () -> route.get(kind.prefix() + "/log/entries/0", unseen));
      }
    }

    int routeCount = RecordKind.values().length * 2;
    KillCase.report(
        String.format(
            "auth-down case-ms=%d frozen unseen-key: %s | kill-ms=%d services=%d routes=%d"
                + " issued-tokens: requests=%d %s | sign-ins: %s | unseen-key: %s | restart-ms=%d"
                + " | after-restart: %s",
            millisSince(caseStart),
            frozen,
            killMillis,
            RecordKind.values().length,
            routeCount,
            issued.total(),
            issued,
            signIns,
            unseenKey,
            restartMillis,
            afterRestart));

    assertThat(frozen.count("503-problem"))
        .as("a token under an unseen key, the auth server frozen: 503 problems, %s", frozen)
        .isEqualTo(routeCount);
    assertThat(frozen.longest())
        .as("given up after the key fetch's time limit, not hung")
        .isLessThan(Campaign.GATEWAY_TIMEOUT);
    assertThat(issued.otherThan("201", "200"))
        .as("requests with tokens issued before the kill answered other than 201/200: %s", issued)
        .isZero();
    assertThat(issued.count("201")).isEqualTo(routeCount * WRITES);
    assertThat(signIns.count("refused"))
        .as("new sign-ins refused at the auth server's port: %s", signIns)
        .isEqualTo(2);
    assertThat(signIns.longest()).isLessThan(Http.CONNECT_TIMEOUT);
    assertThat(unseenKey.count("503-problem"))
        .as(
            "a token under an unseen key answered 503 problem by the gateway and each service: %s",
            unseenKey)
        .isEqualTo(routeCount);
    assertThat(unseenKey.longest())
        .as("answered at once, not after a hang")
        .isLessThan(Campaign.GATEWAY_TIMEOUT);
    assertThat(afterRestart.count("201"))
        .as("tokens of the restarted auth server: %s", afterRestart)
        .isEqualTo(routeCount);
    assertThat(afterRestart.count("401"))
        .as("the unseen key refused as a bad token once the keys can be fetched: %s", afterRestart)
        .isEqualTo(routeCount);
  }

  /** Sends one request, counts what it was answered and how long that took. */
  private static Http.Response timed(Tally tally, Supplier<Http.Response> call) {
    long start = System.nanoTime();
    Http.Response answer;
    try {
      answer = call.get();
    } catch (UncheckedIOException e) {
      tally.add("no-answer", Duration.ofNanos(System.nanoTime() - start));
      throw e;
    }
    tally.add(kind(answer), Duration.ofNanos(System.nanoTime() - start));
    return answer;
  }

  /** Runs a call to the auth server, counted {@code refused} when its connection is refused. */
  private static void refused(Tally tally, Runnable call) {
    long start = System.nanoTime();
    String kind;
    try {
      call.run();
      kind = "answered";
    } catch (UncheckedIOException e) {
      kind = e.getCause() instanceof ConnectException ? "refused" : "io-" + e.getCause();
    }
    tally.add(kind, Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * {@code 503-problem} for a 503 {@code service-unavailable} problem+json, else the status (with
   * the problem type's last segment when there is one).
   */
  static String kind(Http.Response answer) {
    String type = problemType(answer);
    if (answer.status() == 503 && type.endsWith("/service-unavailable")) {
      return "503-problem";
    }
    return Integer.toString(answer.status());
  }

  private static String problemType(Http.Response answer) {
    if (!String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json")) {
      return "";
    }
    try {
      return answer.json().path("type").asString("");
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static String describe(WriteLoad.Write w) {
    return w.answer() == null ? "no-answer" : kind(w.answer());
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
