package org.govchain.ssc.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.anchor.chain.AnchorRegistryClient.await;

import java.nio.charset.StandardCharsets;
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
import org.springframework.test.web.reactive.server.WebTestClient;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * Card events anchored on the dev chain: the holder's and the auditor's proof bundles verify VALID
 * with anchor-core's verifier, and carry the person only as a keyed hash.
 */
@WithDevChain
@WithPostgres
class SscProofIT {

  private static final Duration DEADLINE = Duration.ofMinutes(2);

  @Test
  void cardEventsAreAnchoredAndTheirProofsCarryNoPersonalData(
      DevChain chain, PostgresServer.Database db) throws Exception {
    String origin = "ssc-" + UUID.randomUUID() + ".govchain.example";
    AnchorRegistryClient owner =
        await(
            AnchorRegistryClient.deploy(chain.web3j(), chain.newFundedAccount(), chain.chainId()));
    Credentials submitter = chain.newFundedAccount();
    await(owner.registerSubmitter(LogId.of(origin), submitter.getAddress()));
    try (SscApp app =
        SscApp.start(
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
      String idNumber = SscApp.newIdNumber();
      String card = app.issueCard(idNumber);
      BundleVerifier verifier = new BundleVerifier(chain.web3j());
      LogReader reader = app.service.context().getBean(LogReader.class);

      // the issue event, read by the auditor: its leaf (the envelope) has the person as a keyed
      // hash only
      ProofBundle issued = awaitProof(app.auditor, "/api/ssc/cards/" + card + "/proof");
      Verification v = verifier.verify(issued, 1, reader.verifier());
      assertThat(v.verdict()).as("%s", v.reasons()).isEqualTo(Verdict.VALID);
      String issuedJson = new String(issued.leafData(), StandardCharsets.UTF_8);
      assertThat(issuedJson)
          .contains("ssc.card.issued", "\"person\":")
          .doesNotContain(idNumber, "张三丰", "13812345678", "6222021234567890123");

      // activated by the holder, who may fetch the proof of their own card's latest event
      app.holder
          .post()
          .uri("/api/ssc/cards/{id}/activation", card)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("activationCode", app.activationCode(card)))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody(Void.class);
      ProofBundle activated =
          Await.value(
              "the activation's proof",
              DEADLINE,
              Duration.ofMillis(250),
              () ->
                  Optional.of(awaitProof(app.holder, "/api/ssc/cards/" + card + "/proof"))
                      .filter(
                          b ->
                              new String(b.leafData(), StandardCharsets.UTF_8)
                                  .contains("ssc.card.activated")));
      assertThat(verifier.verify(activated, 1, reader.verifier()).verdict())
          .isEqualTo(Verdict.VALID);
      String activatedJson = new String(activated.leafData(), StandardCharsets.UTF_8);
      // the holder's account appears only as holder:<keyed hash>
      assertThat(activatedJson).contains("\"actor\":\"holder:").doesNotContain(SscApp.HOLDER);
      // every event keeps its own proof: the issue event, by its version in the history
      ProofBundle first = awaitProof(app.holder, "/api/ssc/cards/" + card + "/history/1/proof");
      assertThat(verifier.verify(first, 1, reader.verifier()).verdict()).isEqualTo(Verdict.VALID);
      assertThat(new String(first.leafData(), StandardCharsets.UTF_8)).contains("ssc.card.issued");
    }
  }

  private static ProofBundle awaitProof(WebTestClient client, String path) {
    return Await.value(
        "an anchored proof of " + path,
        DEADLINE,
        Duration.ofMillis(250),
        () -> {
          var result = client.get().uri(path).exchange().expectBody(byte[].class).returnResult();
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
