package org.govchain.seal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.anchor.chain.AnchorRegistryClient.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govchain.anchor.bundle.BundleVerifier;
import org.govchain.anchor.bundle.ProofBundle;
import org.govchain.anchor.bundle.ProofBundleJson;
import org.govchain.anchor.bundle.Verdict;
import org.govchain.anchor.bundle.Verification;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.LogId;
import org.govchain.anchor.spring.log.LogReader;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithDevChain;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/** Seal and sealing proofs once the log is anchored on the dev chain, checked by anchor-core. */
@WithDevChain
@WithPostgres
class SealProofIT {

  private static final Duration DEADLINE = Duration.ofMinutes(2);

  @Test
  void sealAndSealingProofsVerifyValidOnceAnchoredAndVerificationCarriesTheBundle(
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
      String sealId = app.createSeal(SealApp.createRequest("anchored seal"));
      var stamped =
          app.client
              .post()
              .uri("/api/seal/seals/{id}/sealings", sealId)
              .contentType(MediaType.MULTIPART_FORM_DATA)
              .bodyValue(SealApp.sealingForm(SealApp.pdf("anchored contract"), "1"))
              .exchange()
              .expectStatus()
              .isCreated()
              .expectBody(byte[].class)
              .returnResult();
      byte[] sealed = stamped.getResponseBody();
      String sealingId = stamped.getResponseHeaders().getFirst("Sealing-Id");

      LogReader reader = app.context.getBean(LogReader.class);
      BundleVerifier verifier = new BundleVerifier(chain.web3j());
      ProofBundle sealProof = awaitProof(app, "/api/seal/seals/" + sealId + "/proof");
      Verification v = verifier.verify(sealProof, 1, reader.verifier());
      assertThat(v.verdict()).as("%s", v.reasons()).isEqualTo(Verdict.VALID);
      ProofBundle sealingProof = awaitProof(app, "/api/seal/sealings/" + sealingId + "/proof");
      assertThat(verifier.verify(sealingProof, 1, reader.verifier()).verdict())
          .isEqualTo(Verdict.VALID);

      Map<?, ?> verification =
          app.anonymous
              .post()
              .uri("/api/seal/verifications")
              .contentType(MediaType.MULTIPART_FORM_DATA)
              .bodyValue(SealApp.verificationForm(sealed, null))
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(Map.class)
              .returnResult()
              .getResponseBody();
      assertThat(verification.get("verdict")).isEqualTo("SIGNATURE_VALID");
      Map<?, ?> log =
          (Map<?, ?>)
              ((Map<?, ?>) ((java.util.List<?>) verification.get("signatures")).get(0))
                  .get("logRecord");
      assertThat(log.get("status")).isEqualTo("ANCHORED");
      assertThat(log.get("sealingId")).isEqualTo(sealingId);
      ProofBundle embedded =
          ProofBundleJson.parse(org.govchain.anchor.canonical.Jcs.serialize(log.get("proof")));
      assertThat(verifier.verify(embedded, 1, reader.verifier()).verdict())
          .isEqualTo(Verdict.VALID);
    }
  }

  private static ProofBundle awaitProof(SealApp app, String path) {
    return Await.value(
        "an anchored proof of " + path,
        DEADLINE,
        Duration.ofMillis(250),
        () -> {
          // expectBody reads the whole answer (all chunks), not just its last buffer
          var result =
              app.auditor.get().uri(path).exchange().expectBody(byte[].class).returnResult();
          if (result.getStatus().value() == 200) {
            return Optional.of(ProofBundleJson.parse(result.getResponseBody()));
          }
          assertThat(result.getStatus().value())
              .as("only not-anchored-yet while waiting")
              .isEqualTo(409);
          return Optional.empty();
        });
  }
}
