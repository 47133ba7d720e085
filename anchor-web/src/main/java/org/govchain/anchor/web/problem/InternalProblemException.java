package org.govchain.anchor.web.problem;

import java.util.Map;

/**
 * A failure that is the server's own (a key that does not decrypt, stored data that is not what was
 * written): answered 500 {@code internal-error} with a general detail for the caller, while the
 * message, for the operators' log, says what failed. Neither may hold personal data.
 */
public class InternalProblemException extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final String publicDetail;

  public InternalProblemException(String operatorMessage, String publicDetail) {
    super(CommonProblem.INTERNAL_ERROR, operatorMessage, Map.of());
    this.publicDetail = publicDetail;
  }

  /** What the caller is told: that it failed and the operators know, not why. */
  @Override
  public String detail() {
    return publicDetail;
  }
}
