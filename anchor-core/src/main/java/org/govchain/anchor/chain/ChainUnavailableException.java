package org.govchain.anchor.chain;

/** The chain's JSON-RPC endpoint could not be reached or could not answer a request. */
public final class ChainUnavailableException extends ChainException {

  private static final long serialVersionUID = 1L;

  private final String operation;

  /** {@code operation} names what was attempted, e.g. the JSON-RPC method. */
  public ChainUnavailableException(String operation, String detail, Throwable cause) {
    super(operation + ": chain unavailable: " + detail, cause);
    this.operation = operation;
  }

  /** What was attempted, e.g. {@code eth_call}. */
  public String operation() {
    return operation;
  }
}
