package org.govchain.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.process.AppProcess;
import org.govchain.testsupport.process.Http;

/**
 * The soak (case 7): mixed traffic at a steady rate across every record service through the gateway
 * — per service each second one creating write (a new record, with its {@code Idempotency-Key}),
 * two reads of a record, one read of a record's proof bundle and one anonymous read of the log's
 * checkpoint — with the auth server's tokens renewed every minute, as front-ends would. The rate is
 * open: each request is due at its own moment whatever the answers before it, and its latency runs
 * from that moment (a slow answer delays no one's clock).
 *
 * <p>A minute's warm-up first; then, the traffic paused and every answer in, each JVM's figures
 * ({@link ProcessStats}: heap after a full collection, threads, sockets, CPU) at the start; the
 * measured run, sampling the heaps every five minutes; the same figures at the end, paused again.
 */
final class Soak {

  /** Requests per second of each kind, per record service. */
  private static final int WRITES = 1;

  private static final int READS = 2;
  private static final int PROOFS = 1;
  private static final int CHECKPOINTS = 1;

  /** A record's proof is read once it is this old: the log anchors every second, confirmed once. */
  private static final Duration PROOF_AGE = Duration.ofSeconds(20);

  private static final Duration SAMPLE_EVERY = Duration.ofMinutes(5);
  private static final Duration TOKEN_EVERY = Duration.ofMinutes(1);
  private static final List<String> ROLES =
      Stream.concat(
              Arrays.stream(RecordKind.values()).map(RecordKind::writerRole), Stream.of("auditor"))
          .toList();

  private final Campaign campaign;
  private final Map<RecordKind, WriteLoad> loads;
  private final Map<RecordKind, List<Record>> records = new EnumMap<>(RecordKind.class);
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final Random random = new Random();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ExecutorService workers = Executors.newFixedThreadPool(48, daemon("soak-request"));
  private volatile Map<String, Figures> figures = new LinkedHashMap<>();

  /** A record a soak write made: its id, and when it was acknowledged ({@link System#nanoTime}). */
  private record Record(String id, long at) {}

  /**
   * @param loads each service's writer: every write the soak makes is one of its writes
   */
  Soak(Campaign campaign, Map<RecordKind, WriteLoad> loads) {
    this.campaign = campaign;
    this.loads = loads;
    for (RecordKind kind : RecordKind.values()) {
      List<Record> known = new CopyOnWriteArrayList<>();
      // records earlier cases made are read too, as old as a proof needs
      campaign.service(kind).records().keySet().forEach(id -> known.add(new Record(id, 0)));
      records.put(kind, known);
    }
    renewTokens();
  }

  /** What a phase's requests of one kind got: answers counted by kind, latencies. */
  static final class Figures {
    private final Tally answers = new Tally();
    private final List<Long> micros = new CopyOnWriteArrayList<>();

    void add(String answer, long latencyNanos) {
      answers.add(answer, Duration.ofNanos(latencyNanos));
      micros.add(latencyNanos / 1_000);
    }

    Tally answers() {
      return answers;
    }

    int count() {
      return micros.size();
    }

    /** The {@code p}-th percentile latency (nearest rank), in milliseconds. */
    double percentileMs(double p) {
      long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
      if (sorted.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(0, rank - 1)] / 1000.0;
    }
  }

  /**
   * The figures of the last phase, by request kind ({@code seal-service create}, …, {@code token}).
   */
  Map<String, Figures> figures() {
    return figures;
  }

  /**
   * Runs the traffic for {@code length}, new figures for it; {@code during} runs beside it every
   * {@code every} (the heap samples). Returns once every request of the phase has its answer.
   */
  void phase(Duration length, Duration every, Runnable during) {
    Map<String, Figures> phase = new LinkedHashMap<>();
    for (RecordKind kind : RecordKind.values()) {
      for (String op : List.of("create", "read", "proof", "checkpoint")) {
        phase.put(kind.module() + " " + op, new Figures());
      }
    }
    phase.put("token", new Figures());
    figures = phase;
    ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, daemon("soak-clock"));
    long start = System.nanoTime();
    for (RecordKind kind : RecordKind.values()) {
      Http http = campaign.viaGateway();
      every(clock, start, WRITES, phase.get(kind.module() + " create"), () -> create(http, kind));
      every(clock, start, READS, phase.get(kind.module() + " read"), () -> read(http, kind, false));
      every(
          clock, start, PROOFS, phase.get(kind.module() + " proof"), () -> read(http, kind, true));
      every(
          clock,
          start,
          CHECKPOINTS,
          phase.get(kind.module() + " checkpoint"),
          () -> answer(http.get(kind.prefix() + "/log/checkpoint", null), 200));
    }
    Figures tokenFigures = phase.get("token");
    long tokenPeriod = TOKEN_EVERY.toNanos();
    clock.scheduleAtFixedRate(
        () -> submit(tokenFigures, System.nanoTime(), this::renewTokens),
        tokenPeriod,
        tokenPeriod,
        TimeUnit.NANOSECONDS);
    ExecutorService sampler = Executors.newSingleThreadExecutor(daemon("soak-sampler"));
    if (during != null) {
      clock.scheduleAtFixedRate(
          () -> sampler.execute(during), every.toNanos(), every.toNanos(), TimeUnit.NANOSECONDS);
    }
    try {
      Thread.sleep(length.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      clock.shutdownNow();
      sampler.shutdown();
    }
    Await.until(
        "every request of the soak's phase answered",
        Http.REQUEST_TIMEOUT.plusSeconds(10),
        Duration.ofMillis(50),
        () -> inFlight.get() == 0);
    try {
      sampler.awaitTermination(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the soak's request threads. */
  void close() {
    workers.shutdownNow();
  }

  /** The soak's service records that were acknowledged, every write it made by service. */
  Map<RecordKind, List<WriteLoad.Write>> writes() {
    Map<RecordKind, List<WriteLoad.Write>> all = new EnumMap<>(RecordKind.class);
    loads.forEach((kind, load) -> all.put(kind, load.awaitEnd(Duration.ofSeconds(1))));
    return all;
  }

  /** Every JVM of the campaign: the gateway, the auth server, each record service. */
  List<ProcessStats> processes() {
    List<ProcessStats> stats = new ArrayList<>();
    stats.add(ProcessStats.of("gateway", campaign.gateway().pid()));
    stats.add(ProcessStats.of("auth-server", campaign.auth().process().pid()));
    for (RecordKind kind : RecordKind.values()) {
      stats.add(ProcessStats.of(kind.module(), campaign.service(kind).process().pid()));
    }
    return stats;
  }

  /** Lines of every process log of the campaign that report a Netty leak. */
  static List<String> leakReports() {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(AppProcess.logDirectory())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
        try (Stream<String> lines = Files.lines(file)) {
          lines
              .filter(l -> l.contains("LEAK:"))
              .forEach(l -> found.add(file.getFileName() + ": " + l));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /**
   * Schedules {@code perSecond} requests a second from {@code start}: the n-th is due at {@code
   * start + n/perSecond} and its latency counts from then.
   */
  private void every(
      ScheduledExecutorService clock,
      long start,
      int perSecond,
      Figures figures,
      Supplier<String> request) {
    long period = 1_000_000_000L / perSecond;
    AtomicLong n = new AtomicLong();
    // each series starts at its own offset in the second, so that not every request is due at once
    long offset = (long) (random.nextDouble() * period);
    clock.scheduleAtFixedRate(
        () -> submit(figures, start + offset + n.getAndIncrement() * period, request),
        offset,
        period,
        TimeUnit.NANOSECONDS);
  }

  private void submit(Figures figures, long due, Runnable request) {
    submit(
        figures,
        due,
        () -> {
          request.run();
          return "200";
        });
  }

  private void submit(Figures figures, long due, Supplier<String> request) {
    inFlight.incrementAndGet();
    workers.execute(
        () -> {
          try {
            String answer;
            try {
              answer = request.get();
            } catch (RuntimeException e) {
              answer = "failed: " + e.getClass().getSimpleName();
            }
            if (answer != null) {
              figures.add(answer, System.nanoTime() - due);
            }
          } finally {
            inFlight.decrementAndGet();
          }
        });
  }

  private String create(Http http, RecordKind kind) {
    WriteLoad.Write write = loads.get(kind).writeOnce(http, 0, tokens.get(kind.writerRole()));
    if (write.acknowledged()) {
      records.get(kind).add(new Record(write.id(), System.nanoTime()));
      return "201";
    }
    return write.failure();
  }

  /** A read of a record (its proof bundle, if {@code proof}); null while there is none to read. */
  private String read(Http http, RecordKind kind, boolean proof) {
    List<Record> known = records.get(kind);
    long oldEnough = System.nanoTime() - PROOF_AGE.toNanos();
    List<Record> candidates =
        proof ? known.stream().filter(r -> r.at() < oldEnough).toList() : known;
    if (candidates.isEmpty()) {
      return null;
    }
    String id = candidates.get(random.nextInt(candidates.size())).id();
    String path = kind.readPath(id) + (proof ? "/proof" : "");
    return answer(http.get(path, tokens.get("auditor")), 200);
  }

  private static String answer(Http.Response answer, int expected) {
    if (answer.status() == expected) {
      return Integer.toString(expected);
    }
    WriteLoad.REFUSALS.add(answer.text());
    String text = answer.text().replaceAll("\\s+", " ");
    return answer.status() + " " + text.substring(0, Math.min(160, text.length()));
  }

  private void renewTokens() {
    for (String role : ROLES) {
      tokens.put(role, campaign.token(role));
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
