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
        awaitTrue(
            "the stuck transaction is replaced",
            () -> h.transactions().stream().anyMatch(tx -> "REPLACED".equals(tx.get("state"))));
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
}
