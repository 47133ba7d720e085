package org.govchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govchain.anchor.bundle.BundleVerifier;
import org.govchain.anchor.bundle.ProofBundle;
import org.govchain.anchor.bundle.ProofBundleJson;
import org.govchain.anchor.bundle.Verdict;
import org.govchain.anchor.bundle.Verification;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.process.Http;
import org.govchain.testsupport.samples.SealSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The whole path through the gateway: a clerk's token creates a seal and stamps a PDF, an auditor
 * reads them and fetches their proof bundles, the bundles verify VALID against the chain alone, and
 * anyone verifies the sealed PDF without a token.
 */
@ExtendWith(SuiteExtension.class)
class ThroughGatewayIT {

  private static final Duration PROOF_DEADLINE = Duration.ofMinutes(2);

  @Test
  void sealCreatedThroughTheGatewayHasAProofThatVerifiesOnChain(Suite suite) {
    Http gateway = suite.viaGateway();
    String clerk = suite.token("seal-clerk");
    String auditor = suite.token("auditor");

    Http.Response created =
        gateway.postJson("/api/seal/seals", clerk, SealSamples.sealRequest("e2e official seal"));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String sealId = created.json().path("id").asString();
    assertThat(created.header("Location")).endsWith("/api/seal/seals/" + sealId);

    Http.Response read = gateway.get("/api/seal/seals/" + sealId, auditor);
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    assertThat(read.json().path("name").asString()).isEqualTo("e2e official seal");
    assertThat(read.json().path("status").asString()).isEqualTo("ACTIVE");

    Http.Response stamped =
        gateway.postMultipart(
            "/api/seal/seals/" + sealId + "/sealings",
            clerk,
            Map.of(
                "document",
                new Http.Part("contract.pdf", "application/pdf", SealSamples.pdf("e2e contract")),
                "page",
                "1",
                "x",
                "120",
                "y",
                "200",
                "width",
                "40"));
    assertThat(stamped.status()).as("%s", stamped).isEqualTo(201);
    assertThat(stamped.header("Content-Type")).startsWith("application/pdf");
    String sealingId = stamped.header("Sealing-Id");
    assertThat(sealingId).isNotBlank();

    BundleVerifier verifier = new BundleVerifier(suite.chain.web3j());
    ProofBundle sealProof = awaitProof(gateway, "/api/seal/seals/" + sealId + "/proof", auditor);
    Verification sealVerification = verifier.verify(sealProof, 1, suite.logKey);
    assertThat(sealVerification.verdict())
        .as("%s", sealVerification.reasons())
        .isEqualTo(Verdict.VALID);
    assertThat(sealProof.origin()).isEqualTo(suite.origin);
    ProofBundle sealingProof =
        awaitProof(gateway, "/api/seal/sealings/" + sealingId + "/proof", auditor);
    assertThat(verifier.verify(sealingProof, 1, suite.logKey).verdict()).isEqualTo(Verdict.VALID);
    // a public bundle: the clerk (client seal-clerk) only as a keyed reference under the key the
    // seal service got by environment (docs/proof-bundle.md, What a bundle discloses)
    assertThat(new String(sealingProof.leafData(), java.nio.charset.StandardCharsets.UTF_8))
        .contains(
            "\"operator\":\""
                + Suite.reference(suite.sealReferenceKey, "staff", "seal-clerk")
                + "\"")
        .doesNotContain("seal-clerk");

    // the public verification route: no token at all
    Http.Response verdict =
        gateway.postMultipart(
            "/api/seal/verifications",
            null,
            Map.of("document", new Http.Part("sealed.pdf", "application/pdf", stamped.body())));
    assertThat(verdict.status()).as("%s", verdict).isEqualTo(200);
    JsonNode report = verdict.json();
    assertThat(report.path("verdict").asString()).isEqualTo("SIGNATURE_VALID");
    JsonNode logRecord = report.path("signatures").path(0).path("logRecord");
    assertThat(logRecord.path("status").asString()).isEqualTo("ANCHORED");
    assertThat(logRecord.path("sealingId").asString()).isEqualTo(sealingId);
  }

  @Test
  void requestIdIsPassedToTheServiceReturnedAndLoggedThere(Suite suite) {
    String requestId = "e2e-" + UUID.randomUUID();
    Http.Response answer =
        suite
            .viaGateway()
            .get(
                "/api/seal/seals?page=0&size=1",
                suite.token("auditor"),
                Map.of("X-Request-Id", requestId));
    assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    assertThat(answer.raw().headers().allValues("X-Request-Id")).containsExactly(requestId);
    // the service logs one line per request with its id (anchor-spring-boot-starter)
    // the service's log is written asynchronously
    Await.until(
        "seal-service logs requestId=" + requestId,
        Duration.ofSeconds(10),
        Duration.ofMillis(200),
        () -> suite.seal.output().contains("requestId=" + requestId));
  }

  @Test
  void malformedRequestIdIsReplacedByAUuid(Suite suite) {
    Http.Response answer =
        suite
            .viaGateway()
            .get(
                "/api/seal/seals",
                suite.token("auditor"),
                Map.of("X-Request-Id", "bad id with spaces"));
    assertThat(answer.status()).isEqualTo(200);
    String id = answer.header("X-Request-Id");
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
  }

  @Test
  void mergedApiDocumentHasTheSealPathsAndNamesTheServicesThatAreDown(Suite suite) {
    Http.Response merged = suite.viaGateway().get("/v3/api-docs", null);
    assertThat(merged.status()).as("%s", merged).isEqualTo(200);
    JsonNode document = merged.json();
    assertThat(document.path("info").path("x-govchain-unavailable").toString())
        .contains("ssc", "accounting")
        .doesNotContain("seal");
    assertThat(document.path("paths").has("/api/seal/seals"))
        .as("the seal service's OpenAPI document (GET /api/seal/v3/api-docs) merged: %s", merged)
        .isTrue();
    assertThat(document.path("paths").has("/api/seal/verifications")).isTrue();
  }

  @Test
  void swaggerUiAndEachServiceDocumentOpenWithoutAToken(Suite suite) {
    Http gateway = suite.viaGateway();
    Http.Response ui = gateway.get("/swagger-ui/index.html", null);
    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.text()).contains("swagger-ui");
    Http.Response config = gateway.get("/v3/api-docs/gateway/swagger-config", null);
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.text()).contains("/v3/api-docs", "/api/seal/v3/api-docs");
    GatewaySecurityIT.assertServiceDocumentsPublic(gateway, "/api/seal");
  }

  private static ProofBundle awaitProof(Http gateway, String path, String token) {
    // the real anchorer and chain
    return Await.value(
        "an anchored proof of " + path,
        PROOF_DEADLINE,
        Duration.ofMillis(300),
        () -> {
          Http.Response answer = gateway.get(path, token);
          if (answer.status() == 200) {
            return Optional.of(ProofBundleJson.parse(answer.body()));
          }
          assertThat(answer.status())
              .as("only not-anchored-yet while waiting: %s", answer)
              .isEqualTo(409);
          return Optional.empty();
        });
  }
}
