package org.govchain.ssc.citizen;

/**
 * ASCII-only character tests for the identifiers of this package, which must not accept the other
 * digits {@link Character#isDigit} knows (full-width {@code １}, Arabic-Indic, …).
 */
final class Ascii {

  private Ascii() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isUpperLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  static boolean isUpperHexDigit(char c) {
    return isDigit(c) || (c >= 'A' && c <= 'F');
  }

  /** {@code text} with {@code a-z} upper-cased and every other character left as it is. */
  static String toUpperCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'a' && chars[i] <= 'z') {
        chars[i] = (char) (chars[i] - 'a' + 'A');
      }
    }
    return new String(chars);
  }
}
