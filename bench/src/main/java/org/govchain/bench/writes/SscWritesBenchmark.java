package org.govchain.bench.writes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govchain.bench.load.BenchTokens;
import org.govchain.bench.load.JfrProfile;
import org.govchain.bench.load.LoadLoop;
import org.govchain.bench.load.PostgresCpu;
import org.govchain.bench.load.Processes;
import org.govchain.testsupport.PostgresServer;

/**
 * The social security card service's main writes end to end, straight to the service and through
 * the gateway, in interleaved rounds of a closed loop: QR codes verified by a service point ({@code
 * POST /api/ssc/qr-verifications}: the code checked and used, the verification logged) and cards
 * issued by a clerk ({@code POST /api/ssc/cards} with an {@code Idempotency-Key}: personal data
 * encrypted, the card and its event stored and logged). Starts the packaged service and gateway as
 * processes against a real PostgreSQL (test-support's), reports throughput, p50, p99 and the CPU
 * milliseconds per request of the service, the gateway, PostgreSQL and this program, then profiles
 * one more run of each write through the gateway with JFR.
 *
 * <p>Every QR code is single use: before each QR load, codes are issued for the activated cards
 * (not measured) and each request takes one; a load stops early if they run out. The codes are
 * valid 15 minutes here (the default 60 s would expire a pool issued before a round).
 *
 * <p>Arguments (all optional): {@code concurrency=8 rounds=3 seconds=10 warmup=60 cards=300
 * pool=20000 profile=true sscJar=social-security-card-service/target/…jar
 * gatewayJar=gateway/target/…jar}.
 */
public final class SscWritesBenchmark {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");
  private static final String VALID = "\"verdict\":\"VALID\"";

  private SscWritesBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      options.put(a.substring(0, eq), a.substring(eq + 1));
    }
    int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
    Duration round = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "10")));
    Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "60")));
    int cardCount = Integer.parseInt(options.getOrDefault("cards", "300"));
    int maxPool = Integer.parseInt(options.getOrDefault("pool", "20000"));
    boolean profile = Boolean.parseBoolean(options.getOrDefault("profile", "true"));
    Path sscJar =
        Path.of(
            options.getOrDefault(
                "sscJar",
                "social-security-card-service/target/social-security-card-service-0.1.0-SNAPSHOT.jar"));
    Path gatewayJar =
        Path.of(options.getOrDefault("gatewayJar", "gateway/target/gateway-0.1.0-SNAPSHOT.jar"));
    Path work = Files.createDirectories(Path.of("bench/target/ssc-writes"));

    BenchTokens tokens = BenchTokens.create(work);
    Clients clients =
        new Clients(
            tokens.token("bench-clerk", "ssc-clerk"),
            tokens.token("bench-holder", "card-holder"),
            tokens.token("bench-service-point", "service-point"));

    List<Processes.App> started = new ArrayList<>();
    try (PostgresServer pg = PostgresServer.startOrConnect()) {
      PostgresServer.Database db = pg.newDatabase();
      int sscPort = Processes.freePort();
      List<String> sscArgs = new ArrayList<>();
      for (String p : db.springProperties()) {
        sscArgs.add("--" + p);
      }
      sscArgs.add("--logging.level.org.govchain.request=WARN");
      Processes.App ssc =
          Processes.start(
              "social-security-card-service",
              sscJar,
              sscPort,
              work,
              Map.of(
                  "GOVCHAIN_JWT_PUBLIC_KEY_LOCATION", tokens.publicKeyLocation(),
                  "SSC_PORT", Integer.toString(sscPort),
                  "GOVCHAIN_SSC_DATA_DIR", work.resolve("ssc-data").toAbsolutePath().toString(),
                  "GOVCHAIN_SSC_QR_VALIDITY", "15m"),
              List.of(),
              sscArgs);
      started.add(ssc);
      int gatewayPort = Processes.freePort();
      Processes.App gateway =
          Processes.start(
              "gateway",
              gatewayJar,
              gatewayPort,
              work,
              Map.of(
                  "GOVCHAIN_JWT_PUBLIC_KEY_LOCATION", tokens.publicKeyLocation(),
                  "GOVCHAIN_SSC_URL", ssc.baseUrl(),
                  "GATEWAY_PORT", Integer.toString(gatewayPort),
                  // the limits are not what is measured (the default configuration otherwise)
                  "GOVCHAIN_RATE_LIMIT_REQUESTS", "100000000"),
              List.of(),
              List.of("--logging.level.org.govchain.request=WARN"));
      started.add(gateway);

      HttpClient client = HttpClient.newBuilder().build();
      List<String> cards = activatedCards(client, ssc.baseUrl(), clients, cardCount, concurrency);
      System.out.printf("%d cards issued and activated%n", cards.size());
      QrPool pool = new QrPool(client, ssc.baseUrl(), clients.holder(), cards);
      AtomicInteger people = new AtomicInteger(1_000_000);

      List<Target> targets = new ArrayList<>();
      for (Processes.App entry : List.of(ssc, gateway)) {
        String name = entry == ssc ? "straight to the service" : "through the gateway";
        targets.add(
            new Target(
                "QR verification",
                name,
                entry == gateway,
                () -> pool.fill(maxPool),
                new LoadLoop(
                    client,
                    () -> pool.verification(entry.baseUrl(), clients.servicePoint()),
                    answer ->
                        answer.statusCode() == 200
                            && new String(answer.body(), StandardCharsets.UTF_8).contains(VALID),
                    concurrency)));
        targets.add(
            new Target(
                "card issued",
                name,
                entry == gateway,
                () -> {},
                new LoadLoop(
                    client,
                    () -> issueRequest(entry.baseUrl(), clients.clerk(), people.incrementAndGet()),
                    answer -> answer.statusCode() == 201,
                    concurrency)));
      }

      Meter meter = new Meter(ssc, gateway);
      System.out.printf(
          "warming up %s each (%d clients); then %d interleaved rounds of %s%n",
          warmup, concurrency, rounds, round);
      for (Target t : targets) {
        // until the warm-up time is spent: a QR load ends early when its pool runs out
        long end = System.nanoTime() + warmup.toNanos();
        Measured m = Measured.EMPTY;
        while (System.nanoTime() < end) {
          t.prepare().run();
          Measured part = meter.run(t, Duration.ofNanos(Math.max(0, end - System.nanoTime())));
          pool.observe(t, part.load(), round);
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
          Measured m = meter.run(t, round);
          pool.observe(t, m.load(), round);
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
              "Social security card service, %d concurrent clients, %s warm-up of each, %d"
                  + " interleaved rounds of %s each, %d activated cards (%s UTC)%n%n",
              concurrency,
              warmup,
              rounds,
              round,
              cards.size(),
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
      for (int i = 0; i + 1 < targets.size(); i++) {
        Target direct = targets.get(i);
        for (int j = 0; j < targets.size(); j++) {
          Target through = targets.get(j);
          if (!direct.throughGateway()
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
        }
      }
      report.append(
          String.format(
              "%nCPU: user + system time over the measured rounds (from /proc; PostgreSQL: every"
                  + " process named postgres), divided by the requests of that row. %s Load average"
                  + " at the end: %s.%n",
              idle, loadAverage()));

      if (profile) {
        for (Target t : targets) {
          if (!t.throughGateway()) {
            continue;
          }
          t.prepare().run();
          String stamp = t.write().replace(' ', '-');
          JfrProfile service = JfrProfile.start(ssc.pid(), work.resolve(stamp + "-service.jfr"));
          JfrProfile gw = JfrProfile.start(gateway.pid(), work.resolve(stamp + "-gateway.jfr"));
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
    } finally {
      for (int i = started.size() - 1; i >= 0; i--) {
        started.get(i).close();
      }
    }
  }

  /** The tokens of the three callers: a clerk, a card holder and a service point. */
  record Clients(String clerk, String holder, String servicePoint) {}

  /** One write on one path: what to prepare before each load (QR codes), and the load itself. */
  record Target(
      String write, String path, boolean throughGateway, Runnable prepare, LoadLoop loop) {}

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
  private record Meter(Processes.App ssc, Processes.App gateway) {

    Measured run(Target target, Duration duration) throws InterruptedException {
      long s0 = ssc.cpuNanos();
      long g0 = gateway.cpuNanos();
      long p0 = PostgresCpu.nanos();
      long c0 = Processes.App.cpuNanos(ProcessHandle.current());
      LoadLoop.Result result = target.loop().run(duration);
      long s1 = ssc.cpuNanos();
      long g1 = gateway.cpuNanos();
      long p1 = PostgresCpu.nanos();
      long c1 = Processes.App.cpuNanos(ProcessHandle.current());
      return new Measured(result, s1 - s0, g1 - g0, p0 < 0 || p1 < 0 ? -1 : p1 - p0, c1 - c0);
    }

    /** CPU the processes use without requests (timers, the sequencer), per second. */
    String idle(Duration duration) throws InterruptedException {
      long s0 = ssc.cpuNanos();
      long g0 = gateway.cpuNanos();
      Thread.sleep(duration.toMillis()); // a quiet period is what is measured
      double seconds = duration.toNanos() / 1e9;
      return String.format(
          "Without requests (%d s after the warm-up) the service used %.1f ms of CPU per second"
              + " and the gateway %.1f ms.",
          duration.toSeconds(),
          (ssc.cpuNanos() - s0) / 1e6 / seconds,
          (gateway.cpuNanos() - g0) / 1e6 / seconds);
    }
  }

  /**
   * Single-use QR codes issued ahead of a load for the activated cards, round robin; the load takes
   * them one by one. The next pool is sized from the throughput seen so far.
   */
  private static final class QrPool {
    private final HttpClient client;
    private final String serviceUrl;
    private final String holder;
    private final List<String> cards;
    private final ConcurrentLinkedQueue<String> payloads = new ConcurrentLinkedQueue<>();
    private final AtomicInteger next = new AtomicInteger();
    private double bestThroughput = 100;
    private Duration round = Duration.ofSeconds(10);

    QrPool(HttpClient client, String serviceUrl, String holder, List<String> cards) {
      this.client = client;
      this.serviceUrl = serviceUrl;
      this.holder = holder;
      this.cards = cards;
    }

    /** Notes a QR load's throughput, to size the next pool. */
    void observe(Target target, LoadLoop.Result result, Duration round) {
      if (target.write().equals("QR verification")) {
        bestThroughput = Math.max(bestThroughput, result.throughput());
        this.round = round;
      }
    }

    /** Drops what is left and issues a fresh pool: 1.5× the best rate so far over a round. */
    void fill(int max) {
      payloads.clear();
      int size = (int) Math.min(max, Math.ceil(bestThroughput * 1.5 * round.toSeconds()) + 200);
      ExecutorService workers = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
          int share = size / 8 + (w < size % 8 ? 1 : 0);
          done.add(
              workers.submit(
                  () -> {
                    for (int n = 0; n < share; n++) {
                      payloads.add(issue(cards.get(next.getAndIncrement() % cards.size())));
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } catch (Exception e) {
        throw new IllegalStateException("cannot issue the QR codes of the next load", e);
      } finally {
        workers.shutdown();
      }
    }

    private String issue(String card) throws IOException, InterruptedException {
      HttpResponse<String> answer =
          client.send(
              HttpRequest.newBuilder(
                      URI.create(serviceUrl + "/api/ssc/cards/" + card + "/qr-codes"))
                  .header("Authorization", "Bearer " + holder)
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Map<String, String> fields = fields(answer.body());
      if (answer.statusCode() != 200 || !fields.containsKey("payload")) {
        throw new IllegalStateException("cannot issue a QR code: " + answer.body());
      }
      return fields.get("payload");
    }

    /** The verification of the next code at {@code baseUrl}, or null when there are no more. */
    HttpRequest verification(String baseUrl, String servicePoint) {
      String payload = payloads.poll();
      if (payload == null) {
        return null;
      }
      return HttpRequest.newBuilder(URI.create(baseUrl + "/api/ssc/qr-verifications"))
          .header("Authorization", "Bearer " + servicePoint)
          .header("Content-Type", "application/json")
          .timeout(Duration.ofSeconds(30))
          .POST(
              HttpRequest.BodyPublishers.ofString(
                  "{\"payload\":\"" + payload + "\",\"businessType\":\"02\"}"))
          .build();
    }
  }

  /** Issues {@code count} cards, gets their activation codes and activates them as the holder. */
  private static List<String> activatedCards(
      HttpClient client, String baseUrl, Clients clients, int count, int threads) throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> cards = new ArrayList<>();
      for (int n = 0; n < count; n++) {
        int person = n;
        cards.add(
            workers.submit(
                () -> {
                  String id =
                      created(
                          client.send(
                              issueRequest(baseUrl, clients.clerk(), person),
                              HttpResponse.BodyHandlers.ofString()));
                  String code =
                      fields(
                              post(
                                  client,
                                  baseUrl + "/api/ssc/cards/" + id + "/activation-code",
                                  clients.clerk(),
                                  null))
                          .get("activationCode");
                  post(
                      client,
                      baseUrl + "/api/ssc/cards/" + id + "/activation",
                      clients.holder(),
                      "{\"activationCode\":\"" + code + "\"}");
                  return id;
                }));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> card : cards) {
        ids.add(card.get());
      }
      return ids;
    } finally {
      workers.shutdown();
    }
  }

  private static String created(HttpResponse<String> answer) {
    Matcher id = ID.matcher(answer.body());
    if (answer.statusCode() != 201 || !id.find()) {
      throw new IllegalStateException("cannot issue a card: " + answer.body());
    }
    return id.group(1);
  }

  private static String post(HttpClient client, String url, String token, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    if (json == null) {
      request.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.POST(HttpRequest.BodyPublishers.ofString(json));
    }
    HttpResponse<String> answer =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("POST " + url + " answered " + answer.body());
    }
    return answer.body();
  }

  private static Map<String, String> fields(String json) {
    Map<String, String> fields = new HashMap<>();
    Matcher m = FIELD.matcher(json);
    while (m.find()) {
      fields.putIfAbsent(m.group(1), m.group(2));
    }
    return fields;
  }

  /** A clerk's card issue for the made-up person number {@code person}, with its own key. */
  static HttpRequest issueRequest(String baseUrl, String clerk, int person) {
    String body =
        "{\"name\":\"张三丰\",\"idNumber\":\""
            + idNumber(person)
            + "\",\"issuingRegion\":\"360502\",\"phone\":\"13812345678\","
            + "\"bankName\":\"中国工商银行新余分行\",\"bankAccount\":\"6222021234567890123\"}";
    return HttpRequest.newBuilder(URI.create(baseUrl + "/api/ssc/cards"))
        .header("Authorization", "Bearer " + clerk)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  /**
   * A valid, made-up resident ID number (GB 11643: region 360502, a birth date from 1960 on, a
   * sequence number, the ISO 7064 MOD 11-2 check), distinct for each {@code person} below 18 M.
   */
  static String idNumber(int person) {
    LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(person % 18_000);
    String body =
        "360502"
            + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
            + String.format("%03d", person / 18_000 % 1000);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * ((1 << (17 - i)) % 11);
    }
    return body + "10X98765432".charAt(sum % 11);
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
