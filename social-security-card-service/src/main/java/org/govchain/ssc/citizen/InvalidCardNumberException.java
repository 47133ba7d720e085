package org.govchain.ssc.citizen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.ssc.problems.SscProblem;

/**
 * A card number that does not follow {@link CardNumber}'s scheme. The number is repeated (member
 * {@code cardNumber}) only when it has the format of one and fails its check digit: input of
 * another shape may be some other value, such as an ID number, typed into the wrong field.
 */
public final class InvalidCardNumberException extends ProblemException {

  /** The request field a card number is read from. */
  public static final String FIELD = "cardNumber";

  /** Which rule the number breaks; {@link #code()} is the problem's {@code reason} member. */
  public enum Reason {
    FORMAT("format"),
    CHECK_DIGIT("check-digit");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private final Reason reason;
  private final String cardNumber;

  private InvalidCardNumberException(Reason reason, String cardNumber, String message) {
    super(
        SscProblem.INVALID_CARD_NUMBER,
        "invalid card number" + (cardNumber == null ? "" : " " + cardNumber) + ": " + message,
        members(reason, cardNumber, message));
    this.reason = reason;
    this.cardNumber = cardNumber;
  }

  /** Input without the card number's format: described, never repeated. */
  static InvalidCardNumberException format(String message) {
    return new InvalidCardNumberException(Reason.FORMAT, null, message);
  }

  /** A well-formed card number whose check digit is wrong. */
  static InvalidCardNumberException checkDigit(String cardNumber) {
    return new InvalidCardNumberException(
        Reason.CHECK_DIGIT, cardNumber, "the check digit does not match the series and serial");
  }

  public Reason reason() {
    return reason;
  }

  /** The number, if it had the format of one. */
  public Optional<String> cardNumber() {
    return Optional.ofNullable(cardNumber);
  }

  private static Map<String, Object> members(Reason reason, String cardNumber, String message) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("reason", reason.code());
    if (cardNumber != null) {
      members.put(FIELD, cardNumber);
    }
    members.put("errors", List.of(FieldError.of(FIELD, message)));
    return members;
  }
}
