package org.govchain.anchor.chain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.web3j.utils.Numeric;

/**
 * A checkpoint as the registry stores it: the root of a log at a tree size and the block that
 * anchored it.
 *
 * @param logId 32-byte keccak256 of the log's origin
 * @param treeSize the anchored tree size (positive)
 * @param rootHash the 32-byte root hash
 * @param blockNumber the block whose transaction anchored it
 * @param blockTime that block's timestamp
 */
public record AnchoredCheckpoint(
    byte[] logId, long treeSize, byte[] rootHash, long blockNumber, Instant blockTime) {

  public AnchoredCheckpoint {
    logId = LogId.requireValid(logId).clone();
    rootHash = Objects.requireNonNull(rootHash, "rootHash").clone();
    Objects.requireNonNull(blockTime, "blockTime");
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
    return other instanceof AnchoredCheckpoint that
        && treeSize == that.treeSize
        && blockNumber == that.blockNumber
        && Arrays.equals(logId, that.logId)
        && Arrays.equals(rootHash, that.rootHash)
        && blockTime.equals(that.blockTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(logId), treeSize, Arrays.hashCode(rootHash), blockNumber, blockTime);
  }

  @Override
  public String toString() {
    return "AnchoredCheckpoint[logId="
        + Numeric.toHexString(logId)
        + ", treeSize="
        + treeSize
        + ", rootHash="
        + Numeric.toHexString(rootHash)
        + ", blockNumber="
        + blockNumber
        + ", blockTime="
        + blockTime
        + "]";
  }
}
