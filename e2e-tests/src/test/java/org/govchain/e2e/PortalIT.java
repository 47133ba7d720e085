package org.govchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.govchain.anchor.bundle.BundleVerifier;
import org.govchain.anchor.bundle.ProofBundleJson;
import org.govchain.anchor.bundle.Verdict;
import org.govchain.anchor.bundle.Verification;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.checkpoint.Checkpoint;
import org.govchain.anchor.checkpoint.SignedCheckpoint;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.govchain.testsupport.process.AppProcess;
import org.govchain.testsupport.process.FreePorts;
import org.govchain.testsupport.process.Http;
import org.govchain.testsupport.samples.SealSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.WebElement;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The auditor's portal in real headless Chromium, through the gateway: a sealing's proof bundle
 * from the running suite verifies VALID in the page, and every way of breaking it gives the page
 * the same failing verdict as {@link BundleVerifier} (what {@code govchain-verify} runs); the
 * sealed PDF verifies with its sealing's bundle checked in the browser; the logs page remembers a
 * checkpoint and checks the log's consistency with it.
 */
@WithPostgres
@ExtendWith(SuiteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalIT {

  private static final Duration PROOF_DEADLINE = Duration.ofMinutes(2);
  private static final Duration PAGE_DEADLINE = Duration.ofSeconds(30);
  private static final HexFormat HEX = HexFormat.of();

  private Suite suite;
  private Browser browser;
  private byte[] sealedPdf;
  private String bundleJson;
  private String sealingPath;

  @BeforeAll
  void sealADocument(Suite suite) throws Exception {
    this.suite = suite;
    Http gateway = suite.viaGateway();
    String clerk = suite.token("seal-clerk");
    Http.Response created =
        gateway.postJson("/api/seal/seals", clerk, SealSamples.sealRequest("portal e2e seal"));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String sealId = created.json().path("id").asString();
    Http.Response stamped =
        gateway.postMultipart(
            "/api/seal/seals/" + sealId + "/sealings",
            clerk,
            Map.of(
                "document",
                new Http.Part(
                    "contract.pdf", "application/pdf", SealSamples.pdf("portal contract")),
                "page",
                "1",
                "x",
                "120",
                "y",
                "200",
                "width",
                "40"));
    assertThat(stamped.status()).as("%s", stamped).isEqualTo(201);
    sealedPdf = stamped.body();
    String path = "/api/seal/sealings/" + stamped.header("Sealing-Id") + "/proof";
    sealingPath = path;
    String auditor = suite.token("auditor");
    bundleJson =
        Await.value(
            "an anchored proof of " + path,
            PROOF_DEADLINE,
            Duration.ofMillis(300),
            () -> {
              Http.Response answer = gateway.get(path, auditor);
              if (answer.status() == 200) {
                return Optional.of(answer.text());
              }
              assertThat(answer.status())
                  .as("only not-anchored-yet while waiting: %s", answer)
                  .isEqualTo(409);
              return Optional.empty();
            });
    browser = Browser.start(logs().resolve("browser"));
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aBundleFromTheSuiteVerifiesValidInThePage() {
    WebElement verdict = verifyInPage(bundleJson, suite.chain.rpcUrl(), 1);

    assertThat(verdict.getAttribute("data-verdict")).isEqualTo("VALID");
    assertThat(javaVerdict(bundleJson, suite.chain.web3j(), 1)).isEqualTo(Verdict.VALID);
    List<WebElement> steps = browser.all("#steps > li");
    assertThat(steps).hasSizeGreaterThanOrEqualTo(8);
    assertThat(steps).allMatch(s -> "true".equals(s.getAttribute("data-ok")));
    assertThat(browser.all("#steps > li[data-step=checkpoint]"))
        .as("the signed checkpoint is checked against the published key")
        .hasSize(1);
    String record = browser.await("#record", PAGE_DEADLINE).getText();
    assertThat(record).contains("seal.sealing").contains(suite.origin);
    browser.screenshot(screenshots().resolve("portal-verify.png"));

    // everything the page loaded came from the gateway, or is the chain it asked
    @SuppressWarnings("unchecked")
    List<String> loaded =
        (List<String>)
            browser.script(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                    + ".concat([location.href]);");
    assertThat(loaded)
        .isNotEmpty()
        .allMatch(
            url -> url.startsWith(suite.gatewayUrl()) || url.startsWith(suite.chain.rpcUrl()),
            "served by the gateway or the chain's JSON-RPC");
  }

  /** One way of breaking a bundle or its verification, and the verdict it must give. */
  record Broken(
      String name, Consumer<ObjectNode> change, String rpc, long confirmations, Verdict expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  Stream<Arguments> brokenBundles() {
    String rpc = suite.chain.rpcUrl();
    String notARegistry = suite.chain.newFundedAccount().getAddress();
    String emptyRegistry =
        AnchorRegistryClient.await(
                AnchorRegistryClient.deploy(
                    suite.chain.web3j(), suite.chain.newFundedAccount(), suite.chain.chainId()))
            .address();
    return Stream.of(
            new Broken(
                "a flipped leaf byte", b -> flipBase64(b, "leafData"), rpc, 1, Verdict.TAMPERED),
            new Broken(
                "a flipped path byte",
                b -> {
                  ArrayNode path = (ArrayNode) b.get("inclusionPath");
                  assertThat(path.size()).as("the sealing is not the log's only leaf").isPositive();
                  path.set(0, flipHex(path.get(0).asString()));
                },
                rpc,
                1,
                Verdict.TAMPERED),
            new Broken(
                "a flipped root byte",
                b -> b.put("rootHash", flipHex(b.get("rootHash").asString())),
                rpc,
                1,
                Verdict.TAMPERED),
            new Broken(
                "a changed signed checkpoint",
                b -> b.put("checkpoint", b.get("checkpoint").asString().replaceFirst("\n", "x\n")),
                rpc,
                1,
                Verdict.TAMPERED),
            new Broken(
                "a wrong chain id",
                b -> anchor(b).put("chainId", anchor(b).get("chainId").asLong() + 1),
                rpc,
                1,
                Verdict.WRONG_CHAIN),
            new Broken(
                "an address without a contract",
                b -> anchor(b).put("contractAddress", notARegistry),
                rpc,
                1,
                Verdict.NO_REGISTRY),
            new Broken(
                "a registry that never saw the log",
                b -> anchor(b).put("contractAddress", emptyRegistry),
                rpc,
                1,
                Verdict.NOT_ANCHORED),
            new Broken("too few confirmations", b -> {}, rpc, 1_000_000, Verdict.UNCONFIRMED),
            new Broken(
                "another block number",
                b -> anchor(b).put("blockNumber", anchor(b).get("blockNumber").asLong() - 1),
                rpc,
                1,
                Verdict.ANCHOR_MISMATCH),
            new Broken(
                "an unknown transaction",
                b -> anchor(b).put("transactionHash", "0x" + "ab".repeat(32)),
                rpc,
                1,
                Verdict.ANCHOR_MISMATCH),
            new Broken(
                "the chain unreachable",
                b -> {},
                "http://127.0.0.1:" + suite.closedPort,
                1,
                Verdict.CHAIN_UNAVAILABLE))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenBundles")
  void aBrokenBundleGetsTheSameFailingVerdictInThePageAsFromBundleVerifier(Broken broken) {
    ObjectNode bundle = (ObjectNode) Http.JSON.readTree(bundleJson);
    broken.change().accept(bundle);
    String json = Http.JSON.writeValueAsString(bundle);
    Web3j web3j = Web3j.build(new HttpService(broken.rpc()));
    try {
      assertThat(javaVerdict(json, web3j, broken.confirmations()))
          .as("BundleVerifier")
          .isEqualTo(broken.expected());
    } finally {
      web3j.shutdown();
    }

    WebElement verdict = verifyInPage(json, broken.rpc(), broken.confirmations());

    assertThat(verdict.getAttribute("data-verdict"))
        .as("the page")
        .isEqualTo(broken.expected().name());
    List<WebElement> failed = browser.all("#steps > li[data-ok=false]");
    assertThat(failed).as("the step that failed is shown").hasSize(1);
    assertThat(failed.get(0).getText()).contains("FAILED");
  }

  @Test
  void aMalformedBundleIsRefusedAsBadInput() {
    ObjectNode bundle = (ObjectNode) Http.JSON.readTree(bundleJson);
    bundle.put("extra", 1);
    browser.open(suite.gatewayUrl() + "/portal/#/verify");
    browser.setValue("bundle-text", Http.JSON.writeValueAsString(bundle));
    browser.click("verify");

    assertThat(browser.await("#message:not(:empty)", PAGE_DEADLINE).getText()).contains("extra");
    assertThat(browser.all("#verdict")).isEmpty();
  }

  @Test
  void aSealedPdfIsVerifiedByTheSealServiceAndItsBundleInTheBrowser() throws Exception {
    Path pdf = logs().resolve("portal-sealed.pdf");
    Files.write(pdf, sealedPdf);
    browser.open(suite.gatewayUrl() + "/portal/#/pdf");
    browser.chooseFile("pdf-file", pdf);
    browser.click("pdf-verify");

    WebElement bundleVerdict = browser.await("#signature-0-verdict", PAGE_DEADLINE);
    assertThat(browser.await("#pdf-verdict", PAGE_DEADLINE).getAttribute("data-verdict"))
        .isEqualTo("SIGNATURE_VALID");
    assertThat(bundleVerdict.getAttribute("data-verdict")).isEqualTo("VALID");
  }

  @Test
  void theLogsPageRemembersACheckpointAndChecksTheLogOnlyGrew() {
    // forget what earlier visits saw (on a page that does not watch the logs itself)
    browser.open(suite.gatewayUrl() + "/portal/#/verify");
    browser.script("localStorage.clear();");
    browser.open(suite.gatewayUrl() + "/portal/#/logs");
    WebElement first = browser.await("[data-log=seal] [data-consistency]", PAGE_DEADLINE);
    assertThat(first.getAttribute("data-consistency")).isEqualTo("first");

    // the log grows: a new seal
    Http.Response created =
        suite
            .viaGateway()
            .postJson(
                "/api/seal/seals", suite.token("seal-clerk"), SealSamples.sealRequest("grown log"));
    assertThat(created.status()).isEqualTo(201);
    browser.reload();
    WebElement again = browser.await("[data-log=seal] [data-consistency]", PAGE_DEADLINE);
    assertThat(again.getAttribute("data-consistency")).isEqualTo("consistent");
    assertThat(browser.await("[data-log=seal]", PAGE_DEADLINE).getText()).contains(suite.origin);
  }

  @Test
  void aLogServedWithARewrittenHistoryIsFlaggedByTheConsistencyCheck(PostgresServer.Database db) {
    // a gateway of its own: this browser remembers checkpoints per page origin (host and port)
    int port = FreePorts.next();
    long seenSize;
    try (AppProcess genuine = suite.startGateway(port, Map.of(), List.of())) {
      browser.open(genuine.baseUrl() + "/portal/#/logs");
      WebElement first = browser.await("[data-log=seal] [data-consistency]", PAGE_DEADLINE);
      assertThat(first.getAttribute("data-consistency")).isEqualTo("first");
      seenSize =
          ((Number)
                  browser.script(
                      "return JSON.parse(localStorage.getItem(arguments[0])).size;",
                      "govchain.portal.seen." + suite.origin))
              .longValue();
    }
    assertThat(seenSize).isPositive();

    // the log's operator serves another history: same origin, same signing key, other records,
    // and more of them than the browser saw, so the log looks as if it only grew
    try (AppProcess forked = suite.startForkedSeal(db)) {
      Http direct = new Http(forked.baseUrl());
      String clerk = suite.token("seal-clerk");
      String note =
          Await.value(
              "the forked log past size " + seenSize,
              PROOF_DEADLINE,
              Duration.ofMillis(200),
              () -> {
                Http.Response checkpoint = direct.get("/api/seal/log/checkpoint", null);
                if (checkpoint.status() == 200
                    && checkpoint.json().path("size").asLong() > seenSize) {
                  return Optional.of(checkpoint.json().path("note").asString());
                }
                Http.Response created =
                    direct.postJson(
                        "/api/seal/seals", clerk, SealSamples.sealRequest("forked history"));
                assertThat(created.status()).as("%s", created).isEqualTo(201);
                return Optional.empty();
              });
      // its checkpoints carry a valid signature of the published key: only consistency tells
      SignedCheckpoint forkedCheckpoint = Checkpoint.verify(note, suite.logKey);
      assertThat(forkedCheckpoint.checkpoint().size()).isGreaterThan(seenSize);

      try (AppProcess lying =
          suite.startGateway(port, Map.of("GOVCHAIN_SEAL_URL", forked.baseUrl()), List.of())) {
        browser.open(lying.baseUrl() + "/portal/#/logs");
        WebElement flag = browser.await("[data-log=seal] [data-consistency]", PAGE_DEADLINE);
        assertThat(flag.getAttribute("data-consistency")).isEqualTo("rewritten");
        assertThat(flag.getAttribute("role")).isEqualTo("alert");
        // the checkpoint seen before stays remembered, as evidence
        assertThat(
                ((Number)
                        browser.script(
                            "return JSON.parse(localStorage.getItem(arguments[0])).size;",
                            "govchain.portal.seen." + suite.origin))
                    .longValue())
            .isEqualTo(seenSize);
      }
    }
  }

  @Test
  void thePageSpeaksChineseByDefaultAndEnglishOnRequest() {
    browser.open(suite.gatewayUrl() + "/portal/");
    browser.script("localStorage.removeItem('govchain.portal.lang');");
    browser.reload();
    assertThat(browser.script("return document.documentElement.lang;")).isEqualTo("zh-CN");
    assertThat(browser.await("h1", PAGE_DEADLINE).getText()).contains("存证核验");

    browser.script(
        "const s = document.getElementById('lang'); s.value = 'en';"
            + " s.dispatchEvent(new Event('change'));");
    assertThat(browser.script("return document.documentElement.lang;")).isEqualTo("en");
    assertThat(browser.await("h1", PAGE_DEADLINE).getText()).contains("verification portal");
    browser.reload();
    assertThat(browser.script("return document.documentElement.lang;")).isEqualTo("en");
    browser.script("localStorage.removeItem('govchain.portal.lang');");
  }

  @Test
  void anEvidenceCertificateIsSealedByThePlatformAndItsLinkVerifiesInThePage() throws Exception {
    Http.Response refused =
        suite
            .viaGateway()
            .postJson("/portal/api/certificates", null, Map.of("bundleUrl", sealingPath));
    assertThat(refused.status()).as("%s", refused).isEqualTo(401);
    Http.Response wrongPath =
        suite
            .viaGateway()
            .postJson(
                "/portal/api/certificates",
                suite.token("auditor"),
                Map.of("bundleUrl", "/api/nowhere/x/proof"));
    assertThat(wrongPath.status()).as("%s", wrongPath).isEqualTo(422);

    Http.Response issued =
        suite
            .viaGateway()
            .postJson(
                "/portal/api/certificates",
                suite.token("auditor"),
                Map.of("bundleUrl", sealingPath));

    assertThat(issued.status()).as("%s", issued).isEqualTo(201);
    assertThat(issued.header("Content-Type")).startsWith("application/pdf");
    String number = issued.header("Certificate-Number");
    assertThat(number).matches("GC-[0-9A-F]{16}");
    Path certificate = logs().resolve("portal-certificate.pdf");
    Files.write(certificate, issued.body());
    String text;
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(issued.body())) {
      assertThat(pdf.getSignatureDictionaries()).as("sealed by the seal service").hasSize(1);
      text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
    }
    assertThat(text).contains("存证证书", number, suite.origin, suite.registry.address());
    // poppler's validator, independent of ours (.ci/run installs it)
    Process pdfsig =
        new ProcessBuilder("pdfsig", certificate.toString()).redirectErrorStream(true).start();
    String report = new String(pdfsig.getInputStream().readAllBytes());
    assertThat(pdfsig.waitFor()).as(report).isZero();
    assertThat(report).as(report).contains("Signature is Valid");
    // by the platform's own seal, never another seal of its organisation (the tests' seals share
    // the credit code)
    assertThat(report).as(report).contains("Common Name: GovChain 存证平台电子印章");

    // the evidence link printed under the QR code opens the record in the page, no sign-in
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("#/verify\\?evidence=([A-Za-z0-9_.-]+)")
            .matcher(text.replaceAll("\\s+", ""));
    assertThat(link.find()).as(text).isTrue();
    browser.open(suite.gatewayUrl() + "/portal/#/verify?evidence=" + link.group(1));
    assertThat(browser.await("#verdict[data-verdict]", PAGE_DEADLINE).getAttribute("data-verdict"))
        .isEqualTo("VALID");
    Http.Response forged =
        suite
            .viaGateway()
            .get("/portal/api/evidence/" + link.group(1).replace('A', 'B') + "x", null);
    assertThat(forged.status()).isEqualTo(404);
  }

  private WebElement verifyInPage(String json, String rpc, long confirmations) {
    browser.open(suite.gatewayUrl() + "/portal/#/verify");
    browser.setValue("bundle-text", json);
    browser.setValue("rpc-url", rpc);
    browser.setValue("confirmations", Long.toString(confirmations));
    browser.click("verify");
    return browser.await("#verdict[data-verdict]", PAGE_DEADLINE);
  }

  private Verdict javaVerdict(String json, Web3j web3j, long confirmations) {
    Verification verification =
        new BundleVerifier(web3j).verify(ProofBundleJson.parse(json), confirmations, suite.logKey);
    return verification.verdict();
  }

  private static ObjectNode anchor(ObjectNode bundle) {
    return (ObjectNode) bundle.get("anchor");
  }

  private static void flipBase64(ObjectNode bundle, String field) {
    byte[] bytes = Base64.getDecoder().decode(bundle.get(field).asString());
    bytes[bytes.length / 2] ^= 0x01;
    bundle.put(field, Base64.getEncoder().encodeToString(bytes));
  }

  private static String flipHex(String hex) {
    byte[] bytes = HEX.parseHex(hex);
    bytes[0] ^= 0x01;
    return HEX.formatHex(bytes);
  }

  private static Path logs() {
    return Path.of(System.getProperty("govchain.e2e.logs", "target/e2e-logs"));
  }

  private static Path screenshots() {
    return Path.of(System.getProperty("govchain.e2e.screenshots", "target/screenshots"));
  }
}
