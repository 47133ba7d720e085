package org.govchain.anchor.chain;

import java.time.Duration;

/**
 * A sent transaction had no receipt before the deadline; it may still be mined later, so callers
 * that replace stuck transactions keep its hash and nonce.
 */
public final class ReceiptTimeoutException extends ChainException {

  private static final long serialVersionUID = 1L;

  private final String transactionHash;
  private final long nonce;
  private final Duration waited;

  public ReceiptTimeoutException(String transactionHash, long nonce, Duration waited) {
    super(
        "no receipt for transaction " + transactionHash + " (nonce " + nonce + ") after " + waited);
    this.transactionHash = transactionHash;
    this.nonce = nonce;
    this.waited = waited;
  }

  public String transactionHash() {
    return transactionHash;
  }

  /** The nonce the transaction was sent with (a replacement reuses it). */
  public long nonce() {
    return nonce;
  }

  public Duration waited() {
    return waited;
  }
}
