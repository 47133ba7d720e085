package org.govchain.ssc.citizen;

import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.ssc.problems.SscProblem;

/**
 * A social security card number as this service issues it: 9 characters, a series letter ({@code
 * A}–{@code Z}), a 7-digit serial and a check digit, e.g. {@code X00000014} (serial 1).
 *
 * <p>The check digit is ISO 7064 MOD 11-10 over the letter's two-digit value ({@code A} = 10 …
 * {@code Z} = 35) followed by the serial's 7 digits; it catches every single wrong digit and about
 * 98% of swaps of two adjacent digits (CardNumberTest measures it). The serials come from a
 * database sequence and are never reused.
 */
public record CardNumber(String value) {

  public CardNumber {
    String problem = problem(value);
    if (problem != null) {
      throw invalid(problem);
    }
  }

  /** The number of series {@code series} and serial {@code serial} (1..9999999). */
  public static CardNumber of(char series, long serial) {
    if (series < 'A' || series > 'Z') {
      throw new IllegalArgumentException("the series is a letter A-Z: " + series);
    }
    if (serial < 1 || serial > 9_999_999) {
      throw new IllegalArgumentException("the serial must be 1..9999999: " + serial);
    }
    String body = series + String.format("%07d", serial);
    return new CardNumber(body + checkDigit(body));
  }

  /** A number as typed (surrounding whitespace removed, the letter upper-cased). */
  public static CardNumber parse(String text) {
    String value = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
    if (value.length() > 32) {
      throw invalid("must be 9 characters");
    }
    return new CardNumber(value);
  }

  /** The MOD 11-10 check digit of a series letter and its 7-digit serial. */
  public static char checkDigit(String letterAndSerial) {
    String digits = (letterAndSerial.charAt(0) - 'A' + 10) + letterAndSerial.substring(1);
    int product = 10;
    for (int i = 0; i < digits.length(); i++) {
      int sum = (product + (digits.charAt(i) - '0')) % 10;
      if (sum == 0) {
        sum = 10;
      }
      product = (2 * sum) % 11;
    }
    return (char) ('0' + (11 - product) % 10);
  }

  public char series() {
    return value.charAt(0);
  }

  public long serial() {
    return Long.parseLong(value.substring(1, 8));
  }

  private static String problem(String value) {
    if (value == null || value.length() != 9) {
      return "must be 9 characters";
    }
    if (value.charAt(0) < 'A' || value.charAt(0) > 'Z') {
      return "must start with a letter A-Z";
    }
    for (int i = 1; i < 9; i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return "characters 2-9 must be digits";
      }
    }
    if (value.charAt(8) != checkDigit(value.substring(0, 8))) {
      return "the check digit does not match";
    }
    return null;
  }

  private static ProblemException invalid(String problem) {
    return new ProblemException(
        SscProblem.INVALID_CARD_NUMBER,
        "invalid card number: " + problem,
        Map.of("errors", java.util.List.of(ProblemException.FieldError.of("cardNumber", problem))));
  }

  @Override
  public String toString() {
    return value;
  }
}
