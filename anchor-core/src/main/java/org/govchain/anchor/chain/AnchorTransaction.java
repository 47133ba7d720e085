package org.govchain.anchor.chain;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.web3j.utils.Numeric;

/**
 * An anchor transaction ready to sign, with everything a replacement must keep (the nonce) or may
 * change (the fees) made explicit.
 *
 * @param logId 32-byte log id
 * @param treeSize the tree size to anchor, positive
 * @param rootHash the 32-byte root
 * @param nonce the sender's nonce this transaction uses, not negative
 * @param gasLimit the gas limit, positive
 * @param fees the fees offered
 */
public record AnchorTransaction(
    byte[] logId,
    long treeSize,
    byte[] rootHash,
    long nonce,
    BigInteger gasLimit,
    TransactionFees fees) {

  public AnchorTransaction {
    logId = LogId.requireValid(logId).clone();
    rootHash = Objects.requireNonNull(rootHash, "rootHash").clone();
    Objects.requireNonNull(gasLimit, "gasLimit");
    Objects.requireNonNull(fees, "fees");
    if (treeSize <= 0 || nonce < 0 || gasLimit.signum() <= 0 || rootHash.length != 32) {
      throw new IllegalArgumentException(
          "need treeSize > 0, nonce >= 0, gasLimit > 0 and a 32-byte root");
    }
  }

  /** The same transaction (same nonce) with other fees, e.g. to replace a stuck one. */
  public AnchorTransaction withFees(TransactionFees newFees) {
    return new AnchorTransaction(logId, treeSize, rootHash, nonce, gasLimit, newFees);
  }

  /** The ABI call data of {@code anchor(logId, treeSize, rootHash)}. */
  String callData() {
    return RegistryAbi.anchor(logId, treeSize, rootHash);
  }

  @Override
  public byte[] logId() {
    return logId.clone();
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AnchorTransaction that
        && treeSize == that.treeSize
        && nonce == that.nonce
        && Arrays.equals(logId, that.logId)
        && Arrays.equals(rootHash, that.rootHash)
        && gasLimit.equals(that.gasLimit)
        && fees.equals(that.fees);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(logId), treeSize, Arrays.hashCode(rootHash), nonce, gasLimit, fees);
  }

  @Override
  public String toString() {
    return "AnchorTransaction[logId="
        + Numeric.toHexString(logId)
        + ", treeSize="
        + treeSize
        + ", rootHash="
        + Numeric.toHexString(rootHash)
        + ", nonce="
        + nonce
        + ", gasLimit="
        + gasLimit
        + ", fees="
        + fees
        + "]";
  }
}
