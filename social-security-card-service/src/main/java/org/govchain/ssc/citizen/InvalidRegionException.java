package org.govchain.ssc.citizen;

import java.util.List;
import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.ssc.problems.SscProblem;

/** A region code that is not one (HTTP 422); region codes are not personal data. */
public final class InvalidRegionException extends ProblemException {

  public InvalidRegionException(String field, String value, String problem) {
    super(
        SscProblem.INVALID_REGION,
        field + ": " + problem,
        Map.of(
            "errors",
            List.of(FieldError.of(field, problem)),
            "value",
            value == null || value.length() > 16 ? "" : value));
  }
}
