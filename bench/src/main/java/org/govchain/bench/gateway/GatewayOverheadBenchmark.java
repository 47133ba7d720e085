package org.govchain.bench.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.govchain.testsupport.PostgresServer;

/**
 * Gateway overhead: the same authenticated read ({@code GET /api/seal/seals/{id}}, a database read
 * and JSON) sent straight to the seal service and through the gateway, in interleaved rounds of a
 * closed loop with a fixed number of concurrent clients, reporting throughput, p50 and p99 of each
 * and their ratios. Starts the packaged seal service and gateway itself (real processes, a real
 * PostgreSQL from test-support) so both see the same machine at the same time.
 *
 * <p>Arguments (all optional): {@code concurrency=8 rounds=6 seconds=10 warmup=15
 * sealJar=seal-service/target/seal-service-0.1.0-SNAPSHOT.jar
 * gatewayJar=gateway/target/gateway-0.1.0-SNAPSHOT.jar gatewayArgs=key=value,key=value} (extra
 * gateway settings, for diagnosis).
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
    Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "15")));
    Path sealJar =
        Path.of(
            options.getOrDefault("sealJar", "seal-service/target/seal-service-0.1.0-SNAPSHOT.jar"));
    Path gatewayJar =
        Path.of(options.getOrDefault("gatewayJar", "gateway/target/gateway-0.1.0-SNAPSHOT.jar"));
    Path work = Files.createDirectories(Path.of("bench/target/gateway-bench"));

    KeyPair keys = KeyPairGenerator.getInstance("RSA").genKeyPair();
    Path pem = work.resolve("jwt.pub.pem");
    Files.writeString(
        pem,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    String clerk = token(keys, "bench-clerk", "seal-clerk");
    String auditor = token(keys, "bench-auditor", "auditor");

    try (PostgresServer pg = PostgresServer.startOrConnect()) {
      PostgresServer.Database db = pg.newDatabase();
      int sealPort = Processes.freePort();
      int gatewayPort = Processes.freePort();
      List<String> sealArgs = new ArrayList<>();
      for (String p : db.springProperties()) {
        sealArgs.add("--" + p);
      }
      sealArgs.add("--govchain.seal.ca.data-dir=" + work.resolve("seal-data").toAbsolutePath());
      sealArgs.add("--logging.level.org.govchain.request=WARN");
      Map<String, String> jwtEnv =
          Map.of("GOVCHAIN_JWT_PUBLIC_KEY_LOCATION", pem.toUri().toString());
      try (Processes.App seal =
              Processes.start(
                  "seal-service",
                  sealJar,
                  sealPort,
                  work,
                  env(jwtEnv, "SEAL_PORT", sealPort),
                  sealArgs);
          Processes.App gateway =
              Processes.start(
                  "gateway",
                  gatewayJar,
                  gatewayPort,
                  work,
                  env(
                      Map.of(
                          "GOVCHAIN_JWT_PUBLIC_KEY_LOCATION", pem.toUri().toString(),
                          "GOVCHAIN_SEAL_URL", seal.baseUrl(),
                          // the limits are not what is measured here
                          "GOVCHAIN_RATE_LIMIT_REQUESTS", "100000000"),
                      "GATEWAY_PORT",
                      gatewayPort),
                  gatewayArgs(options))) {
        HttpClient client = HttpClient.newBuilder().build();
        String sealId = createSeal(client, seal.baseUrl(), clerk);
        String path = "/api/seal/seals/" + sealId;
        LoadLoop direct = new LoadLoop(client, seal.baseUrl() + path, auditor, concurrency);
        LoadLoop viaGateway = new LoadLoop(client, gateway.baseUrl() + path, auditor, concurrency);

        System.out.printf(
            "warming up %s each (%d clients); then %d interleaved rounds of %s%n",
            warmup, concurrency, rounds, round);
        direct.run(warmup);
        viaGateway.run(warmup);
        LoadLoop.Result directTotal = LoadLoop.Result.EMPTY;
        LoadLoop.Result gatewayTotal = LoadLoop.Result.EMPTY;
        for (int r = 0; r < rounds; r++) {
          boolean directFirst = r % 2 == 0;
          LoadLoop.Result first = (directFirst ? direct : viaGateway).run(round);
          LoadLoop.Result second = (directFirst ? viaGateway : direct).run(round);
          LoadLoop.Result d = directFirst ? first : second;
          LoadLoop.Result g = directFirst ? second : first;
          System.out.printf(
              "round %d: direct %.0f req/s p50 %.2f ms p99 %.2f ms | gateway %.0f req/s p50 %.2f"
                  + " ms p99 %.2f ms%n",
              r + 1,
              d.throughput(),
              d.p50Millis(),
              d.p99Millis(),
              g.throughput(),
              g.p50Millis(),
              g.p99Millis());
          directTotal = directTotal.plus(d);
          gatewayTotal = gatewayTotal.plus(g);
        }
        String report = report(concurrency, rounds, round, directTotal, gatewayTotal);
        Files.writeString(work.resolve("report.md"), report);
        System.out.println(report);
      }
    }
  }

  /** The gateway's arguments: quiet request logs, plus {@code gatewayArgs=a,b} from the caller. */
  private static List<String> gatewayArgs(Map<String, String> options) {
    List<String> args =
        new ArrayList<>(List.of("--logging.level.org.govchain.gateway.request=WARN"));
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
      LoadLoop.Result direct,
      LoadLoop.Result gateway) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "GET /api/seal/seals/{id}, %d concurrent clients, %d interleaved rounds of %s each"
                + " (%s UTC)%n%n",
            concurrency, rounds, round, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    out.append("| path | requests | errors | throughput (req/s) | p50 (ms) | p99 (ms) |\n");
    out.append("|---|---:|---:|---:|---:|---:|\n");
    row(out, "straight to seal-service", direct);
    row(out, "through the gateway", gateway);
    out.append(
        String.format(
            "| **gateway / direct** | | | **%.2f** | **%.2f** | **%.2f** |%n",
            gateway.throughput() / direct.throughput(),
            gateway.p50Millis() / direct.p50Millis(),
            gateway.p99Millis() / direct.p99Millis()));
    return out.toString();
  }

  private static void row(StringBuilder out, String name, LoadLoop.Result r) {
    out.append(
        String.format(
            "| %s | %d | %d | %.0f | %.2f | %.2f |%n",
            name, r.requests(), r.errors(), r.throughput(), r.p50Millis(), r.p99Millis()));
  }

  private static String createSeal(HttpClient client, String baseUrl, String clerk)
      throws IOException, InterruptedException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String body =
        "{\"name\":\"bench seal\",\"organisation\":\"Bench Org\",\"creditCode\":\"914403001922038216\","
            + "\"type\":\"OFFICIAL\",\"validFrom\":\""
            + now.minus(Duration.ofMinutes(5))
            + "\",\"validUntil\":\""
            + now.plus(Duration.ofDays(365))
            + "\",\"imagePng\":\""
            + Base64.getEncoder().encodeToString(png())
            + "\"}";
    HttpResponse<String> created =
        client.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/api/seal/seals"))
                .header("Authorization", "Bearer " + clerk)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(created.body());
    if (created.statusCode() != 201 || !id.find()) {
      throw new IllegalStateException("cannot create the bench seal: " + created.body());
    }
    return id.group(1);
  }

  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.drawOval(2, 2, 196, 196);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static String token(KeyPair keys, String subject, String role) throws JOSEException {
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.RS256),
            new JWTClaimsSet.Builder()
                .subject(subject)
                .audience("govchain")
                .claim("roles", List.of(role))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(4))))
                .build());
    jwt.sign(new RSASSASigner(keys.getPrivate()));
    return jwt.serialize();
  }
}
