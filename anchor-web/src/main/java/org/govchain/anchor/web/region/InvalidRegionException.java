package org.govchain.anchor.web.region;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.problem.ProblemKind;
import org.springframework.http.HttpStatus;

/**
 * A region code that GB/T 2260 rejects, naming the field it came from. The code itself is repeated
 * only when it is six digits: anything else may be some other value typed into the wrong field.
 *
 * <p>The problem has the members {@code field}, {@code value} (only when six digits) and {@code
 * errors} (one {@link FieldError}).
 */
public final class InvalidRegionException extends ProblemException {

  /**
   * The problem kind {@code invalid-region} (422): a GB/T 2260 region code that is not six digits
   * under a known province. Every service that reads a region answers it, so it lives here with the
   * code rather than in one service's list of kinds.
   */
  public static final ProblemKind KIND =
      ProblemKind.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-region", "Invalid region code");

  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the request field (or JSON path) the code came from
   * @param value the code as received, repeated in the problem only when it is six digits
   * @param message what is wrong, without repeating the value
   */
  public InvalidRegionException(String field, String value, String message) {
    super(KIND, detail(field, value, message), members(field, value, message));
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
        && value.chars().allMatch(c -> RegionCode.isAsciiDigit((char) c));
  }
}
