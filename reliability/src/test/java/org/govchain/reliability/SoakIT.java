package org.govchain.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.govchain.testsupport.process.AppProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Case 7 of the fault campaign, the soak: {@code govchain.reliability.soak} (default 30 minutes) of
 * mixed traffic at a steady rate across every record service through the gateway ({@link Soak}),
 * after a minute's warm-up. Counted: every request and what it got (error rate), latency
 * percentiles by kind of request, and each JVM's heap after a full collection, threads, open
 * sockets and descriptors at the start and the end. Passes when no request failed, nothing grew
 * past its allowance, no process log reports a Netty leak (the long part runs every JVM with {@code
 * -Dio.netty.leakDetection.level=paranoid}), and every record the soak made is in its log once,
 * readable and anchored VALID ({@link KillCase}). The long part runs it; {@code ./mvnw verify}
 * leaves it out (it is half an hour).
 */
@ExtendWith(CampaignExtension.class)
class SoakIT {

  private static final Duration WARM_UP = Duration.ofMinutes(1);
  private static final Duration SAMPLE_EVERY = Duration.ofMinutes(5);

  /**
   * The quiet before the start's and the end's figures: longer than the servers' idle timeout
   * ({@code GOVCHAIN_SERVER_IDLE_TIMEOUT}, 60 s), so both count the connections a process holds at
   * rest — not the keep-alive connections the last busy moment left open, which the timeout closes.
   */
  private static final Duration REST = Duration.ofSeconds(70);

  /** What the heap after a full collection may grow by: a quarter, at least 16 MB. */
  private static final long HEAP_ALLOWANCE_KB = 16 * 1024;

  /**
   * Threads and sockets the end may hold beyond the start: pools that grow on demand (Reactor's
   * bounded elastic threads, the database pool's connections) and shrink when idle.
   */
  private static final int THREAD_ALLOWANCE = 8;

  private static final int SOCKET_ALLOWANCE = 8;

  /** A bound on every kind of request's 99th percentile, far above any answer a city would take. */
  private static final double P99_BOUND_MS = 2_000;

  private static void rest() {
    try {
      Thread.sleep(REST.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void mixedTrafficAtASteadyRateAcrossEveryService(Campaign campaign) {
    Duration length = Campaign.duration("govchain.reliability.soak", Duration.ofMinutes(30));
    Map<RecordKind, KillCase> cases = new EnumMap<>(RecordKind.class);
    for (RecordKind kind : RecordKind.values()) {
      cases.put(kind, new KillCase(campaign, kind, new Random()));
    }
    Campaign.eachAtOnce(cases.values(), KillCase::startOrReuse);
    Map<RecordKind, WriteLoad> loads = new EnumMap<>(RecordKind.class);
    cases.forEach((kind, c) -> loads.put(kind, c.newLoad()));
    Soak soak = new Soak(campaign, loads);
    List<ProcessStats> start;
    List<ProcessStats> end;
    Map<String, Soak.Figures> measured;
    try {
      soak.phase(WARM_UP, SAMPLE_EVERY, null);
      rest();
      start = soak.processes();
      start.forEach(p -> KillCase.report("soak start " + p.summary()));
      soak.phase(
          length,
          SAMPLE_EVERY,
          () -> soak.processes().forEach(p -> KillCase.report("soak sample " + p.summary())));
      measured = soak.figures();
      rest();
      end = soak.processes();
      end.forEach(p -> KillCase.report("soak end " + p.summary()));
    } finally {
      soak.close();
    }

    int requests = 0;
    int errors = 0;
    for (Map.Entry<String, Soak.Figures> e : measured.entrySet()) {
      Soak.Figures f = e.getValue();
      String expected = e.getKey().endsWith(" create") ? "201" : "200";
      int failed = f.answers().otherThan(expected);
      requests += f.count();
      errors += failed;
      KillCase.report(
          String.format(
              "soak requests %s count=%d errors=%d p50-ms=%.1f p99-ms=%.1f max-ms=%.1f answers: %s",
              e.getKey(),
              f.count(),
              failed,
              f.percentileMs(50),
              f.percentileMs(99),
              f.percentileMs(100),
              f.answers()));
    }
    KillCase.report(
        String.format(
            "soak length=%s requests=%d errors=%d error-rate=%.5f jvm-options=\"%s\"",
            length,
            requests,
            errors,
            requests == 0 ? 0.0 : (double) errors / requests,
            System.getProperty(AppProcess.JVM_OPTIONS_PROPERTY, "")));
    for (int i = 0; i < start.size(); i++) {
      ProcessStats a = start.get(i);
      ProcessStats b = end.get(i);
      KillCase.report(
          String.format(
              "soak growth %s heap-after-gc=%+dK threads=%+d sockets=%+d fds=%+d cpu-ms=%d"
                  + " cpu-percent-of-a-core=%.1f",
              a.name(),
              b.heapAfterGcKb() - a.heapAfterGcKb(),
              b.threads() - a.threads(),
              b.sockets() - a.sockets(),
              b.descriptors() - a.descriptors(),
              b.cpu().toMillis() - a.cpu().toMillis(),
              100.0 * (b.cpu().toMillis() - a.cpu().toMillis()) / length.toMillis()));
    }

    // every record the soak made, as after a fault: in its log once, readable, anchored VALID
    Map<RecordKind, List<WriteLoad.Write>> writes = soak.writes();
    List<AssertionError> failures = new ArrayList<>();
    cases.forEach(
        (kind, c) -> {
          try {
            c.checkAfter(
                KillCase.Moment.SOAK,
                "no fault: " + length + " of mixed traffic",
                c.newLoad(),
                writes.get(kind));
          } catch (AssertionError e) {
            failures.add(e);
          }
        });

    SoftAssertions soft = new SoftAssertions();
    failures.forEach(soft::fail);
    soft.assertThat(requests).as("requests answered in the soak").isPositive();
    soft.assertThat(errors).as("requests that got anything but their success").isZero();
    measured.forEach(
        (kind, f) ->
            soft.assertThat(f.percentileMs(99))
                .as("p99 of %s, ms", kind)
                .isLessThanOrEqualTo(P99_BOUND_MS));
    for (int i = 0; i < start.size(); i++) {
      ProcessStats a = start.get(i);
      ProcessStats b = end.get(i);
      assertThat(b.pid()).as("%s ran the whole soak in one life", a.name()).isEqualTo(a.pid());
      soft.assertThat(b.heapAfterGcKb())
          .as("%s heap after a full collection, KB (start %d)", a.name(), a.heapAfterGcKb())
          .isLessThanOrEqualTo(
              a.heapAfterGcKb() + Math.max(HEAP_ALLOWANCE_KB, a.heapAfterGcKb() / 4));
      soft.assertThat(b.threads())
          .as("%s threads (start %d)", a.name(), a.threads())
          .isLessThanOrEqualTo(a.threads() + THREAD_ALLOWANCE);
      soft.assertThat(b.sockets())
          .as("%s open sockets (start %d)", a.name(), a.sockets())
          .isLessThanOrEqualTo(a.sockets() + SOCKET_ALLOWANCE);
      String options = System.getProperty(AppProcess.JVM_OPTIONS_PROPERTY, "");
      if (options.contains("-Dio.netty.leakDetection.level=")) {
        soft.assertThat(options)
            .as("%s runs with the leak detection asked for", a.name())
            .contains("-Dio.netty.leakDetection.level=" + b.leakDetection());
      }
    }
    soft.assertThat(Soak.leakReports()).as("Netty leak reports in the process logs").isEmpty();
    soft.assertAll();
  }
}
