package org.govchain.ssc.citizen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.ssc.problems.SscProblem;

/**
 * A citizen ID number that GB 11643 rejects (HTTP 422 {@code invalid-citizen-id}) with the reason;
 * the number itself appears only masked ({@code masked}), and not at all when it is not even 18
 * characters of the right kind.
 */
public final class InvalidCitizenIdException extends ProblemException {

  /** Which rule the number breaks. */
  public enum Reason {
    FORMAT("format"),
    CHECK_CHARACTER("check-character"),
    BIRTH_DATE("birth-date"),
    REGION("region");

    private final String member;

    Reason(String member) {
      this.member = member;
    }

    /** The problem's {@code reason} member. */
    public String member() {
      return member;
    }
  }

  private final Reason reason;

  public InvalidCitizenIdException(Reason reason, String masked, String problem) {
    super(
        SscProblem.INVALID_CITIZEN_ID,
        "invalid citizen ID number" + (masked == null ? "" : " " + masked) + ": " + problem,
        members(reason, masked, problem));
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  private static Map<String, Object> members(Reason reason, String masked, String problem) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("reason", reason.member());
    if (masked != null) {
      members.put("idNumber", masked);
    }
    members.put("errors", List.of(FieldError.of("idNumber", problem)));
    return members;
  }
}
