package org.govchain.anchor.chain;

/**
 * The node refused a signed transaction because its sender's nonce is already used by a mined
 * transaction (possibly this very one, or the one it was meant to replace).
 */
public final class NonceConsumedException extends ChainException {

  private static final long serialVersionUID = 1L;

  private final String transactionHash;
  private final long nonce;

  public NonceConsumedException(String transactionHash, long nonce, String nodeMessage) {
    super(
        "nonce "
            + nonce
            + " of transaction "
            + transactionHash
            + " is already used: "
            + nodeMessage);
    this.transactionHash = transactionHash;
    this.nonce = nonce;
  }

  /** The refused transaction. */
  public String transactionHash() {
    return transactionHash;
  }

  /** Its (already used) nonce. */
  public long nonce() {
    return nonce;
  }
}
