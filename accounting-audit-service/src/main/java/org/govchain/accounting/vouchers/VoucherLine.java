package org.govchain.accounting.vouchers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.govchain.accounting.chart.Side;

/**
 * One line of a voucher (分录): an amount on one side of one leaf account, and a memo (摘要). Amounts
 * are yuan with two decimals; positive on ordinary vouchers, negative on a red reversal (红字冲销),
 * whose lines are the original's negated ({@link VoucherRules#reversalOf}).
 *
 * @param account the leaf account's code, e.g. {@code 1002.01}
 * @param side debit or credit
 * @param amount scale 2: an amount given with fewer decimals is extended, one with more is kept as
 *     given so that {@link VoucherRules} refuses it naming the line
 * @param memo the memo, {@code null} for none
 */
public record VoucherLine(String account, Side side, BigDecimal amount, String memo) {

  public VoucherLine {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(amount, "amount");
    if (amount.stripTrailingZeros().scale() <= 2) {
      amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }
  }

  /** A debit line without memo. */
  public static VoucherLine debit(String account, BigDecimal amount) {
    return new VoucherLine(account, Side.DEBIT, amount, null);
  }

  /** A debit line without memo, the amount as a decimal string ({@code "1000000.00"}). */
  public static VoucherLine debit(String account, String amount) {
    return debit(account, new BigDecimal(amount));
  }

  /** A credit line without memo. */
  public static VoucherLine credit(String account, BigDecimal amount) {
    return new VoucherLine(account, Side.CREDIT, amount, null);
  }

  /** A credit line without memo, the amount as a decimal string. */
  public static VoucherLine credit(String account, String amount) {
    return credit(account, new BigDecimal(amount));
  }

  /** This line with the amount negated: the line of its red reversal. */
  public VoucherLine negated() {
    return new VoucherLine(account, side, amount.negate(), memo);
  }

  /** This line with another memo. */
  public VoucherLine withMemo(String memo) {
    return new VoucherLine(account, side, amount, memo);
  }

  /**
   * What the line does to its account's balance counted debit-positive: the amount for a debit, its
   * negation for a credit.
   */
  public BigDecimal netDebit() {
    return side == Side.DEBIT ? amount : amount.negate();
  }
}
