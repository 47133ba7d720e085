package org.govchain.ssc.cards;

import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.ssc.problems.SscProblem;

/**
 * An action that the card's current status does not allow (HTTP 409, members cardStatus with the
 * status code, action, replaced).
 */
public final class IllegalCardTransitionException extends ProblemException {

  public IllegalCardTransitionException(CardStatus from, boolean replaced, CardAction action) {
    super(
        SscProblem.ILLEGAL_TRANSITION,
        "cannot "
            + action
            + " a card that is "
            + from
            + " ("
            + from.code()
            + ")"
            + (replaced ? " and replaced" : ""),
        Map.of(
            "cardStatus",
            from.name(),
            "cardStatusCode",
            from.code(),
            "action",
            action.name(),
            "replaced",
            replaced));
  }
}
