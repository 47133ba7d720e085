package org.govchain.anchor.spring.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.anchor.chain.AnchorRegistryClient.await;
import static org.govchain.anchor.spring.log.SequencerIT.awaitLeaves;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.govchain.anchor.bundle.BundleVerifier;
import org.govchain.anchor.bundle.ProofBundle;
import org.govchain.anchor.bundle.ProofBundleJson;
import org.govchain.anchor.bundle.Verdict;
import org.govchain.anchor.bundle.Verification;
import org.govchain.anchor.chain.AnchorReceipt;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.LogId;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.anchor.spring.log.testapp.LogTestApplication;
import org.govchain.anchor.spring.log.testapp.RecordService;
import org.govchain.anchor.web.problem.ProblemKind;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithDevChain;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.web3j.crypto.Credentials;

/**
 * Bundles served by the log API verify with anchor-core's verifier against a checkpoint really
 * anchored on the dev chain (this test plays the anchorer's part: it anchors and fills the
 * checkpoint's anchor columns).
 */
@WithPostgres
@WithDevChain
class LogBundleIT {

  private static final int ANCHORED = 7;

  @Test
  void bundleOfAnAnchoredLeafIsValidOnChain(PostgresServer.Database db, DevChain chain)
      throws Exception {
    try (ConfigurableApplicationContext app = LogTestApplication.start(db)) {
      WebTestClient web = LogApiIT.client(app);
      RecordService records = app.getBean(RecordService.class);
      LogReader reader = app.getBean(LogReader.class);
      for (int i = 0; i < ANCHORED; i++) {
        records.save("rec-" + i, "name " + i, 1, false).block();
      }
      awaitLeaves(db, ANCHORED);
      LogCheckpoint checkpoint = reader.latestCheckpoint().block();
      assertThat(checkpoint.size()).isEqualTo(ANCHORED);

      AnchorRegistryClient owner =
          await(
              AnchorRegistryClient.deploy(
                  chain.web3j(), chain.newFundedAccount(), chain.chainId()));
      Credentials submitterKey = chain.newFundedAccount();
      await(
          owner.registerSubmitter(LogId.of(LogTestApplication.ORIGIN), submitterKey.getAddress()));
      AnchorRegistryClient submitter =
          AnchorRegistryClient.connect(
              chain.web3j(), owner.address(), chain.chainId(), submitterKey);
      AnchorReceipt receipt =
          await(
              submitter.anchor(
                  LogId.of(LogTestApplication.ORIGIN),
                  checkpoint.size(),
                  HexFormat.of().parseHex(checkpoint.rootHash())));
      markAnchored(db, checkpoint.size(), chain.chainId(), owner.address(), receipt);

      LogCheckpoint anchored = reader.latestCheckpoint().block();
      assertThat(anchored.anchor())
          .isEqualTo(
              new LogCheckpoint.Anchor(
                  chain.chainId(),
                  owner.address(),
                  receipt.transactionHash(),
                  receipt.blockNumber(),
                  receipt.blockTime()));

      BundleVerifier verifier = new BundleVerifier(chain.web3j());
      for (long index = 0; index < ANCHORED; index++) {
        ProofBundle bundle = bundleOverHttp(web, index);
        assertThat(bundle.treeSize()).isEqualTo(ANCHORED);
        assertThat(bundle.checkpointNote()).isEqualTo(checkpoint.note());
        Verification result = verifier.verify(bundle, 1, reader.verifier());
        assertThat(result.verdict())
            .as("leaf %d: %s", index, result.reasons())
            .isEqualTo(Verdict.VALID);
      }

      ProofBundle latest = reader.bundleForLatestEvent("rec-3").block();
      assertThat(EventEnvelope.parse(latest.leafData()).subject()).isEqualTo("rec-3");
      assertThat(verifier.verify(latest, 1, reader.verifier()).verdict()).isEqualTo(Verdict.VALID);
      assertThat(reader.bundleForEvent("rec-3", 1).block()).isEqualTo(latest);

      // the log grows past the anchored checkpoint: new leaves wait, old ones still verify
      for (int i = ANCHORED; i < ANCHORED + 3; i++) {
        records.save("rec-" + i, "name " + i, 1, false).block();
      }
      awaitLeaves(db, ANCHORED + 3);
      web.get()
          .uri("/api/test/log/entries/" + (ANCHORED + 1) + "/bundle")
          .exchange()
          .expectStatus()
          .isEqualTo(HttpStatus.CONFLICT)
          .expectBody()
          .jsonPath("$.type")
          .isEqualTo(ProblemKind.TYPE_BASE + "not-anchored-yet")
          .jsonPath("$.anchoredSize")
          .isEqualTo(ANCHORED);
      ProofBundle old = bundleOverHttp(web, 2);
      assertThat(old.treeSize()).isEqualTo(ANCHORED);
      assertThat(verifier.verify(old, 1, reader.verifier()).verdict()).isEqualTo(Verdict.VALID);
    }
  }

  private static ProofBundle bundleOverHttp(WebTestClient web, long index) {
    byte[] json =
        web.get()
            .uri("/api/test/log/entries/" + index + "/bundle")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    return ProofBundleJson.parse(json);
  }

  /** What the anchorer does once the anchoring transaction is confirmed. */
  private static void markAnchored(
      PostgresServer.Database db, long size, long chainId, String contract, AnchorReceipt receipt)
      throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE govchain_log_checkpoint SET anchor_state = 'CONFIRMED', chain_id = ?,"
                    + " contract = ?, tx_hash = ?, block_number = ?, block_time = ?, gas_used = ?,"
                    + " anchored_at = now() WHERE log_origin = ? AND tree_size = ?")) {
      s.setLong(1, chainId);
      s.setString(2, contract);
      s.setString(3, receipt.transactionHash());
      s.setLong(4, receipt.blockNumber());
      s.setObject(5, OffsetDateTime.ofInstant(receipt.blockTime(), ZoneOffset.UTC));
      s.setLong(6, receipt.gasUsed());
      s.setString(7, LogTestApplication.ORIGIN);
      s.setLong(8, size);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }
}
