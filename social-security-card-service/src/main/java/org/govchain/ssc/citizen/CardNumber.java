package org.govchain.ssc.citizen;

import java.util.Locale;

/**
 * A social security card number as the card systems issue it, e.g. {@code X00000014}: an issuing
 * series letter {@code A-Z}, a 7-digit serial {@code 0000001..9999999} and a check digit.
 *
 * <p>The check digit is ISO 7064 MOD 11-10 over nine digits: the letter's value as two digits
 * ({@code A}=10 … {@code Z}=35), then the seven serial digits. Starting with {@code P = 10}, each
 * digit {@code d} gives {@code S = (P + d) mod 10} (10 if that is 0) and {@code P = 2S mod 11}; the
 * check digit is {@code (11 - P) mod 10}.
 *
 * <p>What the check catches: every single wrong digit in the serial or the check digit; every swap
 * of two adjacent digits except some swaps of neighbouring values (differing by 1, or 0 and 9): at
 * each position exactly one such pair goes unnoticed, which one depending on the digits before it.
 * A wrong series letter is caught when its value shares a digit with the right one's; letters whose
 * values differ in both digits may give the same check digit ({@code A} and {@code S}; {@code E},
 * {@code M} and {@code U}; …).
 *
 * <p>Input that does not have this format is never repeated in a problem: it may be another value,
 * such as an ID number, typed into the wrong field.
 */
public record CardNumber(String value) {

  public static final int LENGTH = 9;
  public static final long MAX_SERIAL = 9_999_999;

  /**
   * @throws InvalidCardNumberException if {@code value} is not a card number
   */
  public CardNumber {
    validate(value);
  }

  /**
   * The card number of {@code serial} in {@code series}, its check digit computed.
   *
   * @throws IllegalArgumentException if {@code series} is not {@code A-Z} or {@code serial} is not
   *     {@code 1..9999999}
   */
  public static CardNumber of(char series, long serial) {
    if (!Ascii.isUpperLetter(series)) {
      throw new IllegalArgumentException("series must be a letter A-Z, was '" + series + "'");
    }
    if (serial < 1 || serial > MAX_SERIAL) {
      throw new IllegalArgumentException("serial must be 1.." + MAX_SERIAL + ", was " + serial);
    }
    String first8 = series + String.format(Locale.ROOT, "%07d", serial);
    return new CardNumber(first8 + checkDigit(first8));
  }

  /**
   * Parses a card number as typed (surrounding whitespace removed, the letter upper-cased).
   *
   * @throws InvalidCardNumberException with reason {@code format} or {@code check-digit}
   */
  public static CardNumber parse(String text) {
    if (text == null) {
      throw InvalidCardNumberException.format("is missing");
    }
    return new CardNumber(Ascii.toUpperCase(text.strip()));
  }

  /**
   * The check digit for the series letter and the serial.
   *
   * <p>Precondition: {@code first8} has at least 8 characters, an upper-case letter {@code A-Z}
   * then 7 ASCII digits.
   */
  public static char checkDigit(CharSequence first8) {
    int letterValue = first8.charAt(0) - 'A' + 10; // two digits, 10..35
    return mod11x10(letterValue + first8.subSequence(1, LENGTH - 1).toString());
  }

  /** The issuing series letter. */
  public char series() {
    return value.charAt(0);
  }

  public long serial() {
    return Long.parseLong(value, 1, LENGTH - 1, 10);
  }

  @Override
  public String toString() {
    return value;
  }

  /** The ISO 7064 MOD 11-10 check digit of a string of ASCII digits. */
  static char mod11x10(CharSequence digits) {
    int p = 10;
    for (int i = 0; i < digits.length(); i++) {
      int s = (p + digits.charAt(i) - '0') % 10;
      p = (s == 0 ? 10 : s) * 2 % 11;
    }
    return (char) ('0' + (11 - p) % 10);
  }

  private static void validate(String value) {
    if (value == null) {
      throw InvalidCardNumberException.format("is missing");
    }
    if (value.length() != LENGTH) {
      throw InvalidCardNumberException.format(
          "must have " + LENGTH + " characters, has " + value.length());
    }
    if (!Ascii.isUpperLetter(value.charAt(0))) {
      throw InvalidCardNumberException.format("character 1 must be a letter A-Z");
    }
    for (int i = 1; i < LENGTH; i++) {
      if (!Ascii.isDigit(value.charAt(i))) {
        throw InvalidCardNumberException.format("character " + (i + 1) + " must be a digit (0-9)");
      }
    }
    if (value.startsWith("0000000", 1)) {
      throw InvalidCardNumberException.format("the serial must not be 0000000");
    }
    if (checkDigit(value) != value.charAt(LENGTH - 1)) {
      throw InvalidCardNumberException.checkDigit(value);
    }
  }
}
