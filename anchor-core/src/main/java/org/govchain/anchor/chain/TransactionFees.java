package org.govchain.anchor.chain;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The fees a transaction offers: EIP-1559 ({@code maxFeePerGas}, {@code maxPriorityFeePerGas}) or,
 * on chains without a base fee, a legacy {@code gasPrice} (held in both fields).
 *
 * @param legacy whether this is a legacy (EIP-155) gas price rather than EIP-1559 fees
 * @param maxFeePerGas the fee cap per gas in wei (the gas price for legacy fees); zero on a
 *     free-gas network (Besu with {@code --min-gas-price=0} and a zero base fee)
 * @param maxPriorityFeePerGas the tip per gas in wei, at most {@code maxFeePerGas}
 */
public record TransactionFees(
    boolean legacy, BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {

  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  public TransactionFees {
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    if (maxFeePerGas.signum() < 0 || maxPriorityFeePerGas.signum() < 0) {
      throw new IllegalArgumentException(
          "fees must not be negative: " + maxFeePerGas + "/" + maxPriorityFeePerGas);
    }
    if (maxPriorityFeePerGas.compareTo(maxFeePerGas) > 0) {
      throw new IllegalArgumentException(
          "priority fee " + maxPriorityFeePerGas + " exceeds the fee cap " + maxFeePerGas);
    }
  }

  /** EIP-1559 fees. */
  public static TransactionFees eip1559(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {
    return new TransactionFees(false, maxFeePerGas, maxPriorityFeePerGas);
  }

  /** A legacy gas price. */
  public static TransactionFees legacy(BigInteger gasPrice) {
    return new TransactionFees(true, gasPrice, gasPrice);
  }

  /**
   * These fees raised by {@code percent} percent, rounded up, both the cap and the tip (nodes
   * accept a replacement of a pending transaction only if both rise, usually by at least 10 %).
   *
   * @param percent at least 1
   */
  public TransactionFees bumped(int percent) {
    if (percent < 1) {
      throw new IllegalArgumentException("percent must be at least 1: " + percent);
    }
    BigInteger factor = HUNDRED.add(BigInteger.valueOf(percent));
    BigInteger tip = raise(maxPriorityFeePerGas, factor);
    return new TransactionFees(legacy, raise(maxFeePerGas, factor).max(tip), tip);
  }

  private static BigInteger raise(BigInteger value, BigInteger factor) {
    BigInteger[] division = value.multiply(factor).divideAndRemainder(HUNDRED);
    BigInteger raised = division[1].signum() == 0 ? division[0] : division[0].add(BigInteger.ONE);
    // A zero tip stays zero when multiplied; give it one wei so it strictly rises.
    return raised.compareTo(value) > 0 ? raised : value.add(BigInteger.ONE);
  }
}
