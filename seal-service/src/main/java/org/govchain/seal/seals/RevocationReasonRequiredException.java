package org.govchain.seal.seals;

import java.util.List;
import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.seal.problems.ProblemType;

/** A revocation without a reason (HTTP 422): revocations are permanent and must say why. */
public final class RevocationReasonRequiredException extends ProblemException {
  public RevocationReasonRequiredException() {
    super(
        ProblemType.REVOCATION_REASON_REQUIRED,
        "revoking a seal requires a non-blank reason",
        Map.of("errors", List.of(FieldError.of("reason", "must not be blank"))));
  }
}
