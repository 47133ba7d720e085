package org.govchain.anchor.spring.log;

import java.time.Instant;

/**
 * A signed checkpoint of the log as stored, and as {@code GET {prefix}/log/checkpoint} answers it.
 *
 * @param origin the log's origin
 * @param size the tree size
 * @param rootHash the root hash, lowercase hex
 * @param note the checkpoint as a C2SP signed note
 * @param createdAt when the sequencer made it
 * @param anchor where it is anchored, or {@code null} until the anchorer confirmed it
 */
public record LogCheckpoint(
    String origin, long size, String rootHash, String note, Instant createdAt, Anchor anchor) {

  /**
   * Where a checkpoint was anchored on chain.
   *
   * @param chainId the EIP-155 chain id
   * @param contract the AnchorRegistry address
   * @param txHash the anchoring transaction's hash, {@code 0x}-prefixed
   * @param blockNumber the block holding it
   * @param blockTime that block's timestamp
   */
  public record Anchor(
      long chainId, String contract, String txHash, long blockNumber, Instant blockTime) {}
}
