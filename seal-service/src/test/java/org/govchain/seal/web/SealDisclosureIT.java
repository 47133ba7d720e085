package org.govchain.seal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.anchor.chain.AnchorRegistryClient.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govchain.anchor.bundle.ProofBundle;
import org.govchain.anchor.bundle.ProofBundleJson;
import org.govchain.anchor.canonical.Jcs;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.LogId;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.anchor.spring.log.LogReferences;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithDevChain;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * What a seal log's bundles disclose (docs/proof-bundle.md, "What a bundle discloses"), read as
 * every role that can get one: a seal clerk, an auditor and an admin through the records' proofs
 * and the log API, and anyone through the public verification of a sealed PDF. No bundle carries an
 * operator's user name or a revocation reason in clear; each carries their keyed references, the
 * same for the same operator, another for another operator or purpose.
 */
@WithDevChain
@WithPostgres
class SealDisclosureIT {

  private static final Duration DEADLINE = Duration.ofMinutes(2);
  private static final String OTHER_CLERK = "clerk-zhao";
  private static final String ADMIN = "admin-sun";
  private static final String REASON = "张伟法人私章随公章一并遗失，报案号 2026-0417";

  @Test
  void everyBundleEveryRoleReadsCarriesPeopleAndReasonsOnlyAsKeyedReferences(
      DevChain chain, PostgresServer.Database db) throws Exception {
    String origin = "seal-" + UUID.randomUUID() + ".govchain.example";
    AnchorRegistryClient owner =
        await(
            AnchorRegistryClient.deploy(chain.web3j(), chain.newFundedAccount(), chain.chainId()));
    Credentials submitter = chain.newFundedAccount();
    await(owner.registerSubmitter(LogId.of(origin), submitter.getAddress()));
    try (SealApp app =
        SealApp.start(
            db,
            "govchain.log.origin=" + origin,
            "govchain.anchor.enabled=true",
            "govchain.anchor.rpc-url=" + chain.rpcUrl(),
            "govchain.anchor.chain-id=" + chain.chainId(),
            "govchain.anchor.registry-address=" + owner.address(),
            "govchain.anchor.submitter-key="
                + Numeric.toHexStringWithPrefixZeroPadded(
                    submitter.getEcKeyPair().getPrivateKey(), 64),
            "govchain.anchor.interval=1s",
            "govchain.anchor.check-interval=200ms")) {
      LogReferences references = app.context.getBean(LogReferences.class);
      WebTestClient otherClerk = app.service.client(OTHER_CLERK, "seal-clerk");
      WebTestClient admin = app.service.client(ADMIN, "admin");

      String sealId = app.createSeal(SealApp.createRequest("disclosure seal"));
      var stamped =
          app.client
              .post()
              .uri("/api/seal/seals/{id}/sealings", sealId)
              .contentType(MediaType.MULTIPART_FORM_DATA)
              .bodyValue(SealApp.sealingForm(SealApp.pdf("a contract"), "1"))
              .exchange()
              .expectStatus()
              .isCreated()
              .expectBody(byte[].class)
              .returnResult();
      byte[] sealedPdf = stamped.getResponseBody();
      String pdfSealing = stamped.getResponseHeaders().getFirst("Sealing-Id");
      String hashSealing = signHash(app.client, sealId, "an invoice");
      String otherSealing = signHash(otherClerk, sealId, "a receipt");
      Map<?, ?> revoked =
          app.client
              .post()
              .uri("/api/seal/seals/{id}/revoke", sealId)
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue(Map.of("reason", REASON))
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(Map.class)
              .returnResult()
              .getResponseBody();
      // the clear reason stays in the record for the roles that read seals
      assertThat(revoked.get("revocationReason")).isEqualTo(REASON);

      List<String> clear = List.of(SealApp.CLERK, OTHER_CLERK, SealApp.AUDITOR, ADMIN, REASON);
      String clerkRef = references.staff(SealApp.CLERK);
      String otherRef = references.staff(OTHER_CLERK);
      String reasonRef = references.reason(REASON);
      assertThat(clerkRef).startsWith("staff:").isNotEqualTo(otherRef);
      assertThat(reasonRef).startsWith("reason:");
      assertThat(reasonRef.substring("reason:".length()))
          .as("another purpose, another reference")
          .isNotEqualTo(references.staff(REASON).substring("staff:".length()));

      for (WebTestClient reader : List.of(app.client, app.auditor, admin)) {
        Map<String, Object> seal =
            data(awaitBundle(reader, "/api/seal/seals/" + sealId + "/proof"), clear);
        assertThat(seal)
            .containsEntry("status", "REVOKED")
            .containsEntry("revocationReason", reasonRef)
            .containsEntry("organisation", "华为技术有限公司")
            .containsEntry("creditCode", SealApp.CREDIT_CODE);
        assertThat(references.reason((String) revoked.get("revocationReason")))
            .as("a reader of the record can have the clear reason checked against the bundle")
            .isEqualTo(seal.get("revocationReason"));
        for (String sealing : List.of(pdfSealing, hashSealing)) {
          assertThat(data(awaitBundle(reader, "/api/seal/sealings/" + sealing + "/proof"), clear))
              .as("the same operator, the same reference")
              .containsEntry("operator", clerkRef);
        }
        assertThat(
                data(awaitBundle(reader, "/api/seal/sealings/" + otherSealing + "/proof"), clear))
            .containsEntry("operator", otherRef);

        // every entry of the log, by index: created, three sealings, revoked
        List<String> types = new ArrayList<>();
        for (int index = 0; index < 5; index++) {
          ProofBundle bundle = awaitBundle(reader, "/api/seal/log/entries/" + index + "/bundle");
          data(bundle, clear);
          types.add(EventEnvelope.parse(bundle.leafData()).type());
        }
        assertThat(types)
            .containsExactly(
                "seal.seal.created",
                "seal.sealing.created",
                "seal.sealing.created",
                "seal.sealing.created",
                "seal.seal.revoked");
      }

      // anyone holding the sealed PDF gets its sealing's bundle from the public verification
      Map<?, ?> verification =
          app.anonymous
              .post()
              .uri("/api/seal/verifications")
              .contentType(MediaType.MULTIPART_FORM_DATA)
              .bodyValue(SealApp.verificationForm(sealedPdf, null))
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(Map.class)
              .returnResult()
              .getResponseBody();
      Map<?, ?> logRecord =
          (Map<?, ?>)
              ((Map<?, ?>) ((List<?>) verification.get("signatures")).get(0)).get("logRecord");
      assertThat(logRecord.get("status")).isEqualTo("ANCHORED");
      Map<String, Object> publicSealing =
          data(ProofBundleJson.parse(Jcs.serialize(logRecord.get("proof"))), clear);
      assertThat(publicSealing)
          .containsEntry("id", pdfSealing)
          .containsEntry("operator", clerkRef)
          .containsEntry("sealId", sealId);
    }
  }

  /**
   * The bundle's envelope data, after checking that the whole envelope holds none of {@code clear}
   * (canonical JSON writes every character but controls, quotes and backslashes as itself).
   */
  private static Map<String, Object> data(ProofBundle bundle, List<String> clear) {
    String envelope = new String(bundle.leafData(), StandardCharsets.UTF_8);
    for (String value : clear) {
      assertThat(envelope).doesNotContain(value);
    }
    return EventEnvelope.parse(bundle.leafData()).data();
  }

  private static String signHash(WebTestClient clerk, String sealId, String document)
      throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(document.getBytes());
    Map<?, ?> sealing =
        clerk
            .post()
            .uri("/api/seal/seals/{id}/signatures", sealId)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("hash", HexFormat.of().formatHex(hash), "hashAlgorithm", "SHA-256"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return sealing.get("id").toString();
  }

  private static ProofBundle awaitBundle(WebTestClient reader, String path) {
    return Await.value(
        "an anchored bundle at " + path,
        DEADLINE,
        Duration.ofMillis(250),
        () -> {
          var result = reader.get().uri(path).exchange().expectBody(byte[].class).returnResult();
          if (result.getStatus().value() == 200) {
            return Optional.of(ProofBundleJson.parse(result.getResponseBody()));
          }
          assertThat(result.getStatus().value())
              .as("only not-anchored-yet while waiting for %s", path)
              .isEqualTo(409);
          return Optional.empty();
        });
  }
}
