package org.govchain.anchor.spring.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.anchor.spring.anchoring.AnchoringHarness.awaitTrue;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.govchain.anchor.bundle.Anchor;
import org.govchain.anchor.bundle.BundleVerifier;
import org.govchain.anchor.bundle.ProofBundle;
import org.govchain.anchor.bundle.Verdict;
import org.govchain.anchor.bundle.Verification;
import org.govchain.anchor.chain.LogId;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithDevChain;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The anchorer against real PostgreSQL and the real dev chain: the path without faults. */
@WithDevChain
@WithPostgres
class AnchoringIT {

  private final DevChain chain;

  AnchoringIT(DevChain chain) {
    this.chain = chain;
  }

  @Test
  void newestCheckpointIsAnchoredConfirmedAfterNBlocksAndItsBundleVerifies(
      PostgresServer.Database db) throws Exception {
    try (AnchoringHarness h = new AnchoringHarness(chain, db)) {
      ConfigurableApplicationContext app =
          h.start(chain.rpcUrl(), "govchain.anchor.confirmations=2");
      long size = h.appendCheckpoint(13);

      awaitTrue("the anchor transaction is mined", () -> minedRow(h));
      assertThat(h.state(size)).isEqualTo("NONE"); // one block deep, two are required
      chain.mine(1);
      awaitTrue("the checkpoint is confirmed", () -> h.state(size).equals("CONFIRMED"));

      Map<String, Object> row = h.checkpoint(size);
      List<Map<String, Object>> txs = h.transactions();
      assertThat(txs).hasSize(1);
      assertThat(txs.get(0).get("state")).isEqualTo("CONFIRMED");
      assertThat(row.get("tx_hash")).isEqualTo(txs.get(0).get("tx_hash"));
      assertThat(row.get("block_number")).isEqualTo(txs.get(0).get("block_number"));
      assertThat(row.get("chain_id")).isEqualTo(chain.chainId());
      assertThat(row.get("contract")).isEqualTo(h.registry.address());
      assertThat(row.get("anchored_at")).isNotNull();
      assertThat(h.anchoredEvents()).isEqualTo(1);
      long gas = (Long) row.get("gas_used");
      System.out.printf("anchorer: gas used by one anchor transaction: %d%n", gas);
      assertThat(gas).isBetween(40_000L, 120_000L);

      BundleVerifier verifier = new BundleVerifier(chain.web3j());
      for (int index : new int[] {0, 7, 12}) {
        ProofBundle bundle = bundleFromColumns(h, row, index, size);
        Verification result = verifier.verify(bundle, 2, h.logKey.verifier());
        assertThat(result.verdict()).as("%s", result.reasons()).isEqualTo(Verdict.VALID);
      }
      MeterRegistry meters = app.getBean(MeterRegistry.class);
      assertThat(meters.get("govchain.anchor.gas.used").summary().totalAmount())
          .isEqualTo((double) gas);
      assertThat(meters.get("govchain.anchor.transactions").tag("kind", "new").counter().count())
          .isEqualTo(1.0);
    }
  }

  @Test
  void onlyTheNewestOfSeveralWaitingCheckpointsIsSentAndOlderOnesAreSuperseded(
      PostgresServer.Database db) throws Exception {
    try (AnchoringHarness h = new AnchoringHarness(chain, db)) {
      h.migrate();
      long first = h.appendCheckpoint(2);
      long second = h.appendCheckpoint(3);
      long third = h.appendCheckpoint(1);
      h.start(chain.rpcUrl());

      awaitTrue("the newest checkpoint is confirmed", () -> h.state(third).equals("CONFIRMED"));

      assertThat(h.state(first)).isEqualTo("SUPERSEDED");
      assertThat(h.state(second)).isEqualTo("SUPERSEDED");
      assertThat(h.transactions()).hasSize(1);
      assertThat(h.anchoredEvents()).isEqualTo(1);
      assertThat(
              org.govchain.anchor.chain.AnchorRegistryClient.await(
                      h.registry.latest(LogId.of(h.origin)))
                  .orElseThrow()
                  .treeSize())
          .isEqualTo(third);
    }
  }

  private static boolean minedRow(AnchoringHarness h) {
    return h.transactions().stream().anyMatch(tx -> "MINED".equals(tx.get("state")));
  }

  static ProofBundle bundleFromColumns(
      AnchoringHarness h, Map<String, Object> row, int index, long size) {
    String txHash = (String) row.get("tx_hash");
    return new ProofBundle(
        h.origin,
        index,
        h.leaves.get(index),
        size,
        (byte[]) row.get("root_hash"),
        h.tree.inclusionProof(index, size),
        new Anchor(
            (Long) row.get("chain_id"),
            (String) row.get("contract"),
            LogId.of(h.origin),
            HexFormat.of().parseHex(txHash.substring(2)),
            (Long) row.get("block_number"),
            ((Timestamp) row.get("block_time")).toInstant()),
        (String) row.get("note"));
  }
}
