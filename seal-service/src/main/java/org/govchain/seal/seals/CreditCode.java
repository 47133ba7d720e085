package org.govchain.seal.seals;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from {@code
 * 0-9A-HJ-NPQRTUWXY}, the last one a check character over the first 17.
 *
 * <p>Check character: with character values 0..30 (in the order of {@link #ALPHABET}) and weights
 * {@code W(i) = 3^(i-1) mod 31}, the check value is {@code (31 - sum(C(i) * W(i)) mod 31) mod 31}.
 */
public record CreditCode(String value) {
  /** The 31 characters of the code, in the order of their values. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private static final int LENGTH = 18;

  public CreditCode {
    validate(value);
  }

  /**
   * Parses a code as typed (surrounding whitespace removed, letters upper-cased).
   *
   * @throws InvalidCreditCodeException if it has the wrong length, a character outside the
   *     alphabet, or the wrong check character
   */
  public static CreditCode parse(String text) {
    if (text == null) {
      throw new InvalidCreditCodeException(
          "", InvalidCreditCodeException.Problem.LENGTH, "18", "0");
    }
    return new CreditCode(text.strip().toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * The check character for the first 17 characters of a code.
   *
   * <p>Precondition: {@code first17} has 17 characters, all in {@link #ALPHABET}.
   */
  public static char checkCharacter(CharSequence first17) {
    int sum = 0;
    int weight = 1;
    for (int i = 0; i < LENGTH - 1; i++) {
      sum += ALPHABET.indexOf(first17.charAt(i)) * weight;
      weight = weight * 3 % 31;
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }

  private static void validate(String value) {
    if (value == null || value.length() != LENGTH) {
      throw new InvalidCreditCodeException(
          String.valueOf(value),
          InvalidCreditCodeException.Problem.LENGTH,
          String.valueOf(LENGTH),
          String.valueOf(value == null ? 0 : value.length()));
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = value.charAt(i);
      if (ALPHABET.indexOf(c) < 0) {
        throw new InvalidCreditCodeException(
            value,
            InvalidCreditCodeException.Problem.CHARACTER,
            "one of " + ALPHABET,
            "'" + c + "' at position " + (i + 1));
      }
    }
    char expected = checkCharacter(value);
    if (value.charAt(LENGTH - 1) != expected) {
      throw new InvalidCreditCodeException(
          value,
          InvalidCreditCodeException.Problem.CHECK_CHARACTER,
          String.valueOf(expected),
          String.valueOf(value.charAt(LENGTH - 1)));
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
