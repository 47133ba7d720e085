package org.govchain.accounting.vouchers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * CNY amounts as the API writes them: JSON strings of plain digits with exactly two decimal places
 * ({@code "1234.50"}), never JSON numbers, which clients may read as binary floating point.
 *
 * <p>An amount in a request is positive: a red reversal is a voucher of its own, whose amounts
 * {@link #format} writes with a minus sign. At most {@value #MAX_INTEGER_DIGITS} digits before the
 * point, so every amount fits the database's {@code NUMERIC(17,2)}.
 */
public final class Amount {

  /** Digits before the decimal point: {@code NUMERIC(17,2)} less the two after it. */
  public static final int MAX_INTEGER_DIGITS = 15;

  /** Digits after the decimal point (fen). */
  public static final int SCALE = 2;

  private Amount() {}

  /**
   * Reads a positive amount written as {@code digits.dd}, surrounding whitespace removed.
   *
   * @param field the request field or JSON path the amount came from, e.g. {@code lines[0].debit}
   * @return the amount, with scale exactly {@value #SCALE}
   * @throws InvalidAmountException if it is missing, has a sign, an exponent, a separator, a space
   *     or another character that is not a digit or the point, not exactly two decimal places, a
   *     leading zero, more than {@value #MAX_INTEGER_DIGITS} digits before the point, or is zero
   */
  public static BigDecimal parse(String text, String field) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty()) {
      throw new InvalidAmountException(field, "is missing");
    }
    for (int i = 0; i < value.length(); i++) {
      requireDigitOrPoint(value.charAt(i), i + 1, field);
    }
    int point = value.indexOf('.');
    if (point < 0 || value.indexOf('.', point + 1) >= 0) {
      throw new InvalidAmountException(
          field, "must have one decimal point and two decimal places, e.g. 12.50");
    }
    int decimals = value.length() - point - 1;
    if (decimals != SCALE) {
      throw new InvalidAmountException(
          field, "must have exactly two decimal places, e.g. 12.50, has " + decimals);
    }
    if (point == 0) {
      throw new InvalidAmountException(field, "must have a digit before the decimal point");
    }
    if (point > 1 && value.charAt(0) == '0') {
      throw new InvalidAmountException(field, "must not have leading zeros");
    }
    if (point > MAX_INTEGER_DIGITS) {
      throw new InvalidAmountException(
          field,
          "must have at most " + MAX_INTEGER_DIGITS + " digits before the point, has " + point);
    }
    BigDecimal amount = new BigDecimal(value);
    if (amount.signum() == 0) {
      throw new InvalidAmountException(field, "must be greater than 0.00");
    }
    return amount;
  }

  /**
   * Writes {@code amount} as the API does: plain digits, two decimal places, a minus sign for a
   * negative amount (a red reversal), e.g. {@code -12.50}.
   *
   * @throws IllegalArgumentException if it has non-zero digits beyond the fen (it is no amount of
   *     money and rounding it would hide the error)
   */
  public static String format(BigDecimal amount) {
    Objects.requireNonNull(amount, "amount");
    try {
      return amount.setScale(SCALE, RoundingMode.UNNECESSARY).toPlainString();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "an amount has at most two decimal places: " + amount.toPlainString(), e);
    }
  }

  private static void requireDigitOrPoint(char c, int position, String field) {
    if ((c >= '0' && c <= '9') || c == '.') {
      return;
    }
    String reason;
    if (c == '+' || c == '-') {
      reason = "must not have a sign: amounts are positive, a red reversal is its own voucher";
    } else if (c == 'e' || c == 'E') {
      reason = "must not have an exponent: write the digits out";
    } else if (c == ',' || c == '_' || c == '\'' || c == '，') {
      reason = "must not have separators: write 1234567.89, not 1,234,567.89";
    } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      reason = "must not contain spaces";
    } else {
      reason = "character " + position + " must be a digit or the decimal point";
    }
    throw new InvalidAmountException(field, reason);
  }
}
