package org.govchain.anchor.chain;

/** Base of every failure reported by the chain access layer; subclasses carry the values. */
public abstract class ChainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected ChainException(String message) {
    super(message);
  }

  protected ChainException(String message, Throwable cause) {
    super(message, cause);
  }
}
