package org.govchain.bench.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govchain.bench.load.BenchTokens;
import org.govchain.bench.load.Calls;
import org.govchain.bench.load.LoadLoop;
import org.govchain.bench.load.Processes;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.samples.SealSamples;

/**
 * Gateway overhead: the same authenticated read ({@code GET /api/seal/seals/{id}}, a database read
 * and JSON) sent straight to the seal service and through the gateway, in interleaved rounds of a
 * closed loop with a fixed number of concurrent clients, reporting throughput, p50 and p99 of each
 * and their ratios. Starts the packaged seal service and gateway itself (real processes, a real
 * PostgreSQL from test-support) so both see the same machine at the same time.
 *
 * <p>Arguments (all optional): {@code concurrency=8 rounds=6 seconds=10 warmup=60
 * sealJar=seal-service/target/seal-service-0.1.0-SNAPSHOT.jar
 * gatewayJar=gateway/target/gateway-0.1.0-SNAPSHOT.jar compareGatewayJar=<another gateway jar>
 * gatewayLabel=... compareLabel=... gatewayArgs=key=value,key=value gatewayJvm="-XX:opt -Dx=y"
 * sealJvm=...} (extra gateway settings and JVM options, for diagnosis). Besides latencies it
 * records the CPU time (user + system) the gateway, the service and this program spend during each
 * load, per request: on a shared machine that is steadier than throughput.
 */
public final class GatewayOverheadBenchmark {

  private GatewayOverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new java.util.HashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      options.put(a.substring(0, eq), a.substring(eq + 1));
    }
    int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "6"));
    Duration round = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "10")));
    Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "60")));
    Path sealJar =
        Path.of(
            options.getOrDefault("sealJar", "seal-service/target/seal-service-0.1.0-SNAPSHOT.jar"));
    Path gatewayJar =
        Path.of(options.getOrDefault("gatewayJar", "gateway/target/gateway-0.1.0-SNAPSHOT.jar"));
    String compareJar = options.getOrDefault("compareGatewayJar", "");
    Path work = Files.createDirectories(Path.of("bench/target/gateway-bench"));

    BenchTokens tokens = BenchTokens.create();
    String clerk = tokens.token("bench-clerk", "seal-clerk");
    String auditor = tokens.token("bench-auditor", "auditor");
    String admin = tokens.token("bench-admin", "admin");

    List<Processes.App> started = new ArrayList<>();
    try (PostgresServer pg = PostgresServer.startOrConnect()) {
      PostgresServer.Database db = pg.newDatabase();
      int sealPort = Processes.freePort();
      List<String> sealArgs = new ArrayList<>();
      for (String p : db.springProperties()) {
        sealArgs.add("--" + p);
      }
      sealArgs.add("--govchain.seal.ca.data-dir=" + work.resolve("seal-data").toAbsolutePath());
      sealArgs.add("--logging.level.org.govchain.request=WARN");
      Map<String, String> jwtEnv =
          Map.of("GOVCHAIN_JWT_PUBLIC_KEY_LOCATION", tokens.publicKeyLocation());
      Processes.App seal =
          Processes.start(
              "seal-service",
              sealJar,
              sealPort,
              work,
              env(jwtEnv, "SEAL_PORT", sealPort),
              words(options.getOrDefault("sealJvm", "")),
              sealArgs);
      started.add(seal);
      List<Processes.App> gateways = new ArrayList<>();
      gateways.add(startGateway("gateway", gatewayJar, work, tokens, seal, options));
      if (!compareJar.isBlank()) {
        gateways.add(
            startGateway("gateway-compare", Path.of(compareJar), work, tokens, seal, options));
      }
      started.addAll(gateways);

      HttpClient client = HttpClient.newBuilder().build();
      String sealId = createSeal(client, seal.baseUrl(), clerk);
      String path = "/api/seal/seals/" + sealId;
      List<Target> targets = new ArrayList<>();
      targets.add(
          new Target(
              "straight to seal-service",
              LoadLoop.get(client, seal.baseUrl() + path, auditor, concurrency),
              null));
      targets.add(
          new Target(
              options.getOrDefault("gatewayLabel", "through the gateway"),
              LoadLoop.get(client, gateways.get(0).baseUrl() + path, auditor, concurrency),
              gateways.get(0)));
      if (gateways.size() > 1) {
        targets.add(
            new Target(
                options.getOrDefault("compareLabel", "through the gateway (compareGatewayJar)"),
                LoadLoop.get(client, gateways.get(1).baseUrl() + path, auditor, concurrency),
                gateways.get(1)));
      }

      System.out.printf(
          "warming up %s each (%d clients); then %d interleaved rounds of %s%n",
          warmup, concurrency, rounds, round);
      Meter meter = new Meter(seal, gateways, client, admin);
      for (Target t : targets) {
        meter.run(t, warmup);
      }
      String idle = meter.idle(Duration.ofSeconds(5));
      System.out.println(idle);
      List<Measured> totals = new ArrayList<>();
      targets.forEach(t -> totals.add(Measured.EMPTY));
      List<String> roundRows = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        // each round starts with another path, so no path always follows the same one
        for (int k = 0; k < targets.size(); k++) {
          int i = (r + k) % targets.size();
          Measured m = meter.run(targets.get(i), round);
          String row =
              String.format(
                  "| %d | %s | %,.0f | %.2f / %.2f | %s | %s | %.3f | %s |",
                  r + 1,
                  targets.get(i).name(),
                  m.load().throughput(),
                  m.load().p50Millis(),
                  m.load().p99Millis(),
                  targets.get(i).gateway() == null
                      ? "—"
                      : String.format("%.3f", m.gatewayCpuMillisPerRequest()),
                  targets.get(i).gateway() == null
                      ? "—"
                      : String.format("%.1f", m.gatewayKibPerRequest()),
                  m.serviceCpuMillisPerRequest(),
                  loadAverage());
          System.out.println(row);
          roundRows.add(row);
          totals.set(i, totals.get(i).plus(m));
        }
      }
      String report = report(concurrency, rounds, round, warmup, roundRows, targets, totals, idle);
      Files.writeString(work.resolve("report.md"), report);
      System.out.println(report);
    } finally {
      for (int i = started.size() - 1; i >= 0; i--) {
        started.get(i).close();
      }
    }
  }

  private static Processes.App startGateway(
      String name,
      Path jar,
      Path work,
      BenchTokens tokens,
      Processes.App seal,
      Map<String, String> options)
      throws IOException, InterruptedException {
    int port = Processes.freePort();
    return Processes.start(
        name,
        jar,
        port,
        work,
        env(
            Map.of(
                "GOVCHAIN_JWT_PUBLIC_KEY_LOCATION", tokens.publicKeyLocation(),
                "GOVCHAIN_SEAL_URL", seal.baseUrl(),
                // the limits are not what is measured here
                "GOVCHAIN_RATE_LIMIT_REQUESTS", "100000000"),
            "GATEWAY_PORT",
            port),
        words(options.getOrDefault("gatewayJvm", "")),
        gatewayArgs(options));
  }

  /** A path to measure: its name, its load, and the gateway it goes through (none if direct). */
  record Target(String name, LoadLoop loop, Processes.App gateway) {}

  /** The gateway's arguments: quiet request logs, plus {@code gatewayArgs=a,b} from the caller. */
  private static List<String> gatewayArgs(Map<String, String> options) {
    List<String> args = new ArrayList<>(List.of("--logging.level.org.govchain.request=WARN"));
    String extra = options.getOrDefault("gatewayArgs", "");
    for (String a : extra.split(",")) {
      if (!a.isBlank()) {
        args.add("--" + a.strip());
      }
    }
    return args;
  }

  private static Map<String, String> env(Map<String, String> base, String portVariable, int port) {
    Map<String, String> env = new java.util.HashMap<>(base);
    env.put(portVariable, Integer.toString(port));
    return env;
  }

  static String report(
      int concurrency,
      int rounds,
      Duration round,
      Duration warmup,
      List<String> roundRows,
      List<Target> targets,
      List<Measured> totals,
      String idle) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "GET /api/seal/seals/{id}, %d concurrent clients, %s warm-up of each path, %d"
                + " interleaved rounds of %s each (%s UTC)%n%n",
            concurrency, warmup, rounds, round, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    out.append(
        "| round | path | req/s | p50 / p99 (ms) | gateway CPU ms/req | gateway KiB allocated/req"
            + " | service CPU ms/req | load average (1, 5, 15 min) |\n");
    out.append("|---:|---|---:|---:|---:|---:|---:|---|\n");
    roundRows.forEach(r -> out.append(r).append('\n'));
    out.append('\n');
    out.append(
        "| path | requests | errors | throughput (req/s) | p50 (ms) | p99 (ms)"
            + " | gateway CPU ms/req | gateway KiB allocated/req | service CPU ms/req"
            + " | load generator CPU ms/req |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < targets.size(); i++) {
      row(out, targets.get(i), totals.get(i));
    }
    LoadLoop.Result direct = totals.get(0).load();
    for (int i = 1; i < targets.size(); i++) {
      LoadLoop.Result g = totals.get(i).load();
      out.append(
          String.format(
              "| **%s / direct** | | | **%.2f** | **%.2f** | **%.2f** | | | | |%n",
              targets.get(i).name(),
              g.throughput() / direct.throughput(),
              g.p50Millis() / direct.p50Millis(),
              g.p99Millis() / direct.p99Millis()));
    }
    out.append(
        String.format(
            "%nCPU: user + system time of each process over the measured rounds (from /proc),"
                + " divided by the requests of that path; allocation: the gateway JVM's"
                + " jvm.gc.memory.allocated over the same time (a full GC before and after each"
                + " load, outside the measured time). %s Load average at the end: %s.%n",
            idle, loadAverage()));
    return out.toString();
  }

  private static void row(StringBuilder out, Target target, Measured m) {
    LoadLoop.Result r = m.load();
    out.append(
        String.format(
            "| %s | %,d | %d | %,.0f | %.2f | %.2f | %s | %s | %.3f | %.3f |%n",
            target.name(),
            r.requests(),
            r.errors(),
            r.throughput(),
            r.p50Millis(),
            r.p99Millis(),
            target.gateway() == null ? "—" : String.format("%.3f", m.gatewayCpuMillisPerRequest()),
            target.gateway() == null ? "—" : String.format("%.1f", m.gatewayKibPerRequest()),
            m.serviceCpuMillisPerRequest(),
            m.clientCpuMillisPerRequest()));
  }

  /** JVM options separated by spaces (they may contain commas themselves). */
  private static List<String> words(String spaceSeparated) {
    return List.of(spaceSeparated.strip().split("\\s+")).stream()
        .filter(w -> !w.isEmpty())
        .toList();
  }

  /** The first three fields of {@code /proc/loadavg}, or "?" where there is none. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + ", " + fields[1] + ", " + fields[2];
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "?";
    }
  }

  /** Runs a load and records the CPU time each process spent meanwhile. */
  private record Meter(
      Processes.App seal, List<Processes.App> gateways, HttpClient client, String adminToken) {

    private static final Pattern COUNT = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");

    /**
     * Bytes the gateway's JVM has allocated so far: a full GC first (outside the measured time), so
     * that Micrometer's {@code jvm.gc.memory.allocated}, which is brought up to date at each GC,
     * covers everything. Unlike CPU time, allocation per request does not grow when other processes
     * compete for the cores.
     */
    long allocatedBytes(Processes.App gateway) throws InterruptedException {
      try {
        Process gc =
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(gateway.pid()),
                    "GC.run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!gc.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || gc.exitValue() != 0) {
          return -1;
        }
        HttpResponse<String> metric =
            client.send(
                HttpRequest.newBuilder(
                        URI.create(gateway.baseUrl() + "/actuator/metrics/jvm.gc.memory.allocated"))
                    .header("Authorization", "Bearer " + adminToken)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher value = COUNT.matcher(metric.body());
        return metric.statusCode() == 200 && value.find()
            ? (long) Double.parseDouble(value.group(1))
            : -1;
      } catch (IOException e) {
        return -1;
      }
    }

    /** CPU the processes use without requests (timers, background work), per second. */
    String idle(Duration duration) throws InterruptedException {
      long[] g0 = gateways.stream().mapToLong(Processes.App::cpuNanos).toArray();
      long s0 = seal.cpuNanos();
      Thread.sleep(duration.toMillis()); // nothing to wait for: a quiet period is what is measured
      double seconds = duration.toNanos() / 1e9;
      StringBuilder gatewaysIdle = new StringBuilder();
      for (int i = 0; i < gateways.size(); i++) {
        gatewaysIdle.append(
            String.format(
                "%s%.1f",
                i == 0 ? "" : " and ", (gateways.get(i).cpuNanos() - g0[i]) / 1e6 / seconds));
      }
      return String.format(
          "Without requests (%d s after the warm-up) the gateway used %s ms of CPU per second"
              + " and the service %.1f ms.",
          duration.toSeconds(), gatewaysIdle, (seal.cpuNanos() - s0) / 1e6 / seconds);
    }

    Measured run(Target target, Duration duration) throws InterruptedException {
      Processes.App gateway = target.gateway();
      long a0 = gateway == null ? 0 : allocatedBytes(gateway);
      long g0 = gateway == null ? 0 : gateway.cpuNanos();
      long s0 = seal.cpuNanos();
      long c0 = Processes.App.cpuNanos(ProcessHandle.current());
      LoadLoop.Result result = target.loop().run(duration);
      long g1 = gateway == null ? 0 : gateway.cpuNanos();
      long s1 = seal.cpuNanos();
      long c1 = Processes.App.cpuNanos(ProcessHandle.current());
      long a1 = gateway == null ? 0 : allocatedBytes(gateway);
      return new Measured(
          result, g1 - g0, s1 - s0, c1 - c0, a0 < 0 || a1 < 0 ? Long.MIN_VALUE / 4 : a1 - a0);
    }
  }

  /**
   * A load's result with the CPU time (ns) of the gateway, the service and this program, and the
   * bytes the gateway allocated (negative when unknown).
   */
  record Measured(
      LoadLoop.Result load,
      long gatewayCpuNanos,
      long serviceCpuNanos,
      long clientCpuNanos,
      long gatewayAllocatedBytes) {

    static final Measured EMPTY = new Measured(LoadLoop.Result.EMPTY, 0, 0, 0, 0);

    Measured plus(Measured o) {
      return new Measured(
          load.plus(o.load),
          gatewayCpuNanos + o.gatewayCpuNanos,
          serviceCpuNanos + o.serviceCpuNanos,
          clientCpuNanos + o.clientCpuNanos,
          gatewayAllocatedBytes + o.gatewayAllocatedBytes);
    }

    /** KiB the gateway allocated per request, or NaN when unknown. */
    double gatewayKibPerRequest() {
      return gatewayAllocatedBytes < 0 || load.requests() == 0
          ? Double.NaN
          : gatewayAllocatedBytes / 1024.0 / load.requests();
    }

    double gatewayCpuMillisPerRequest() {
      return perRequest(gatewayCpuNanos);
    }

    double serviceCpuMillisPerRequest() {
      return perRequest(serviceCpuNanos);
    }

    double clientCpuMillisPerRequest() {
      return perRequest(clientCpuNanos);
    }

    private double perRequest(long nanos) {
      return load.requests() == 0 ? Double.NaN : nanos / 1e6 / load.requests();
    }
  }

  private static String createSeal(HttpClient client, String baseUrl, String clerk)
      throws IOException, InterruptedException {
    return Calls.field(
        Calls.send(
            client,
            Calls.post(
                baseUrl + "/api/seal/seals",
                clerk,
                new ObjectMapper().writeValueAsString(SealSamples.sealRequest("bench seal")),
                false),
            201),
        "id");
  }
}
