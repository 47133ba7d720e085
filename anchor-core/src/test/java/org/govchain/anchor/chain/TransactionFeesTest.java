package org.govchain.anchor.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TransactionFeesTest {

  @Test
  void bumpRaisesCapAndTipByAtLeastThePercentRoundingUp() {
    TransactionFees fees = TransactionFees.eip1559(BigInteger.valueOf(1001), BigInteger.valueOf(7));

    TransactionFees bumped = fees.bumped(10);

    assertThat(bumped.maxFeePerGas()).isEqualTo(BigInteger.valueOf(1102)); // 1101.1 rounded up
    assertThat(bumped.maxPriorityFeePerGas()).isEqualTo(BigInteger.valueOf(8)); // 7.7 rounded up
    assertThat(bumped.legacy()).isFalse();
  }

  @Test
  void bumpOfAZeroTipStillRaisesIt() {
    TransactionFees bumped =
        TransactionFees.eip1559(BigInteger.valueOf(100), BigInteger.ZERO).bumped(10);

    assertThat(bumped.maxPriorityFeePerGas()).isEqualTo(BigInteger.ONE);
  }

  @Test
  void legacyBumpKeepsPriceAndTipEqual() {
    TransactionFees bumped = TransactionFees.legacy(BigInteger.valueOf(20)).bumped(25);

    assertThat(bumped.maxFeePerGas()).isEqualTo(BigInteger.valueOf(25));
    assertThat(bumped.maxPriorityFeePerGas()).isEqualTo(BigInteger.valueOf(25));
    assertThat(bumped.legacy()).isTrue();
  }

  @Test
  void rejectsTipAboveCap() {
    assertThatThrownBy(() -> TransactionFees.eip1559(BigInteger.TEN, BigInteger.valueOf(11)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds the fee cap");
  }

  @Test
  void acceptsFreeGasAsOnBesuWithAZeroBaseFeeAndMinGasPriceZero() {
    TransactionFees free = TransactionFees.eip1559(BigInteger.ZERO, BigInteger.ZERO);

    assertThat(free.maxFeePerGas()).isZero();
    assertThat(TransactionFees.legacy(BigInteger.ZERO).maxFeePerGas()).isZero();
    // a replacement of a free transaction must still rise: both to one wei
    assertThat(free.bumped(10).maxFeePerGas()).isEqualTo(BigInteger.ONE);
    assertThat(free.bumped(10).maxPriorityFeePerGas()).isEqualTo(BigInteger.ONE);
  }

  @Test
  void rejectsNegativeFees() {
    assertThatThrownBy(() -> TransactionFees.legacy(BigInteger.valueOf(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> TransactionFees.eip1559(BigInteger.TEN, BigInteger.valueOf(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
