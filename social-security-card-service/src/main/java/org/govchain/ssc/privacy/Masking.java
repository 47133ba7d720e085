package org.govchain.ssc.privacy;

/**
 * Masks personal data for responses, problems and log lines, keeping only the characters people use
 * to recognise their own record. Every method returns {@code null} for {@code null} and counts
 * Unicode code points, so a supplementary character (e.g. 𠀀) is one character and never split.
 *
 * <p>The start and end of an ID number, phone or bank account are shown only if at least {@value
 * #MIN_HIDDEN} characters stay hidden (as many as an 11-digit mobile number hides); a shorter value
 * is starred entirely, since showing 6 + 4 characters of a 10-character one would show all of it.
 */
public final class Masking {
  /** The fewest characters that must stay hidden for any to be shown. */
  public static final int MIN_HIDDEN = 4;

  private static final String BANK_PREFIX = "****";

  private Masking() {}

  /**
   * An ID number's first 6 (region) and last 4 characters with a star for each between: {@code
   * 110105********1234}; fewer than 14 characters are all stars.
   */
  public static String idNumber(String idNumber) {
    return idNumber == null ? null : keepEnds(idNumber, 6, 4, MIN_HIDDEN);
  }

  /**
   * A name, Chinese-style: one character → {@code *}; two → the first and a star ({@code 张*}); more
   * → the first, a star for each between, the last ({@code 张*丰}, {@code 欧**锋}).
   */
  public static String name(String name) {
    if (name == null) {
      return null;
    }
    int length = name.codePointCount(0, name.length());
    return switch (length) {
      case 0 -> "";
      case 1 -> "*";
      case 2 -> name.substring(0, name.offsetByCodePoints(0, 1)) + "*";
      default -> keepEnds(name, 1, 1, 1);
    };
  }

  /**
   * A phone number's first 3 and last 4 characters with a star for each between: {@code
   * 138****5678} for a mobile number; fewer than 11 characters are all stars.
   */
  public static String phone(String phone) {
    return phone == null ? null : keepEnds(phone, 3, 4, MIN_HIDDEN);
  }

  /**
   * A bank account's last 4 characters after {@code ****}, whitespace ignored: {@code ****1234};
   * just {@code ****} for fewer than 8 characters. The length is not shown.
   */
  public static String bankAccount(String account) {
    if (account == null) {
      return null;
    }
    StringBuilder compact = new StringBuilder(account.length());
    account
        .codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
        .forEach(compact::appendCodePoint);
    String digits = compact.toString();
    int length = digits.codePointCount(0, digits.length());
    if (length < 4 + MIN_HIDDEN) {
      return BANK_PREFIX;
    }
    return BANK_PREFIX + digits.substring(digits.offsetByCodePoints(digits.length(), -4));
  }

  /**
   * {@code value} with its first {@code head} and last {@code tail} code points kept and a star for
   * each between, or all stars if fewer than {@code minHidden} would be between.
   */
  private static String keepEnds(String value, int head, int tail, int minHidden) {
    int length = value.codePointCount(0, value.length());
    int hidden = length - head - tail;
    if (hidden < minHidden) {
      return "*".repeat(length);
    }
    return value.substring(0, value.offsetByCodePoints(0, head))
        + "*".repeat(hidden)
        + value.substring(value.offsetByCodePoints(value.length(), -tail));
  }
}
