package org.govchain.anchor.spring.anchoring;

import java.math.BigInteger;
import org.govchain.anchor.chain.AnchorTransaction;
import org.govchain.anchor.chain.TransactionFees;

/**
 * What an anchor transaction may pay: a new one's fee cap is held to {@code max-fee-per-gas}; a
 * replacement of a stuck one raises both fee cap and tip by {@code fee-bump-percent} (nodes want 10
 * %+), and at least to the chain's current fees, unless that would pass the cap.
 */
final class FeePolicy {

  private final BigInteger maxFeePerGas;
  private final int bumpPercent;

  FeePolicy(BigInteger maxFeePerGas, int bumpPercent) {
    this.maxFeePerGas = maxFeePerGas;
    this.bumpPercent = bumpPercent;
  }

  static FeePolicy of(AnchoringProperties properties) {
    return new FeePolicy(properties.maxFeePerGas(), properties.feeBumpPercent());
  }

  /** The highest fee cap any anchor transaction may offer (wei per gas). */
  BigInteger maxFeePerGas() {
    return maxFeePerGas;
  }

  /** {@code unsigned} with its fee cap (and a legacy price, or a tip above it) held to the cap. */
  AnchorTransaction capped(AnchorTransaction unsigned) {
    TransactionFees fees = unsigned.fees();
    if (fees.maxFeePerGas().compareTo(maxFeePerGas) <= 0) {
      return unsigned;
    }
    return unsigned.withFees(
        new TransactionFees(
            fees.legacy(),
            maxFeePerGas,
            fees.legacy() ? maxFeePerGas : fees.maxPriorityFeePerGas().min(maxFeePerGas)));
  }

  /**
   * The fees of a replacement for a transaction sent with {@code sent}, the chain now asking {@code
   * current}.
   */
  TransactionFees replacement(TransactionFees sent, TransactionFees current) {
    TransactionFees bumped = sent.bumped(bumpPercent);
    if (bumped.legacy() != current.legacy()) {
      return bumped;
    }
    return new TransactionFees(
        bumped.legacy(),
        bumped.maxFeePerGas().max(current.maxFeePerGas()),
        bumped.maxPriorityFeePerGas().max(current.maxPriorityFeePerGas()));
  }

  /** Whether {@code fees} pass the cap (a replacement then is not sent). */
  boolean exceedsCap(TransactionFees fees) {
    return fees.maxFeePerGas().compareTo(maxFeePerGas) > 0;
  }
}
