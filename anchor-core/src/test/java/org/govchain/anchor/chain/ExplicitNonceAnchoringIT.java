package org.govchain.anchor.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.govchain.anchor.chain.AnchorRegistryClient.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.SecureRandom;
import java.util.UUID;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.WithDevChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithDevChain
class ExplicitNonceAnchoringIT {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final DevChain chain;
  private AnchorRegistryClient submitter;
  private byte[] logId;

  ExplicitNonceAnchoringIT(DevChain chain) {
    this.chain = chain;
  }

  @BeforeEach
  void deployRegistryAndRegisterSubmitter() {
    AnchorRegistryClient owner =
        await(
            AnchorRegistryClient.deploy(chain.web3j(), chain.newFundedAccount(), chain.chainId()));
    submitter =
        AnchorRegistryClient.connect(
            chain.web3j(), owner.address(), chain.chainId(), chain.newFundedAccount());
    logId = LogId.of("explicit-" + UUID.randomUUID() + ".govchain.example");
    await(owner.registerSubmitter(logId, submitter.senderAddress().orElseThrow()));
  }

  @Test
  void hashIsKnownBeforeSendingAndTheMinedReceiptCarriesIt() {
    byte[] root = randomRoot();
    AnchorTransaction prepared = await(submitter.prepareAnchor(logId, 7, root));
    long nonceBefore = await(submitter.nonce(false));

    SignedTransaction signed = submitter.sign(prepared);
    String sent = await(submitter.sendRaw(signed));

    assertThat(prepared.nonce()).isEqualTo(nonceBefore);
    assertThat(sent).isEqualTo(signed.hash());
    AnchorReceipt receipt = await(submitter.receipt(signed.hash())).orElseThrow();
    assertThat(receipt.transactionHash()).isEqualTo(signed.hash());
    assertThat(receipt.gasUsed()).isBetween(40_000L, 120_000L);
    assertThat(await(submitter.nonce(false))).isEqualTo(nonceBefore + 1);
    assertThat(await(submitter.checkpointAt(logId, 7)).orElseThrow().rootHash()).isEqualTo(root);
    AnchoredEvent event =
        await(submitter.findAnchored(logId, 7, receipt.blockNumber(), receipt.blockNumber()))
            .orElseThrow();
    assertThat(event.transactionHash()).isEqualTo(signed.hash());
    assertThat(event.rootHash()).isEqualTo(root);
    assertThat(await(submitter.findAnchored(logId, 8, 0, receipt.blockNumber()))).isEmpty();
  }

  @Test
  void resendingAMinedTransactionReportsItsNonceAsConsumed() {
    SignedTransaction signed =
        submitter.sign(await(submitter.prepareAnchor(logId, 3, randomRoot())));
    await(submitter.sendRaw(signed));

    assertThatThrownBy(() -> await(submitter.sendRaw(signed)))
        .isInstanceOfSatisfying(
            NonceConsumedException.class,
            e -> {
              assertThat(e.transactionHash()).isEqualTo(signed.hash());
              assertThat(e.nonce()).isEqualTo(signed.nonce());
            });
    assertThat(await(submitter.latest(logId)).orElseThrow().treeSize()).isEqualTo(3);
  }

  @Test
  void pendingTransactionIsReplacedBySameNonceWithBumpedFees() {
    assumeTrue(chain.isHardhat(), "needs Hardhat to hold transactions in its pool");
    byte[] root = randomRoot();
    AnchorTransaction first = await(submitter.prepareAnchor(logId, 11, root));
    chain.setAutomine(false);
    try {
      SignedTransaction original = submitter.sign(first);
      await(submitter.sendRaw(original));
      await(submitter.sendRaw(original)); // the node knows it: same hash, no error
      assertThat(await(submitter.receipt(original.hash()))).isEmpty();

      AnchorTransaction bumped = first.withFees(first.fees().bumped(12));
      SignedTransaction replacement = submitter.sign(bumped);
      await(submitter.sendRaw(replacement));
      chain.mine(1);

      assertThat(replacement.hash()).isNotEqualTo(original.hash());
      assertThat(replacement.nonce()).isEqualTo(original.nonce());
      assertThat(await(submitter.receipt(replacement.hash()))).isPresent();
      assertThat(await(submitter.receipt(original.hash()))).isEmpty();
      assertThat(await(submitter.checkpointAt(logId, 11)).orElseThrow().rootHash()).isEqualTo(root);
    } finally {
      chain.setAutomine(true);
    }
  }

  private static byte[] randomRoot() {
    byte[] root = new byte[32];
    RANDOM.nextBytes(root);
    root[0] |= 1;
    return root;
  }
}
