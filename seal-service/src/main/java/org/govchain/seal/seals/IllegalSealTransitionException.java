package org.govchain.seal.seals;

/** An action that the seal's current status does not allow (HTTP 409). */
public final class IllegalSealTransitionException extends RuntimeException {
  private final SealStatus from;
  private final SealAction action;

  public IllegalSealTransitionException(SealStatus from, SealAction action) {
    super("cannot " + action + " a seal that is " + from);
    this.from = from;
    this.action = action;
  }

  public SealStatus from() {
    return from;
  }

  public SealAction action() {
    return action;
  }
}
