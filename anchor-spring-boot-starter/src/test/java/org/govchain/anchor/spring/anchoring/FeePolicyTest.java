package org.govchain.anchor.spring.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.govchain.anchor.chain.AnchorTransaction;
import org.govchain.anchor.chain.TransactionFees;
import org.junit.jupiter.api.Test;

/** What anchor transactions may pay: the cap, and replacements of stuck ones. */
class FeePolicyTest {

  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private final FeePolicy policy = new FeePolicy(GWEI.multiply(BigInteger.valueOf(100)), 12);

  @Test
  void replacementRaisesFeeCapAndTipByTheBumpOrToTheChainsCurrentFeesWhicheverIsHigher() {
    TransactionFees sent = new TransactionFees(false, gwei(50), gwei(2));
    TransactionFees quiet = new TransactionFees(false, gwei(10), gwei(1));
    TransactionFees replacement = policy.replacement(sent, quiet);
    assertThat(replacement.maxFeePerGas()).isEqualTo(sent.bumped(12).maxFeePerGas());
    assertThat(replacement.maxPriorityFeePerGas())
        .isEqualTo(sent.bumped(12).maxPriorityFeePerGas());
    assertThat(replacement.maxFeePerGas()).isGreaterThan(gwei(50));

    TransactionFees busy = new TransactionFees(false, gwei(80), gwei(5));
    TransactionFees followed = policy.replacement(sent, busy);
    assertThat(followed.maxFeePerGas()).isEqualTo(gwei(80));
    assertThat(followed.maxPriorityFeePerGas()).isEqualTo(gwei(5));
  }

  @Test
  void aReplacementAboveTheCapIsRecognised() {
    TransactionFees sent = new TransactionFees(false, gwei(95), gwei(2));
    assertThat(policy.exceedsCap(policy.replacement(sent, sent))).isTrue();
    assertThat(policy.exceedsCap(new TransactionFees(false, gwei(100), gwei(2)))).isFalse();
  }

  @Test
  void aNewTransactionsFeeCapIsHeldToTheCapAndItsTipBelowIt() {
    TransactionFees asked = new TransactionFees(false, gwei(300), gwei(150));
    TransactionFees capped =
        policy
            .capped(
                new AnchorTransaction(
                    new byte[32], 8, new byte[32], 0, BigInteger.valueOf(100_000), asked))
            .fees();
    assertThat(capped.maxFeePerGas()).isEqualTo(gwei(100));
    assertThat(capped.maxPriorityFeePerGas()).isEqualTo(gwei(100));
  }

  private static BigInteger gwei(long n) {
    return GWEI.multiply(BigInteger.valueOf(n));
  }
}
