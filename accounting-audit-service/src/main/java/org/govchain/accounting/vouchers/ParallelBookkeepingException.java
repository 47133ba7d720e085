package org.govchain.accounting.vouchers;

import java.math.BigDecimal;
import java.util.Map;
import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.anchor.web.problem.ProblemException;

/**
 * 422 {@code parallel-bookkeeping}: a voucher whose budget lines do not match its financial lines
 * under the parallel-bookkeeping rule (平行记账), with the rule broken and the two net movements the
 * rule compares: of the cash accounts in the financial lines and of 8001 资金结存 in the budget lines,
 * each debit-positive ({@code "-6000.00"} is a payment).
 */
public final class ParallelBookkeepingException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** Which part of the rule the voucher breaks. */
  public enum Rule {
    /** Cash moved under the budget, and no budget lines. */
    BUDGET_LINES_MISSING,
    /** Budget lines and no financial lines. */
    BUDGET_LINES_ALONE,
    /** Budget lines on a transaction that does not move cash under the budget. */
    BUDGET_LINES_NOT_ALLOWED,
    /** 资金结存's net movement differs from the cash accounts'. */
    FUNDS_ON_HAND_MISMATCH,
    /** A closing entry with lines in both ledgers. */
    MIXED_CLOSING_ENTRY
  }

  private final Rule rule;
  private final BigDecimal cashNetDebit;
  private final BigDecimal fundsOnHandNetDebit;

  public ParallelBookkeepingException(
      Rule rule, String detail, BigDecimal cashNetDebit, BigDecimal fundsOnHandNetDebit) {
    super(
        AccountingProblem.PARALLEL_BOOKKEEPING,
        detail,
        Map.of(
            "rule",
            rule.name(),
            "cashNetDebit",
            cashNetDebit.toPlainString(),
            "fundsOnHandNetDebit",
            fundsOnHandNetDebit.toPlainString()));
    this.rule = rule;
    this.cashNetDebit = cashNetDebit;
    this.fundsOnHandNetDebit = fundsOnHandNetDebit;
  }

  public Rule rule() {
    return rule;
  }

  public BigDecimal cashNetDebit() {
    return cashNetDebit;
  }

  public BigDecimal fundsOnHandNetDebit() {
    return fundsOnHandNetDebit;
  }
}
