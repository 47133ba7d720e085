package org.govchain.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.govchain.anchor.canonical.Jcs;
import org.govchain.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged launcher as {@code ./govchain up} does, on free ports with a fresh state
 * directory: a seal made in the first run is read back in the second, with its log checkpoint
 * anchored on the same registry and its proof bundle still VALID on the same chain; SIGTERM stops
 * everything in order, the parts a launcher killed with SIGKILL left running are stopped by the
 * next start, a part that dies stops the rest, and a chain that lost the recorded registry is
 * refused with the way out. One test, because each start of the suite costs about half a minute.
 */
class LocalSuiteIT {

  private static final Path ROOT = repositoryRoot();
  private static final Duration UP_TIMEOUT = Duration.ofMinutes(5);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path temp;

  private final Map<String, String> env = new HashMap<>();
  private final List<Process> launched = new ArrayList<>();

  @AfterEach
  void stopLeftovers() throws Exception {
    for (Process p : launched) {
      if (p.isAlive()) {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
        }
      }
    }
  }

  @Test
  void keepsItsDataAcrossRestartsStopsCleanlyAndFailsClearly() throws Exception {
    Path home = prepare();
    assertThat(
            Application.AUTH_SERVER.isBuilt(settings()) && Application.GATEWAY.isBuilt(settings()))
        .as("the reactor builds auth-server and gateway before this test")
        .isTrue();

    // first start: everything is made
    Run first = start("first");
    String registry = recordedRegistry(home);
    assertThat(first.output())
        .contains("Deploying AnchorRegistry (first start)", registry)
        .contains("Starting auth-server", "Starting gateway", "seal-clerk:seal-clerk-dev-secret")
        .contains("/swagger-ui.html")
        .contains(entry() + "/portal/", entry() + "/portal/api/certificates");
    // the portal's page and the settings it starts from, through the gateway, with no token
    HttpResponse<String> page =
        send(HttpRequest.newBuilder(URI.create(entry() + "/portal/")).GET());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("app.js");
    HttpResponse<String> portalSettings =
        send(HttpRequest.newBuilder(URI.create(entry() + "/portal/settings.json")).GET());
    assertThat(portalSettings.statusCode()).as(portalSettings.body()).isEqualTo(200);
    assertThat(portalSettings.body())
        .contains(registry.toLowerCase(java.util.Locale.ROOT))
        .contains("seal.govchain.example+");
    String token = token();
    String api = entry() + "/api/seal";
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(URI.create(api + "/seals"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofFile(
                        home.resolve("samples").resolve("create-seal.json"))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("X-Request-Id")).as("through the gateway").isPresent();
    String sealId = (String) json(created.body()).get("id");
    Path bundle = temp.resolve("seal-proof.json");
    Files.writeString(bundle, awaitProof(api, sealId, token));
    assertThat(verifyBundle(bundle)).startsWith("VALID");
    assertCertificate(sealId, token);
    // the seal log names people under this installation's reference key, not the published one
    assertThat(home.resolve("keys/seal-log-reference-key.b64")).isRegularFile();
    assertThat(Files.readString(home.resolve("logs/seal-service.log")))
        .contains("Checkpoints of log seal.govchain.example are signed by")
        .doesNotContain("DEV-ONLY: log seal.govchain.example references");
    List<ProcessHandle> firstParts = parts(first, home);
    // chain, PostgreSQL, auth, seal, portal, gateway
    assertThat(firstParts).hasSizeGreaterThanOrEqualTo(6);

    stopAndCheck(first, firstParts);

    // second start: same chain, registry, database, keys
    Run second = start("second");
    assertThat(second.output())
        .contains("Checking AnchorRegistry")
        .doesNotContain("Deploying AnchorRegistry");
    assertThat(recordedRegistry(home)).isEqualTo(registry);
    HttpResponse<String> withOldToken =
        send(
            HttpRequest.newBuilder(URI.create(api + "/seals/" + sealId))
                .header("Authorization", "Bearer " + token)
                .GET());
    assertThat(withOldToken.statusCode())
        .as("a token of the first run still verifies: the auth server kept its signing key")
        .isEqualTo(200);
    String token2 = token();
    HttpResponse<String> read =
        send(
            HttpRequest.newBuilder(URI.create(api + "/seals/" + sealId))
                .header("Authorization", "Bearer " + token2)
                .GET());
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(json(read.body()))
        .containsEntry("id", sealId)
        .containsEntry("creditCode", Samples.SAMPLE_CREDIT_CODE);
    HttpResponse<String> checkpoint =
        send(
            HttpRequest.newBuilder(URI.create(api + "/log/checkpoint"))
                .header("Authorization", "Bearer " + token2)
                .GET());
    assertThat(checkpoint.statusCode()).as(checkpoint.body()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> anchor = (Map<String, Object>) json(checkpoint.body()).get("anchor");
    assertThat(anchor).isNotNull().containsEntry("contract", registry);
    assertThat(verifyBundle(bundle))
        .as("the first run's bundle on the kept chain")
        .startsWith("VALID");
    Path again = temp.resolve("seal-proof-again.json");
    Files.writeString(again, awaitProof(api, sealId, token2));
    assertThat(verifyBundle(again)).startsWith("VALID");

    // the launcher killed with SIGKILL: its parts keep running and hold their ports; the next
    // start finds them in its record, stops them, and starts afresh
    List<ProcessHandle> orphans = parts(second, home);
    second.process().destroyForcibly();
    assertThat(second.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(orphans).as("the parts outlive their launcher").allMatch(ProcessHandle::isAlive);
    Run third = start("third");
    assertThat(third.output())
        .contains("was it killed?", "Stopping them first.")
        .contains(
            "stopped gateway", "stopped seal-service", "stopped postgres", "stopped devchain");
    assertProcessesGone(orphans);

    // a part that dies takes the suite down with it
    List<ProcessHandle> parts = parts(third, home);
    ProcessHandle seal =
        parts.stream()
            .filter(p -> p.info().commandLine().orElse("").contains("seal-service"))
            .findFirst()
            .orElseThrow();

    seal.destroyForcibly();

    assertThat(third.process().waitFor(120, TimeUnit.SECONDS)).as("launcher stops").isTrue();
    assertThat(third.process().exitValue()).isEqualTo(1);
    assertThat(third.output())
        .contains(
            "seal-service exited unexpectedly", home.resolve("logs/seal-service.log").toString())
        .contains("stopped auth-server", "stopped PostgreSQL", "stopped the dev chain");
    assertAllGone(parts);

    // the chain's data is lost, but devchain.json still names the registry: a clear refusal
    try (var files = Files.walk(home.resolve("chain"))) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
    Process refused = launch(temp.resolve("launcher-refused.out"));
    assertThat(refused.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(temp.resolve("launcher-refused.out"));
    assertThat(refused.exitValue()).as(output).isEqualTo(1);
    assertThat(output)
        .contains("holds no contract at " + recordedRegistry(home))
        .contains("delete " + home)
        .contains("stopped the dev chain");
  }

  /** A fresh state directory and free ports for every part. */
  private Path prepare() throws IOException {
    Path home = temp.resolve("govchain-home");
    env.put("GOVCHAIN_HOME", home.toString());
    for (String port :
        List.of(
            "GOVCHAIN_CHAIN_PORT",
            "GOVCHAIN_PG_PORT",
            "AUTH_PORT",
            "SEAL_PORT",
            "SSC_PORT",
            "ACCOUNTING_PORT",
            "PORTAL_PORT",
            "GATEWAY_PORT")) {
      env.put(port, Integer.toString(freePort()));
    }
    return home;
  }

  /** Starts the launcher jar and waits for its banner. */
  private Run start(String name) throws Exception {
    Path out = temp.resolve("launcher-" + name + ".out");
    Process process = launch(out);
    Run run = new Run(process, out);
    try {
      Await.until(
          "the launcher's banner",
          UP_TIMEOUT,
          Duration.ofMillis(500),
          () -> {
            assertThat(process.isAlive())
                .as("launcher still running; output:\n%s", run.output())
                .isTrue();
            return run.output().contains(Banner.UP_LINE);
          });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; output:\n" + run.output(), e);
    }
    return run;
  }

  /** Runs {@code java -jar govchain-launcher.jar up}, as {@code ./govchain up} does. */
  private Process launch(Path out) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                javaCommand(),
                "-jar",
                ROOT.resolve("launcher/target/govchain-launcher.jar").toString(),
                "up")
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    launched.add(process);
    return process;
  }

  /** The launcher and every process it runs, PostgreSQL's postmaster included. */
  private static List<ProcessHandle> parts(Run run, Path home) throws IOException {
    List<ProcessHandle> parts = new ArrayList<>(run.process().descendants().toList());
    Path pid = home.resolve("postgres").resolve("postmaster.pid");
    if (Files.isRegularFile(pid)) {
      long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).strip());
      ProcessHandle.of(postmaster).ifPresent(parts::add);
    }
    return parts;
  }

  /** SIGTERM, then: exit 0, everything stopped in order, no process left, every port free. */
  private void stopAndCheck(Run run, List<ProcessHandle> parts) throws Exception {
    run.process().destroy();
    // the launcher's own limits: 60 s for the gateway, then for the others side by side, then for
    // the auth server when they write their class archives (a first run; 30 s otherwise)
    assertThat(run.process().waitFor(240, TimeUnit.SECONDS)).as("launcher stops").isTrue();
    assertThat(run.process().exitValue()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("Stopping GovChain...", "stopped seal-service", "stopped auth-server")
        .contains("stopped PostgreSQL")
        .contains("stopped the dev chain", "Stopped.");
    String output = run.output();
    assertThat(output.indexOf("stopped gateway"))
        .isGreaterThan(0)
        .isLessThan(output.indexOf("stopped seal-service"));
    assertThat(output.indexOf("stopped seal-service"))
        .as("stop order: gateway, services, auth server, PostgreSQL, chain")
        .isLessThan(output.indexOf("stopped auth-server"));
    assertThat(output.indexOf("stopped auth-server"))
        .isLessThan(output.indexOf("stopped PostgreSQL"));
    assertThat(output.indexOf("stopped PostgreSQL"))
        .isLessThan(output.indexOf("stopped the dev chain"));
    assertAllGone(parts);
  }

  private void assertAllGone(List<ProcessHandle> parts) throws Exception {
    assertProcessesGone(parts);
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (e.getKey().endsWith("_PORT")) {
        assertThat(isListening(Integer.parseInt(e.getValue()))).as(e.getKey()).isFalse();
      }
    }
  }

  private static void assertProcessesGone(List<ProcessHandle> parts) throws Exception {
    for (ProcessHandle part : parts) {
      try {
        // a process that has just exited may wait a moment to be reaped by its parent or init
        part.onExit().get(15, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        // reported below
      }
      assertThat(part.isAlive())
          .as("%s (%s) is gone", part.pid(), part.info().command().orElse("?"))
          .isFalse();
    }
  }

  private String awaitProof(String api, String id, String token) {
    return Await.value(
        "an anchored proof of seal " + id,
        Duration.ofSeconds(90),
        Duration.ofSeconds(1),
        () -> {
          HttpResponse<String> proof =
              send(
                  HttpRequest.newBuilder(URI.create(api + "/seals/" + id + "/proof"))
                      .header("Authorization", "Bearer " + token)
                      .GET());
          if (proof.statusCode() == 200) {
            return Optional.of(proof.body());
          }
          assertThat(proof.statusCode()).as(proof.body()).isEqualTo(409);
          return Optional.empty();
        });
  }

  /**
   * The seal's evidence certificate, as the printed walkthrough asks for it: a PDF sealed with the
   * platform seal (not the walkthrough's own seal, though it shares the credit code), which pdfsig
   * finds valid where poppler-utils is installed.
   */
  private void assertCertificate(String sealId, String token) throws Exception {
    HttpResponse<byte[]> certificate =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(entry() + "/portal/api/certificates"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"bundleUrl\": \"/api/seal/seals/" + sealId + "/proof\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(certificate.statusCode())
        .as(new String(certificate.body(), StandardCharsets.UTF_8))
        .isEqualTo(201);
    assertThat(certificate.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(certificate.headers().firstValue("Certificate-Number"))
        .hasValueSatisfying(n -> assertThat(n).matches("GC-[0-9A-F]{16}"));
    Path pdf = temp.resolve("certificate.pdf");
    Files.write(pdf, certificate.body());
    assertThat(new String(certificate.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    if (onPath("pdfsig")) {
      Process pdfsig =
          new ProcessBuilder("pdfsig", pdf.toString()).redirectErrorStream(true).start();
      String report = new String(pdfsig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(pdfsig.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(report)
          .as(report)
          .contains("Signature is Valid", "Common Name: GovChain 存证平台电子印章");
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null
        && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
  }

  /** {@code govchain-verify verify}, as the printed walkthrough runs it. */
  private String verifyBundle(Path bundle) throws Exception {
    Process verify =
        new ProcessBuilder(
                javaCommand(),
                "-jar",
                ROOT.resolve("verifier-cli/target/govchain-verify.jar").toString(),
                "verify",
                bundle.toString(),
                "--rpc",
                "http://127.0.0.1:" + env.get("GOVCHAIN_CHAIN_PORT"))
            .redirectErrorStream(true)
            .start();
    String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return output;
  }

  /** A seal clerk's token from the suite's authorization server (dev client). */
  private String token() throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString("seal-clerk:seal-clerk-dev-secret".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + env.get("AUTH_PORT") + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return (String) json(response.body()).get("access_token");
  }

  /** The gateway, the suite's one public entry. */
  private String entry() {
    return "http://localhost:" + env.get("GATEWAY_PORT");
  }

  private Settings settings() {
    return Settings.from(ROOT, env);
  }

  private static String recordedRegistry(Path home) throws IOException {
    return RegistrySetup.readDeployment(new Home(home)).orElseThrow().registry();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(
        request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String body) {
    return (Map<String, Object>) Jcs.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  /** Failsafe runs in {@code launcher/}; the repository is its parent. */
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    return Files.isRegularFile(dir.resolve("infra/devchain/package.json")) ? dir : dir.getParent();
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A launcher process and the file its output goes to. */
  private record Run(Process process, Path out) {
    String output() throws IOException {
      return Files.readString(out, StandardCharsets.UTF_8);
    }
  }
}
