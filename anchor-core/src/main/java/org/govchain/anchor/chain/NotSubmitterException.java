package org.govchain.anchor.chain;

import org.web3j.utils.Numeric;

/** The registry refused an anchor because the caller is not the log's registered submitter. */
public final class NotSubmitterException extends ChainException {

  private static final long serialVersionUID = 1L;

  private final byte[] logId;
  private final String caller;

  public NotSubmitterException(byte[] logId, String caller) {
    super("not the submitter of log " + Numeric.toHexString(logId) + ": " + caller);
    this.logId = logId.clone();
    this.caller = caller;
  }

  /** The log the caller tried to anchor. */
  public byte[] logId() {
    return logId.clone();
  }

  /** The refused sender address. */
  public String caller() {
    return caller;
  }
}
