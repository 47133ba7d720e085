package org.govchain.anchor.chain;

/** The RPC endpoint serves a different chain than the one the client was configured for. */
public final class WrongChainException extends ChainException {

  private static final long serialVersionUID = 1L;

  private final long expectedChainId;
  private final long actualChainId;

  public WrongChainException(long expectedChainId, long actualChainId) {
    super("expected chain id " + expectedChainId + " but the endpoint serves " + actualChainId);
    this.expectedChainId = expectedChainId;
    this.actualChainId = actualChainId;
  }

  public long expectedChainId() {
    return expectedChainId;
  }

  public long actualChainId() {
    return actualChainId;
  }
}
