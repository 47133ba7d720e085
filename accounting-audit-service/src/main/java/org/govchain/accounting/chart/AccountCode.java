package org.govchain.accounting.chart;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The syntax of account codes: a first-level code of four digits from the standard chart ({@code
 * 1002}), and a unit's sub-accounts (明细科目) beneath it, each level two more digits after a dot
 * ({@code 1002.01}, {@code 1002.01.03}). At most three sub-levels ({@link #MAX_LEVEL} levels in
 * all), the 4-2-2-2 coding most units' software uses; a sub-level segment is {@code 01}–{@code 99}.
 */
public final class AccountCode {

  /** The deepest level: the first-level account and three levels of sub-accounts. */
  public static final int MAX_LEVEL = 4;

  private static final Pattern FIRST_LEVEL = Pattern.compile("\\d{4}");
  private static final Pattern SUB_ACCOUNT =
      Pattern.compile("\\d{4}(\\.(0[1-9]|[1-9]\\d)){1," + (MAX_LEVEL - 1) + "}");

  private AccountCode() {}

  /** Whether {@code code} is a first-level code: four digits. */
  public static boolean isFirstLevel(String code) {
    return code != null && FIRST_LEVEL.matcher(code).matches();
  }

  /** Whether {@code code} is a sub-account code: {@code dddd(.dd){1,3}}, no segment {@code 00}. */
  public static boolean isSubAccount(String code) {
    return code != null && SUB_ACCOUNT.matcher(code).matches();
  }

  /** Whether {@code code} is either. */
  public static boolean isWellFormed(String code) {
    return isFirstLevel(code) || isSubAccount(code);
  }

  /**
   * 1 for a first-level code, 2 for {@code 1002.01}, up to {@link #MAX_LEVEL}.
   *
   * @throws IllegalArgumentException if the code is not well formed
   */
  public static int level(String code) {
    requireWellFormed(code);
    return 1 + (code.length() - 4) / 3;
  }

  /**
   * The code one level up ({@code 1002.01} for {@code 1002.01.03}), empty for a first-level one.
   */
  public static Optional<String> parent(String code) {
    requireWellFormed(code);
    return code.length() == 4
        ? Optional.empty()
        : Optional.of(code.substring(0, code.length() - 3));
  }

  /** The first-level code a code lies beneath: its first four digits. */
  public static String firstLevel(String code) {
    requireWellFormed(code);
    return code.substring(0, 4);
  }

  private static void requireWellFormed(String code) {
    if (!isWellFormed(code)) {
      throw new IllegalArgumentException("not an account code: " + code);
    }
  }
}
