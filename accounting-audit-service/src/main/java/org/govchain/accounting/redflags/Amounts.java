package org.govchain.accounting.redflags;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.govchain.accounting.vouchers.Amount;

/** How flags write CNY amounts: grouped for people, plain for machines. */
final class Amounts {

  static final BigDecimal ZERO = BigDecimal.ZERO.setScale(Amount.SCALE);

  private Amounts() {}

  /** For explanations: {@code 1,500.00}, {@code -60,000.00}. */
  static String display(BigDecimal amount) {
    return String.format(Locale.ROOT, "%,.2f", amount);
  }

  /** For {@link Flag#numbers()}: {@code 1500.00}, as the API writes amounts. */
  static String plain(BigDecimal amount) {
    return Amount.format(amount);
  }

  /**
   * {@code amount} with scale exactly 2.
   *
   * @throws IllegalArgumentException naming {@code what} if it has non-zero digits beyond the fen
   */
  static BigDecimal fen(BigDecimal amount, String what) {
    try {
      return amount.setScale(Amount.SCALE, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          what + " has more than two decimal places: " + amount.toPlainString(), e);
    }
  }
}
