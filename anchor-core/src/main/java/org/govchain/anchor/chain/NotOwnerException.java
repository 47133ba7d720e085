package org.govchain.anchor.chain;

/** The registry refused an owner-only call (submitter or ownership change) from another sender. */
public final class NotOwnerException extends ChainException {

  private static final long serialVersionUID = 1L;

  private final String caller;

  public NotOwnerException(String caller) {
    super("not the registry owner: " + caller);
    this.caller = caller;
  }

  /** The refused sender address. */
  public String caller() {
    return caller;
  }
}
