package org.govchain.accounting.vouchers;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.govchain.accounting.chart.Ledger;
import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.anchor.web.problem.ProblemException;

/**
 * 422 {@code unbalanced-voucher}: the lines of one ledger whose debits and credits differ, with
 * both sums ({@code "123.45"}). Financial and budget lines each balance on their own.
 */
public final class UnbalancedVoucherException extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final Ledger ledger;
  private final BigDecimal debit;
  private final BigDecimal credit;

  public UnbalancedVoucherException(Ledger ledger, BigDecimal debit, BigDecimal credit) {
    super(
        AccountingProblem.UNBALANCED_VOUCHER,
        "the "
            + name(ledger)
            + " lines do not balance: debit "
            + debit.toPlainString()
            + ", credit "
            + credit.toPlainString(),
        Map.of(
            "ledger",
            name(ledger),
            "debit",
            debit.toPlainString(),
            "credit",
            credit.toPlainString()));
    this.ledger = ledger;
    this.debit = debit;
    this.credit = credit;
  }

  private static String name(Ledger ledger) {
    return ledger.name().toLowerCase(Locale.ROOT);
  }

  public Ledger ledger() {
    return ledger;
  }

  public BigDecimal debit() {
    return debit;
  }

  public BigDecimal credit() {
    return credit;
  }
}
