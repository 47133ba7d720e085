package org.govchain.anchor.canonical;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats doubles exactly as ECMAScript's Number.prototype.toString does (ECMA-262
 * Number::toString, which RFC 8785 §3.2.2.3 adopts), with the shortest digits that read back as the
 * same double.
 *
 * <p>{@link Double#toString(double)} is not used: before JDK 19 it sometimes emits more digits than
 * needed (JDK-4511638). The digits are found here by trying each precision from 1 to 17 with the
 * two nearest decimals of that precision below and above the exact binary value, keeping those that
 * read back as the same double; of two, the closer wins, and on a tie the even one, as ECMA-262
 * asks.
 */
final class EsNumbers {

  /** 2^53: every integer of at most this magnitude is exactly a double. */
  static final long MAX_EXACT_INTEGER = 1L << 53;

  private EsNumbers() {}

  /**
   * Returns the ECMAScript string of {@code value}.
   *
   * @param value a finite double; -0 gives "0"
   * @throws IllegalArgumentException for NaN and infinities, which JSON cannot express
   */
  static String format(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    if (value == 0) {
      return "0";
    }
    if (value < 0) {
      return "-" + format(-value);
    }
    BigDecimal shortest = shortestDecimal(value).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale(); // value = 0.digits * 10^n
    return layout(digits, k, n);
  }

  /** The decimal with the fewest significant digits that reads back as {@code value} (> 0). */
  static BigDecimal shortestDecimal(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
      BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
      boolean belowFits = readsBackAs(below, value);
      boolean aboveFits = readsBackAs(above, value);
      if (belowFits && aboveFits) {
        int cmp = exact.subtract(below).compareTo(above.subtract(exact));
        if (cmp < 0) {
          return below;
        } else if (cmp > 0) {
          return above;
        }
        return below.unscaledValue().testBit(0) ? above : below;
      } else if (belowFits) {
        return below;
      } else if (aboveFits) {
        return above;
      }
    }
    throw new AssertionError("17 significant digits always identify a double: " + value);
  }

  private static boolean readsBackAs(BigDecimal decimal, double value) {
    return Double.parseDouble(decimal.toString()) == value;
  }

  private static String layout(String digits, int k, int n) {
    StringBuilder out = new StringBuilder(k + 8);
    if (k <= n && n <= 21) {
      out.append(digits);
      out.append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      int exponent = n - 1;
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      out.append('e').append(exponent > 0 ? '+' : '-').append(Math.abs(exponent));
    }
    return out.toString();
  }
}
