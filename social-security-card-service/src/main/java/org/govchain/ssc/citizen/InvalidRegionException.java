package org.govchain.ssc.citizen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.ssc.problems.SscProblem;

/**
 * A region code that GB/T 2260 rejects, naming the field it came from. The code itself is repeated
 * only when it is six digits: anything else may be some other value typed into the wrong field.
 */
public final class InvalidRegionException extends ProblemException {

  private final String field;

  InvalidRegionException(String field, String value, String message) {
    super(SscProblem.INVALID_REGION, detail(field, value, message), members(field, value, message));
    this.field = field;
  }

  /** The request field the code came from. */
  public String field() {
    return field;
  }

  private static String detail(String field, String value, String message) {
    return "invalid region code"
        + (isSixDigits(value) ? " " + value : "")
        + " in "
        + field
        + ": "
        + message;
  }

  private static Map<String, Object> members(String field, String value, String message) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("field", field);
    if (isSixDigits(value)) {
      members.put("value", value);
    }
    members.put("errors", List.of(FieldError.of(field, message)));
    return members;
  }

  private static boolean isSixDigits(String value) {
    return value != null
        && value.length() == 6
        && value.chars().allMatch(c -> Ascii.isDigit((char) c));
  }
}
