package org.govchain.anchor.spring.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.anchor.spring.anchoring.AnchoringHarness.awaitTrue;
import static org.govchain.anchor.spring.anchoring.AnchoringHarness.big;

import java.util.List;
import java.util.Map;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithDevChain;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

/** A transaction left in the pool is replaced by the same nonce with higher fees. */
@WithDevChain
@WithPostgres
class AnchoringStuckTransactionIT {

  private final DevChain chain;

  AnchoringStuckTransactionIT(DevChain chain) {
    this.chain = chain;
  }

  @Test
  void stuckTransactionIsReplacedWithHigherFeesAndExactlyOneOfThemIsMined(
      PostgresServer.Database db) throws Exception {
    try (AnchoringHarness h = new AnchoringHarness(chain, db)) {
      long size;
      chain.setAutomine(false);
      try {
        h.start(chain.rpcUrl(), "govchain.anchor.stuck-after=2s");
        size = h.appendCheckpoint(8);
        awaitReplacementBroadcast(h);
        chain.mine(1);
      } finally {
        chain.setAutomine(true);
      }
      awaitTrue("the checkpoint is confirmed", () -> h.state(size).equals("CONFIRMED"));

      List<Map<String, Object>> txs = h.transactions();
      assertThat(txs.size()).isGreaterThanOrEqualTo(2);
      assertThat(txs).extracting(tx -> tx.get("nonce")).containsOnly(txs.get(0).get("nonce"));
      int mined = 0;
      for (Map<String, Object> tx : txs) {
        mined += h.mined((String) tx.get("tx_hash")) ? 1 : 0;
      }
      assertThat(mined).isEqualTo(1);
      Map<String, Object> winner =
          txs.stream().filter(tx -> "CONFIRMED".equals(tx.get("state"))).findFirst().orElseThrow();
      assertThat(h.checkpoint(size).get("tx_hash")).isEqualTo(winner.get("tx_hash"));
      assertThat(h.mined((String) winner.get("tx_hash"))).isTrue();
      assertThat(big(winner.get("max_fee_per_gas")))
          .isGreaterThan(big(txs.get(0).get("max_fee_per_gas")));
      assertThat(txs).extracting(tx -> tx.get("state")).containsOnly("CONFIRMED", "DROPPED");
      assertThat(h.anchoredEvents()).isEqualTo(1);
    }
  }

  /**
   * The replacement is broadcast, but the chain mines the replaced transaction (as a miner that
   * never saw the replacement would): the replaced one anchors the checkpoint, the replacement is
   * dropped. Before the fix, noting the replaced one as mined broke the one-in-flight index and the
   * anchorer stopped for good.
   */
  @Test
  void replacedTransactionMinedInsteadOfItsReplacementConfirmsTheCheckpoint(
      PostgresServer.Database db) throws Exception {
    try (AnchoringHarness h = new AnchoringHarness(chain, db)) {
      long size;
      Map<String, Object> first;
      chain.setAutomine(false);
      try {
        h.start(chain.rpcUrl(), "govchain.anchor.stuck-after=4s");
        size = h.appendCheckpoint(5);
        awaitReplacementBroadcast(h);
        List<Map<String, Object>> txs = h.transactions();
        first = txs.get(0);
        // the node forgets the replacement and takes the replaced bytes again, as another node's
        // pool would still hold them
        chain.send("hardhat_dropTransaction", txs.get(txs.size() - 1).get("tx_hash"));
        String resent =
            chain
                .web3j()
                .ethSendRawTransaction((String) first.get("raw_tx"))
                .send()
                .getTransactionHash();
        assertThat(resent).isEqualTo(first.get("tx_hash"));
        chain.mine(1);
      } finally {
        chain.setAutomine(true);
      }
      awaitTrue("the checkpoint is confirmed", () -> h.state(size).equals("CONFIRMED"));

      assertThat(h.checkpoint(size).get("tx_hash")).isEqualTo(first.get("tx_hash"));
      List<Map<String, Object>> txs = h.transactions();
      assertThat(txs.get(0).get("state")).isEqualTo("CONFIRMED");
      assertThat(txs.subList(1, txs.size()))
          .extracting(tx -> tx.get("state"))
          .containsOnly("DROPPED");
      assertThat(h.anchoredEvents()).isEqualTo(1);
    }
  }

  /** Waits until a replacement exists and the node has acknowledged it (broadcast_at is set). */
  private static void awaitReplacementBroadcast(AnchoringHarness h) {
    awaitTrue(
        "the stuck transaction is replaced and its replacement broadcast",
        () -> {
          List<Map<String, Object>> txs = h.transactions();
          if (txs.size() < 2) {
            return false;
          }
          Map<String, Object> newest = txs.get(txs.size() - 1);
          return "REPLACED".equals(txs.get(txs.size() - 2).get("state"))
              && "SENT".equals(newest.get("state"))
              && newest.get("broadcast_at") != null;
        });
  }
}
