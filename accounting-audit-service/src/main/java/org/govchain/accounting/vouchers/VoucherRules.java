package org.govchain.accounting.vouchers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.govchain.accounting.chart.Account;
import org.govchain.accounting.chart.InvalidAccountException;
import org.govchain.accounting.chart.Ledger;
import org.govchain.accounting.chart.Side;
import org.govchain.accounting.chart.UnitChart;
import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.anchor.web.problem.ProblemException;

/**
 * The bookkeeping rules a voucher's lines must keep before it is stored: at least two lines, each
 * on a leaf of the unit's chart with a non-zero amount of the right sign; financial and budget
 * lines each balancing; and parallel bookkeeping ({@link ParallelBookkeeping}). Each refusal is a
 * {@link ProblemException} naming the line ({@code lines[3].account}) or the sums that differ.
 * Rules are checked in that order and the first broken one is reported.
 */
public final class VoucherRules {

  private static final BigDecimal ZERO = new BigDecimal("0.00");

  private final ParallelBookkeeping parallel;

  public VoucherRules(BudgetManagedAccounts budgetManaged) {
    this.parallel = new ParallelBookkeeping(budgetManaged);
  }

  /** The rules with {@link BudgetManagedAccounts#standard()}. */
  public static VoucherRules standard() {
    return new VoucherRules(BudgetManagedAccounts.standard());
  }

  /**
   * Checks a voucher entered by a clerk, or a red reversal.
   *
   * @param reversal whether the voucher is a red reversal, all of whose amounts are negative
   * @throws ProblemException {@code invalid-request} (field {@code lines}) for fewer than two
   *     lines; {@link InvalidAccountException} for a code not in the chart or not a leaf; {@code
   *     invalid-amount} (field {@code lines[i].amount}) for a zero amount, one of the wrong sign or
   *     with more than two decimals; {@link UnbalancedVoucherException}; {@link
   *     ParallelBookkeepingException}
   */
  public void check(List<VoucherLine> lines, UnitChart chart, boolean reversal) {
    List<PostedLine> posted = lines(lines, chart, reversal);
    balance(posted, Ledger.FINANCIAL);
    balance(posted, Ledger.BUDGET);
    parallel.check(posted);
  }

  /**
   * Checks a system closing entry (期末结转): positive amounts on leaves, balanced, and all lines in
   * one ledger — closing moves balances within financial or within budget accounting and moves no
   * cash, so parallel bookkeeping does not apply.
   *
   * @throws ParallelBookkeepingException ({@code MIXED_CLOSING_ENTRY}) for lines in both ledgers,
   *     besides the refusals of {@link #check}
   */
  public void checkClosingEntry(List<VoucherLine> lines, UnitChart chart) {
    List<PostedLine> posted = lines(lines, chart, false);
    balance(posted, Ledger.FINANCIAL);
    balance(posted, Ledger.BUDGET);
    if (posted.stream().map(PostedLine::ledger).distinct().count() > 1) {
      throw new ParallelBookkeepingException(
          ParallelBookkeepingException.Rule.MIXED_CLOSING_ENTRY,
          "a closing entry is financial only or budget only",
          ZERO,
          ZERO);
    }
  }

  /**
   * The lines of the red reversal (红字冲销) of a voucher: the same accounts and sides, the amounts
   * negated, so that posting both leaves every account as if neither had been posted.
   */
  public static List<VoucherLine> reversalOf(List<VoucherLine> original) {
    return original.stream().map(VoucherLine::negated).toList();
  }

  private static List<PostedLine> lines(
      List<VoucherLine> lines, UnitChart chart, boolean reversal) {
    if (lines == null || lines.size() < 2) {
      throw ProblemException.invalidField(
          "lines",
          "a voucher has at least two lines, this one has " + (lines == null ? 0 : lines.size()));
    }
    List<PostedLine> posted = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      VoucherLine line = lines.get(i);
      posted.add(new PostedLine(i, line, leaf(i, line.account(), chart)));
      amount(i, line.amount(), reversal);
    }
    return posted;
  }

  private static Account leaf(int index, String code, UnitChart chart) {
    String field = "lines[" + index + "].account";
    Account account = chart.require(code, field);
    if (!chart.isLeaf(code)) {
      List<String> children = chart.children(code).stream().map(Account::code).toList();
      throw new InvalidAccountException(
          field, code, "has sub-accounts " + children + "; post to one of them");
    }
    return account;
  }

  private static void amount(int index, BigDecimal amount, boolean reversal) {
    String problem = null;
    if (amount.scale() > 2) {
      problem = "more than two decimal places";
    } else if (amount.signum() == 0) {
      problem = "zero";
    } else if (reversal && amount.signum() > 0) {
      problem = "positive on a red reversal, whose amounts are all negative";
    } else if (!reversal && amount.signum() < 0) {
      problem = "negative; only a red reversal has negative amounts";
    }
    if (problem != null) {
      String field = "lines[" + index + "].amount";
      throw new ProblemException(
          AccountingProblem.INVALID_AMOUNT,
          field + " " + amount.toPlainString() + " is " + problem,
          Map.of(
              "errors",
              List.of(ProblemException.FieldError.of(field, problem)),
              "amount",
              amount.toPlainString()));
    }
  }

  private static void balance(List<PostedLine> lines, Ledger ledger) {
    BigDecimal debit = ZERO;
    BigDecimal credit = ZERO;
    for (PostedLine line : lines) {
      if (line.ledger() == ledger) {
        if (line.line().side() == Side.DEBIT) {
          debit = debit.add(line.line().amount());
        } else {
          credit = credit.add(line.line().amount());
        }
      }
    }
    if (debit.compareTo(credit) != 0) {
      throw new UnbalancedVoucherException(ledger, debit, credit);
    }
  }
}
