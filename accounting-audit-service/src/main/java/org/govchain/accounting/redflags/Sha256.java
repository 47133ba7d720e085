package org.govchain.accounting.redflags;

import java.util.Locale;
import java.util.Objects;

/** Checks file hashes as attachments and {@link Context} carry them: 64 hex digits, lower case. */
final class Sha256 {

  private static final int HEX_LENGTH = 64;

  private Sha256() {}

  /**
   * {@code hex} in lower case.
   *
   * @throws IllegalArgumentException if it is not 64 hex digits
   */
  static String normalise(String hex) {
    Objects.requireNonNull(hex, "sha256");
    if (hex.length() != HEX_LENGTH || !hex.chars().allMatch(Sha256::isHexDigit)) {
      throw new IllegalArgumentException("a SHA-256 is 64 hex digits, is \"" + hex + "\"");
    }
    return hex.toLowerCase(Locale.ROOT);
  }

  /** The first 12 digits, enough to tell files apart in an explanation. */
  static String abbreviate(String hex) {
    return hex.substring(0, 12) + "…";
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
