package org.govchain.ssc.cards;

import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.ssc.problems.SscProblem;

/** Something that must state why was asked without a reason (HTTP 422). */
public final class ReasonRequiredException extends ProblemException {

  public ReasonRequiredException(CardAction action) {
    super(
        SscProblem.REASON_REQUIRED,
        action + " needs a reason",
        Map.of("action", action.name(), "field", "reason"));
  }

  /** For what is not a status change, e.g. {@code "a clear read"}. */
  public ReasonRequiredException(String what) {
    super(SscProblem.REASON_REQUIRED, what + " needs a reason", Map.of("field", "reason"));
  }
}
