package org.govchain.anchor.chain;

import org.web3j.utils.Numeric;

/** The registry refused an anchor whose tree size does not exceed the log's latest one. */
public final class TreeSizeNotGreaterException extends ChainException {

  private static final long serialVersionUID = 1L;

  private final byte[] logId;
  private final long latestSize;
  private final long treeSize;

  public TreeSizeNotGreaterException(byte[] logId, long latestSize, long treeSize) {
    super(
        "tree size "
            + treeSize
            + " is not greater than the latest anchored size "
            + latestSize
            + " of log "
            + Numeric.toHexString(logId));
    this.logId = logId.clone();
    this.latestSize = latestSize;
    this.treeSize = treeSize;
  }

  public byte[] logId() {
    return logId.clone();
  }

  /** The tree size already anchored on chain. */
  public long latestSize() {
    return latestSize;
  }

  /** The refused tree size. */
  public long treeSize() {
    return treeSize;
  }
}
