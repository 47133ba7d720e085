package org.govchain.ssc.citizen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.ssc.problems.SscProblem;

/**
 * A citizen ID number that GB 11643 rejects, with the rule it breaks. The number appears masked
 * (member {@code citizenId}) when it has the right format and not at all otherwise: this exception
 * is never given the number in clear to keep.
 */
public final class InvalidCitizenIdException extends ProblemException {

  /** The request field a citizen ID number is read from. */
  public static final String FIELD = "citizenId";

  /** Which rule the number breaks; {@link #code()} is the problem's {@code reason} member. */
  public enum Reason {
    FORMAT("format"),
    CHECK_CHARACTER("check-character"),
    BIRTH_DATE("birth-date"),
    REGION("region");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private final Reason reason;
  private final String masked;

  private InvalidCitizenIdException(Reason reason, String masked, String message) {
    super(SscProblem.INVALID_CITIZEN_ID, detail(masked, message), members(reason, masked, message));
    this.reason = reason;
    this.masked = masked;
  }

  /** A number without the format of one (length, characters): described, never repeated. */
  static InvalidCitizenIdException format(String message) {
    return new InvalidCitizenIdException(Reason.FORMAT, null, message);
  }

  /** A number with the right format that breaks {@code reason}; only its masked form is kept. */
  static InvalidCitizenIdException of(Reason reason, String wellFormedNumber, String message) {
    return new InvalidCitizenIdException(reason, CitizenId.mask(wellFormedNumber), message);
  }

  public Reason reason() {
    return reason;
  }

  /** The number masked ({@code 110105********1234}), if it had the format of one. */
  public Optional<String> maskedCitizenId() {
    return Optional.ofNullable(masked);
  }

  private static String detail(String masked, String message) {
    return "invalid citizen ID number" + (masked == null ? "" : " " + masked) + ": " + message;
  }

  private static Map<String, Object> members(Reason reason, String masked, String message) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("reason", reason.code());
    if (masked != null) {
      members.put(FIELD, masked);
    }
    members.put("errors", List.of(FieldError.of(FIELD, message)));
    return members;
  }
}
