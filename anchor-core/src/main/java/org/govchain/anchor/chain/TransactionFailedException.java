package org.govchain.anchor.chain;

import java.util.Optional;

/**
 * A transaction was rejected by the node before mining, or was mined and reverted; the reason is
 * the node's message or the decoded revert.
 */
public final class TransactionFailedException extends ChainException {

  private static final long serialVersionUID = 1L;

  private final String transactionHash;
  private final String reason;

  /** {@code transactionHash} is null when the node rejected the transaction before mining. */
  public TransactionFailedException(String transactionHash, String reason) {
    this(transactionHash, reason, null);
  }

  /** As above, with the decoded revert (e.g. a {@link TreeSizeNotGreaterException}) as cause. */
  public TransactionFailedException(String transactionHash, String reason, ChainException cause) {
    super(
        (transactionHash == null
                ? "transaction rejected"
                : "transaction " + transactionHash + " failed")
            + ": "
            + reason,
        cause);
    this.transactionHash = transactionHash;
    this.reason = reason;
  }

  /** The hash of the mined, reverted transaction; empty if it was rejected before mining. */
  public Optional<String> transactionHash() {
    return Optional.ofNullable(transactionHash);
  }

  public String reason() {
    return reason;
  }
}
