package org.govchain.anchor.chain;

import java.time.Instant;
import java.util.Objects;

/**
 * The mined, successful outcome of a registry transaction (an anchor, a deployment or a submitter
 * change).
 *
 * @param transactionHash 0x-prefixed hash of the transaction
 * @param blockNumber the block that holds it
 * @param blockTime that block's timestamp
 * @param gasUsed gas the transaction consumed
 */
public record AnchorReceipt(
    String transactionHash, long blockNumber, Instant blockTime, long gasUsed) {

  public AnchorReceipt {
    Objects.requireNonNull(transactionHash, "transactionHash");
    Objects.requireNonNull(blockTime, "blockTime");
  }
}
