package org.govchain.bench.writes;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.govchain.bench.load.BenchTokens;
import org.govchain.bench.load.JfrProfile;
import org.govchain.bench.load.LoadLoop;
import org.govchain.bench.load.PostgresCpu;
import org.govchain.bench.load.Processes;
import org.govchain.testsupport.PostgresServer;

/**
 * What the services' write benchmarks share: one record service and a gateway in front of it,
 * started as processes against a fresh database of a real PostgreSQL (test-support's); each write
 * loaded straight to the service and through the gateway in interleaved rounds of a closed loop,
 * after a warm-up; throughput, p50, p99 and the CPU milliseconds per request of the service, the
 * gateway, PostgreSQL and the load generator; then a JFR profile of each write through the gateway.
 * Optionally a second jar of the same service (another commit's) on a database of its own, loaded
 * straight as a third path in the same rounds, for before/after figures from one run.
 */
final class WritesRun {

  private WritesRun() {}

  /** The common arguments: {@code concurrency rounds seconds warmup profile}, and the others. */
  record Options(Map<String, String> values) {

    static Options parse(String[] args) {
      Map<String, String> values = new HashMap<>();
      for (String a : args) {
        int eq = a.indexOf('=');
        if (eq < 1) {
          throw new IllegalArgumentException("arguments are name=value, not " + a);
        }
        values.put(a.substring(0, eq), a.substring(eq + 1));
      }
      return new Options(values);
    }

    String get(String name, String otherwise) {
      return values.getOrDefault(name, otherwise);
    }

    int integer(String name, int otherwise) {
      return Integer.parseInt(get(name, Integer.toString(otherwise)));
    }

    int concurrency() {
      return integer("concurrency", 8);
    }

    int rounds() {
      return integer("rounds", 3);
    }

    Duration round() {
      return Duration.ofSeconds(integer("seconds", 10));
    }

    Duration warmup(int otherwise) {
      return Duration.ofSeconds(integer("warmup", otherwise));
    }

    boolean profile() {
      return Boolean.parseBoolean(get("profile", "true"));
    }

    Path jar(String option, String module) {
      return Path.of(get(option, module + "/target/" + module + "-0.1.0-SNAPSHOT.jar"));
    }
  }

  /**
   * One write on one path: what to prepare before each load (not measured), what to do with each
   * load's result (size the next preparation), and the load itself.
   */
  record Target(
      String write,
      String path,
      boolean throughGateway,
      Processes.App measured,
      Runnable prepare,
      Consumer<LoadLoop.Result> observed,
      LoadLoop loop) {}

  /**
   * A record service and the gateway in front of it, on a fresh database; and, when asked for,
   * another jar of the service (the {@code compare} one) on a fresh database of its own.
   */
  static final class Suite implements AutoCloseable {
    final HttpClient client = HttpClient.newBuilder().build();
    final Processes.App service;
    final Processes.App gateway;
    final Processes.App compare;
    private final String serviceLabel;
    private final String compareLabel;
    private final PostgresServer postgres;
    private final List<PostgresServer.Database> databases;

    private Suite(
        PostgresServer postgres,
        List<PostgresServer.Database> databases,
        Processes.App service,
        Processes.App gateway,
        Processes.App compare,
        String serviceLabel,
        String compareLabel) {
      this.postgres = postgres;
      this.databases = databases;
      this.service = service;
      this.gateway = gateway;
      this.compare = compare;
      this.serviceLabel = serviceLabel;
      this.compareLabel = compareLabel;
    }

    /**
     * {@code VACUUM ANALYZE} of the service's database, before each load (not measured): what
     * autovacuum does on a server with its default settings, done the same way whatever the
     * server's (this machine's PostgreSQL runs with autovacuum off, and the log's queue of
     * unsequenced entries then grows dead rows its readers walk through).
     */
    void vacuum() {
      for (PostgresServer.Database database : databases) {
        try (java.sql.Connection c = database.connect();
            java.sql.Statement s = c.createStatement()) {
          s.execute("VACUUM ANALYZE");
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException("cannot vacuum the service's database", e);
        }
      }
    }

    /**
     * Starts {@code module}'s jar on a free port ({@code portVariable}) with the run's token key
     * and {@code env}, then the gateway routing to it ({@code urlVariable}); the gateway's rate
     * limit is raised (it is not what is measured), the rest is its default configuration.
     */
    static Suite start(
        String module,
        Path jar,
        String portVariable,
        String urlVariable,
        Map<String, String> env,
        Path gatewayJar,
        BenchTokens tokens,
        Path work)
        throws IOException, InterruptedException {
      return start(
          module, jar, null, portVariable, urlVariable, env, env, gatewayJar, tokens, work, null);
    }

    /**
     * As {@link #start(String, Path, String, String, Map, Path, BenchTokens, Path)}, and when
     * {@code compareJar} is not {@code null} that jar too, with {@code compareEnv}, on a database
     * of its own; {@code options}' {@code label} and {@code compareLabel} name the two in the
     * report.
     */
    static Suite start(
        String module,
        Path jar,
        Path compareJar,
        String portVariable,
        String urlVariable,
        Map<String, String> env,
        Map<String, String> compareEnv,
        Path gatewayJar,
        BenchTokens tokens,
        Path work,
        Options options)
        throws IOException, InterruptedException {
      PostgresServer postgres = PostgresServer.startOrConnect();
      List<Processes.App> started = new ArrayList<>();
      try {
        List<PostgresServer.Database> databases = new ArrayList<>();
        Processes.App service =
            startService(module, jar, portVariable, env, tokens, work, postgres, databases);
        started.add(service);
        Processes.App compare = null;
        if (compareJar != null) {
          compare =
              startService(
                  module + "-compare",
                  compareJar,
                  portVariable,
                  compareEnv,
                  tokens,
                  work,
                  postgres,
                  databases);
          started.add(compare);
        }
        int gatewayPort = Processes.freePort();
        Processes.App gateway =
            Processes.start(
                "gateway",
                gatewayJar,
                gatewayPort,
                work,
                Map.of(
                    "GOVCHAIN_JWT_PUBLIC_KEY_LOCATION",
                    tokens.publicKeyLocation(),
                    urlVariable,
                    service.baseUrl(),
                    "GATEWAY_PORT",
                    Integer.toString(gatewayPort),
                    "GOVCHAIN_RATE_LIMIT_REQUESTS",
                    "100000000"),
                List.of(),
                List.of("--logging.level.org.govchain.request=WARN"));
        return new Suite(
            postgres,
            databases,
            service,
            gateway,
            compare,
            options == null ? "the service" : options.get("label", "the service"),
            options == null ? "the compare jar" : options.get("compareLabel", "the compare jar"));
      } catch (IOException | InterruptedException | RuntimeException e) {
        for (Processes.App app : started) {
          app.close();
        }
        postgres.close();
        throw e;
      }
    }

    /** The service's jar on a free port against a new database (added to {@code databases}). */
    private static Processes.App startService(
        String name,
        Path jar,
        String portVariable,
        Map<String, String> env,
        BenchTokens tokens,
        Path work,
        PostgresServer postgres,
        List<PostgresServer.Database> databases)
        throws IOException, InterruptedException {
      PostgresServer.Database db = postgres.newDatabase();
      databases.add(db);
      int port = Processes.freePort();
      List<String> args = new ArrayList<>();
      for (String p : db.springProperties()) {
        args.add("--" + p);
      }
      args.add("--logging.level.org.govchain.request=WARN");
      Map<String, String> serviceEnv = new HashMap<>(env);
      serviceEnv.put("GOVCHAIN_JWT_PUBLIC_KEY_LOCATION", tokens.publicKeyLocation());
      serviceEnv.put(portVariable, Integer.toString(port));
      return Processes.start(name, jar, port, work, serviceEnv, List.of(), args);
    }

    /**
     * The write on both paths, straight first, then straight to the compare jar if there is one:
     * {@code requests} makes the request supplier for a base URL (a service's or the gateway's).
     */
    List<Target> bothPaths(
        String write,
        Runnable prepare,
        Consumer<LoadLoop.Result> observed,
        Function<String, Supplier<HttpRequest>> requests,
        Predicate<HttpResponse<byte[]>> success,
        int concurrency) {
      List<Target> targets = new ArrayList<>();
      List<Processes.App> entries = new ArrayList<>(List.of(service, gateway));
      if (compare != null) {
        entries.add(compare);
      }
      for (Processes.App entry : entries) {
        String path =
            entry == gateway
                ? "through the gateway"
                : "straight to " + (entry == service ? serviceLabel : compareLabel);
        targets.add(
            new Target(
                write,
                path,
                entry == gateway,
                entry == compare ? compare : service,
                prepare,
                observed,
                new LoadLoop(client, requests.apply(entry.baseUrl()), success, concurrency)));
      }
      return targets;
    }

    @Override
    public void close() throws IOException, InterruptedException {
      try {
        gateway.close();
        service.close();
        if (compare != null) {
          compare.close();
        }
      } finally {
        postgres.close();
      }
    }
  }

  /**
   * Warms each target up, measures them in interleaved rounds, profiles each through the gateway,
   * prints the rows as they come and the report at the end, and writes it to {@code
   * work/report.md}.
   */
  static String run(String title, Suite suite, List<Target> targets, Options options, Path work)
      throws IOException, InterruptedException {
    Duration round = options.round();
    Duration warmup = options.warmup(60);
    int rounds = options.rounds();
    Meter meter = new Meter(suite.service, suite.gateway);
    Processes.App compare = suite.compare;
    System.out.printf(
        "warming up %s each (%d clients); then %d interleaved rounds of %s%n",
        warmup, options.concurrency(), rounds, round);
    for (Target t : targets) {
      // until the warm-up time is spent: a load from a prepared pool ends early when it runs out
      long end = System.nanoTime() + warmup.toNanos();
      Measured m = Measured.EMPTY;
      while (System.nanoTime() < end) {
        t.prepare().run();
        suite.vacuum();
        Measured part = meter.run(t, Duration.ofNanos(Math.max(0, end - System.nanoTime())));
        t.observed().accept(part.load());
        m = m.plus(part);
      }
      System.out.printf(
          "warm-up %s %s: %,.0f/s, %d errors%n",
          t.write(), t.path(), m.load().throughput(), m.load().errors());
    }
    String idle = meter.idle(Duration.ofSeconds(5));
    System.out.println(idle);

    List<Measured> totals = new ArrayList<>();
    targets.forEach(t -> totals.add(Measured.EMPTY));
    List<String> roundRows = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < targets.size(); k++) {
        // each round starts with another target, so none always follows the same one
        int i = (r + k) % targets.size();
        Target t = targets.get(i);
        t.prepare().run();
        suite.vacuum();
        Measured m = meter.run(t, round);
        t.observed().accept(m.load());
        String row =
            String.format(
                "| %d | %s | %s | %,.0f | %.2f / %.2f | %d | %s | %s | %s | %s |",
                r + 1,
                t.write(),
                t.path(),
                m.load().throughput(),
                m.load().p50Millis(),
                m.load().p99Millis(),
                m.load().errors(),
                ms(m.serviceNanos(), m),
                t.throughGateway() ? ms(m.gatewayNanos(), m) : "—",
                ms(m.postgresNanos(), m),
                loadAverage());
        System.out.println(row);
        roundRows.add(row);
        totals.set(i, totals.get(i).plus(m));
      }
    }

    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            "%s, %d concurrent clients, %s warm-up of each, %d interleaved rounds of %s each (%s"
                + " UTC)%n%n",
            title,
            options.concurrency(),
            warmup,
            rounds,
            round,
            Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    report.append(
        "| round | write | path | req/s | p50 / p99 (ms) | errors | service CPU ms/req"
            + " | gateway CPU ms/req | PostgreSQL CPU ms/req | load average |\n");
    report.append("|---:|---|---|---:|---:|---:|---:|---:|---:|---|\n");
    roundRows.forEach(row -> report.append(row).append('\n'));
    report.append(
        "\n| write | path | requests | errors | req/s | p50 (ms) | p99 (ms) | service CPU ms/req"
            + " | gateway CPU ms/req | PostgreSQL CPU ms/req | load generator CPU ms/req |\n");
    report.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      Measured m = totals.get(i);
      report.append(
          String.format(
              "| %s | %s | %,d | %d | %,.0f | %.2f | %.2f | %s | %s | %s | %s |%n",
              t.write(),
              t.path(),
              m.load().requests(),
              m.load().errors(),
              m.load().throughput(),
              m.load().p50Millis(),
              m.load().p99Millis(),
              ms(m.serviceNanos(), m),
              t.throughGateway() ? ms(m.gatewayNanos(), m) : "—",
              ms(m.postgresNanos(), m),
              ms(m.clientNanos(), m)));
    }
    for (int i = 0; i < targets.size(); i++) {
      Target direct = targets.get(i);
      for (int j = 0; j < targets.size(); j++) {
        Target through = targets.get(j);
        if (!direct.throughGateway()
            && direct.measured() == suite.service
            && through.throughGateway()
            && through.write().equals(direct.write())) {
          LoadLoop.Result d = totals.get(i).load();
          LoadLoop.Result g = totals.get(j).load();
          report.append(
              String.format(
                  "| **%s: gateway / direct** | | | | **%.2f** | **%.2f** | **%.2f** | | | | |%n",
                  direct.write(),
                  g.throughput() / d.throughput(),
                  g.p50Millis() / d.p50Millis(),
                  g.p99Millis() / d.p99Millis()));
        }
        if (compare != null
            && !direct.throughGateway()
            && direct.measured() == suite.service
            && through.measured() == compare
            && through.write().equals(direct.write())) {
          Measured d = totals.get(i);
          Measured c = totals.get(j);
          report.append(
              String.format(
                  "| **%s: %s / %s** | | | | **%.2f** | **%.2f** | **%.2f** | **%.2f** | | | |%n",
                  direct.write(),
                  suite.compareLabel,
                  suite.serviceLabel,
                  c.load().throughput() / d.load().throughput(),
                  c.load().p50Millis() / d.load().p50Millis(),
                  c.load().p99Millis() / d.load().p99Millis(),
                  (double) c.serviceNanos()
                      / c.load().requests()
                      / ((double) d.serviceNanos() / d.load().requests())));
        }
      }
    }
    report.append(
        String.format(
            "%nCPU: user + system time over the measured rounds (from /proc; PostgreSQL: every"
                + " process named postgres), divided by the requests of that row. %s Load average"
                + " at the end: %s.%n",
            idle, loadAverage()));

    if (options.profile()) {
      for (Target t : targets) {
        if (!t.throughGateway()) {
          continue;
        }
        t.prepare().run();
        suite.vacuum();
        String stamp = t.write().replaceAll("[^A-Za-z0-9]+", "-");
        JfrProfile service =
            JfrProfile.start(suite.service.pid(), work.resolve(stamp + "-service.jfr"));
        JfrProfile gw = JfrProfile.start(suite.gateway.pid(), work.resolve(stamp + "-gateway.jfr"));
        Measured m = meter.run(t, round);
        Path serviceFile = service.stop();
        Path gatewayFile = gw.stop();
        report.append(
            String.format(
                "%n### CPU profile: %s through the gateway (JFR, %s, %,.0f req/s while"
                    + " recording)%n%n#### The service%n%n%s%n#### The gateway%n%n%s",
                t.write(),
                round,
                m.load().throughput(),
                JfrProfile.summary(serviceFile, 15),
                JfrProfile.summary(gatewayFile, 15)));
      }
    }
    Files.writeString(work.resolve("report.md"), report);
    System.out.println(report);
    return report.toString();
  }

  /** A load's result with the CPU (ns) of the service, gateway, PostgreSQL and this program. */
  record Measured(
      LoadLoop.Result load,
      long serviceNanos,
      long gatewayNanos,
      long postgresNanos,
      long clientNanos) {

    static final Measured EMPTY = new Measured(LoadLoop.Result.EMPTY, 0, 0, 0, 0);

    Measured plus(Measured o) {
      return new Measured(
          load.plus(o.load),
          serviceNanos + o.serviceNanos,
          gatewayNanos + o.gatewayNanos,
          postgresNanos < 0 || o.postgresNanos < 0 ? -1 : postgresNanos + o.postgresNanos,
          clientNanos + o.clientNanos);
    }
  }

  private static String ms(long nanos, Measured m) {
    return nanos < 0 || m.load().requests() == 0
        ? "?"
        : String.format("%.3f", nanos / 1e6 / m.load().requests());
  }

  /** Runs a load and records the CPU time each process spent meanwhile. */
  private record Meter(Processes.App service, Processes.App gateway) {

    /** The load of {@code target}; the service's CPU is that of the jar it loads. */
    Measured run(Target target, Duration duration) throws InterruptedException {
      Processes.App measured = target.measured();
      long s0 = measured.cpuNanos();
      long g0 = gateway.cpuNanos();
      long p0 = PostgresCpu.nanos();
      long c0 = Processes.App.cpuNanos(ProcessHandle.current());
      LoadLoop.Result result = target.loop().run(duration);
      long s1 = measured.cpuNanos();
      long g1 = gateway.cpuNanos();
      long p1 = PostgresCpu.nanos();
      long c1 = Processes.App.cpuNanos(ProcessHandle.current());
      return new Measured(result, s1 - s0, g1 - g0, p0 < 0 || p1 < 0 ? -1 : p1 - p0, c1 - c0);
    }

    /** CPU the processes use without requests (timers, the sequencer), per second. */
    String idle(Duration duration) throws InterruptedException {
      long s0 = service.cpuNanos();
      long g0 = gateway.cpuNanos();
      Thread.sleep(duration.toMillis()); // a quiet period is what is measured
      double seconds = duration.toNanos() / 1e9;
      return String.format(
          "Without requests (%d s after the warm-up) the service used %.1f ms of CPU per second"
              + " and the gateway %.1f ms.",
          duration.toSeconds(),
          (service.cpuNanos() - s0) / 1e6 / seconds,
          (gateway.cpuNanos() - g0) / 1e6 / seconds);
    }
  }

  /** The first three fields of {@code /proc/loadavg}, or "?" where there is none. */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + ", " + f[1] + ", " + f[2];
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "?";
    }
  }
}
