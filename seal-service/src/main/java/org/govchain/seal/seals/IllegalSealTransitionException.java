package org.govchain.seal.seals;

import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.seal.problems.ProblemType;

/**
 * An action that the seal's current status does not allow (HTTP 409, members sealStatus, action).
 */
public final class IllegalSealTransitionException extends ProblemException {
  private final SealStatus from;
  private final SealAction action;

  public IllegalSealTransitionException(SealStatus from, SealAction action) {
    super(
        ProblemType.ILLEGAL_TRANSITION,
        "cannot " + action + " a seal that is " + from,
        Map.of("sealStatus", from.name(), "action", action.name()));
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
