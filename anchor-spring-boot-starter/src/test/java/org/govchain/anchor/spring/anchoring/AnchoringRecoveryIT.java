package org.govchain.anchor.spring.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.anchor.chain.AnchorRegistryClient.await;
import static org.govchain.anchor.spring.anchoring.AnchoringHarness.awaitTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.govchain.anchor.chain.AnchorTransaction;
import org.govchain.anchor.chain.LogId;
import org.govchain.anchor.chain.SignedTransaction;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithDevChain;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A process that stops between storing or sending an anchor transaction and handling its receipt
 * recovers from the stored hash and the contract, never by a second anchor transaction.
 */
@WithDevChain
@WithPostgres
@ExtendWith(OutputCaptureExtension.class)
class AnchoringRecoveryIT {

  private final DevChain chain;

  AnchoringRecoveryIT(DevChain chain) {
    this.chain = chain;
  }

  @Test
  void applicationStoppedBeforeTheReceiptConfirmsTheSameTransactionAfterRestart(
      PostgresServer.Database db) throws Exception {
    try (AnchoringHarness h = new AnchoringHarness(chain, db)) {
      chain.setAutomine(false);
      String hash;
      long size;
      try {
        ConfigurableApplicationContext first = h.start(chain.rpcUrl());
        size = h.appendCheckpoint(6);
        awaitTrue("the transaction is stored and sent", () -> broadcast(h));
        first.close(); // stopped while the transaction waits for its block
        hash = (String) h.transactions().get(0).get("tx_hash");
        chain.mine(1);
      } finally {
        chain.setAutomine(true);
      }

      ConfigurableApplicationContext second = h.start(chain.rpcUrl());
      awaitTrue("the checkpoint is confirmed", () -> h.state(size).equals("CONFIRMED"));

      assertThat(h.checkpoint(size).get("tx_hash")).isEqualTo(hash);
      assertThat(h.transactions())
          .singleElement()
          .satisfies(tx -> assertThat(tx.get("state")).isEqualTo("CONFIRMED"));
      assertThat(h.anchoredEvents()).isEqualTo(1);
      assertThat(newTransactions(second)).isZero();
    }
  }

  @Test
  void sentTransactionWhoseReceiptWasNeverStoredIsConfirmedWithoutResending(
      PostgresServer.Database db) throws Exception {
    try (AnchoringHarness h = new AnchoringHarness(chain, db)) {
      h.migrate();
      long size = h.appendCheckpoint(5);
      AnchorTransaction tx =
          await(h.submitter.prepareAnchor(LogId.of(h.origin), size, h.tree.root()));
      SignedTransaction signed = h.submitter.sign(tx);
      h.storeSent(tx, signed);
      await(h.submitter.sendRaw(signed)); // mined; the "crashed" process never saw the receipt

      ConfigurableApplicationContext app = h.start(chain.rpcUrl());
      awaitTrue("the checkpoint is confirmed", () -> h.state(size).equals("CONFIRMED"));

      assertThat(h.checkpoint(size).get("tx_hash")).isEqualTo(signed.hash());
      assertThat(h.anchoredEvents()).isEqualTo(1);
      assertThat(newTransactions(app)).isZero();
    }
  }

  @Test
  void storedButUnsentTransactionIsSentAsStoredWithItsHash(
      PostgresServer.Database db, CapturedOutput output) throws Exception {
    try (AnchoringHarness h = new AnchoringHarness(chain, db)) {
      h.migrate();
      long size = h.appendCheckpoint(4);
      AnchorTransaction tx =
          await(h.submitter.prepareAnchor(LogId.of(h.origin), size, h.tree.root()));
      SignedTransaction signed = h.submitter.sign(tx);
      h.storeSent(tx, signed); // the process stopped before sending

      ConfigurableApplicationContext app = h.start(chain.rpcUrl());
      awaitTrue("the checkpoint is confirmed", () -> h.state(size).equals("CONFIRMED"));

      assertThat(h.checkpoint(size).get("tx_hash")).isEqualTo(signed.hash());
      assertThat(h.anchoredEvents()).isEqualTo(1);
      assertThat(newTransactions(app)).isZero();
      assertThat(output.getOut())
          .as("an operator can tell the stored transaction went out again")
          .contains(
              "anchor transaction "
                  + signed.hash()
                  + " of log "
                  + h.origin
                  + " at size "
                  + size
                  + " (nonce "
                  + tx.nonce()
                  + ") was stored but never acknowledged by the node: sending the stored"
                  + " transaction");
    }
  }

  @Test
  void storedButUnsentTransactionOlderThanStuckAfterIsSentAsStoredNotReplaced(
      PostgresServer.Database db) throws Exception {
    try (AnchoringHarness h = new AnchoringHarness(chain, db)) {
      h.migrate();
      long size = h.appendCheckpoint(3);
      AnchorTransaction tx =
          await(h.submitter.prepareAnchor(LogId.of(h.origin), size, h.tree.root()));
      SignedTransaction signed = h.submitter.sign(tx);
      h.storeSent(tx, signed);
      // stored just before the chain went away for ten minutes (longer than stuck-after, 60 s):
      // no node ever held it, so it is not stuck, and a replacement would be a second
      // transaction for the same checkpoint (found by the fault campaign's chain outage)
      h.sql(
          "UPDATE govchain_anchor_tx SET sent_at = sent_at - interval '10 minutes'"
              + " WHERE tx_hash = ?",
          signed.hash());

      ConfigurableApplicationContext app = h.start(chain.rpcUrl());
      awaitTrue("the checkpoint is confirmed", () -> h.state(size).equals("CONFIRMED"));

      assertThat(h.checkpoint(size).get("tx_hash")).isEqualTo(signed.hash());
      assertThat(h.transactions())
          .singleElement()
          .satisfies(row -> assertThat(row.get("state")).isEqualTo("CONFIRMED"));
      assertThat(h.anchoredEvents()).isEqualTo(1);
      assertThat(transactions(app, "new")).isZero();
      assertThat(transactions(app, "replacement")).isZero();
    }
  }

  @Test
  void rootAnchoredByAnUntrackedTransactionIsAdoptedFromTheContract(PostgresServer.Database db)
      throws Exception {
    try (AnchoringHarness h = new AnchoringHarness(chain, db)) {
      h.migrate();
      long size = h.appendCheckpoint(9);
      AnchorTransaction tx =
          await(h.submitter.prepareAnchor(LogId.of(h.origin), size, h.tree.root()));
      SignedTransaction stored = h.submitter.sign(tx);
      h.storeSent(tx, stored);
      // Same nonce, other fees, other hash: the stored hash will never have a receipt.
      SignedTransaction untracked = h.submitter.sign(tx.withFees(tx.fees().bumped(20)));
      await(h.submitter.sendRaw(untracked));

      ConfigurableApplicationContext app = h.start(chain.rpcUrl());
      awaitTrue("the checkpoint is confirmed", () -> h.state(size).equals("CONFIRMED"));

      assertThat(h.checkpoint(size).get("tx_hash")).isEqualTo(untracked.hash());
      assertThat(h.transactions())
          .singleElement()
          .satisfies(row -> assertThat(row.get("state")).isEqualTo("DROPPED"));
      assertThat(h.anchoredEvents()).isEqualTo(1);
      assertThat(newTransactions(app)).isZero();
    }
  }

  @Test
  void twoInstancesOnOneDatabaseAnchorThroughOneLockHolderWhichTheOtherReplaces(
      PostgresServer.Database db) throws Exception {
    try (AnchoringHarness h = new AnchoringHarness(chain, db)) {
      ConfigurableApplicationContext a = h.start(chain.rpcUrl());
      ConfigurableApplicationContext b = h.start(chain.rpcUrl());
      long first = h.appendCheckpoint(3);
      awaitTrue("the first checkpoint is confirmed", () -> h.state(first).equals("CONFIRMED"));

      List<ConfigurableApplicationContext> holders =
          List.of(a, b).stream().filter(app -> app.getBean(Anchorer.class).holdsLock()).toList();
      assertThat(holders).hasSize(1);
      ConfigurableApplicationContext other = holders.get(0) == a ? b : a;
      holders.get(0).close();
      awaitTrue(
          "the other instance takes the lock", () -> other.getBean(Anchorer.class).holdsLock());
      long second = h.appendCheckpoint(2);
      awaitTrue("the second checkpoint is confirmed", () -> h.state(second).equals("CONFIRMED"));

      assertThat(h.anchoredEvents()).isEqualTo(2);
      assertThat(h.transactions()).extracting(row -> row.get("state")).containsOnly("CONFIRMED");
    }
  }

  private static boolean broadcast(AnchoringHarness h) {
    List<Map<String, Object>> txs = h.transactions();
    return !txs.isEmpty() && txs.get(0).get("broadcast_at") != null;
  }

  private static double newTransactions(ConfigurableApplicationContext app) {
    return transactions(app, "new");
  }

  private static double transactions(ConfigurableApplicationContext app, String kind) {
    Counter counter =
        app.getBean(MeterRegistry.class)
            .find("govchain.anchor.transactions")
            .tag("kind", kind)
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
