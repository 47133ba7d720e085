package org.govchain.anchor.chain;

import java.util.Objects;

/**
 * An {@code Anchored(logId, treeSize, rootHash)} event of the registry, located by its transaction
 * and block.
 *
 * @param transactionHash 0x-prefixed hash of the anchoring transaction
 * @param blockNumber the block that holds it
 * @param treeSize the anchored size
 * @param rootHash the anchored root (32 bytes)
 */
public record AnchoredEvent(
    String transactionHash, long blockNumber, long treeSize, byte[] rootHash) {

  public AnchoredEvent {
    Objects.requireNonNull(transactionHash, "transactionHash");
    rootHash = Objects.requireNonNull(rootHash, "rootHash").clone();
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AnchoredEvent that
        && transactionHash.equals(that.transactionHash)
        && blockNumber == that.blockNumber
        && treeSize == that.treeSize
        && java.util.Arrays.equals(rootHash, that.rootHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        transactionHash, blockNumber, treeSize, java.util.Arrays.hashCode(rootHash));
  }
}
