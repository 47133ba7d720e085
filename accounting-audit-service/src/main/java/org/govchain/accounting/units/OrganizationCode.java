package org.govchain.accounting.units;

/**
 * The check character of an organization code (组织机构代码, GB 11714-1997), which makes up characters
 * 9-17 of a unified social credit code: eight body characters and a check character.
 *
 * <p>Body characters are digits (value 0-9) or upper-case letters ({@code A} = 10 … {@code Z} =
 * 35). With weights {@code 3 7 9 10 5 8 4 2}, the check value is {@code 11 - (Σ value × weight mod
 * 11)}, written as its digit, {@code X} for 10 and {@code 0} for 11.
 */
public final class OrganizationCode {

  /** Body characters and the check character. */
  public static final int LENGTH = 9;

  private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

  private OrganizationCode() {}

  /**
   * The check character of the eight body characters {@code body}.
   *
   * @throws IllegalArgumentException if {@code body} is not eight digits or upper-case letters
   */
  public static char checkCharacter(CharSequence body) {
    if (body.length() != WEIGHTS.length) {
      throw new IllegalArgumentException(
          "an organization code has 8 body characters, not " + body.length());
    }
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      sum += value(body.charAt(i), i) * WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    if (check == 10) {
      return 'X';
    }
    return check == 11 ? '0' : (char) ('0' + check);
  }

  private static int value(char c, int index) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    throw new IllegalArgumentException(
        "body character " + (index + 1) + " of an organization code must be 0-9 or A-Z");
  }
}
