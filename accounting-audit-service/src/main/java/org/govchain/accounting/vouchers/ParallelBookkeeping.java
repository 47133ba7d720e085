package org.govchain.accounting.vouchers;

import static org.govchain.accounting.vouchers.BudgetManagedAccounts.FUNDS_ON_HAND;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.govchain.accounting.chart.Ledger;
import org.govchain.accounting.vouchers.ParallelBookkeepingException.Rule;

/**
 * The parallel-bookkeeping rule (平行记账) on a voucher whose ledgers each balance: a unit's cash
 * receipts and payments under its departmental budget are recorded in financial accounting and in
 * budget accounting; every other transaction in financial accounting only.
 *
 * <p>A voucher moves cash under the budget when its financial lines touch a cash account ({@link
 * BudgetManagedAccounts#CASH_ACCOUNTS}) and a budget-managed counterpart ({@link
 * BudgetManagedAccounts}). It must then carry budget lines, and the net debit of 8001 资金结存 in them
 * must equal the net debit of the cash accounts: ¥6,000 paid out is ¥6,000 out of 资金结存. A voucher
 * that does not move cash under the budget has no budget lines, save one kind: a transfer between
 * cash accounts (all financial lines on cash) may carry budget lines all on 8001's sub-accounts,
 * reclassifying funds on hand (drawing cash from the zero-balance account: Dr 8001 货币资金 / Cr 8001
 * 零余额账户用款额度).
 *
 * <p>The mirror compares whole-voucher nets, so a voucher whose cash settles both budget-managed
 * and other counterparts at once (a receipt part revenue, part deposit) must be split in two;
 * withholdings credited to other payables on a salary payment are fine, as they move no cash. Not
 * covered: budget expenditure recognised when a staff advance is settled (Dr 5001 / Cr 1218 with Dr
 * 7201 / Cr 8001), which moves no cash in the financial lines and is refused.
 */
final class ParallelBookkeeping {

  private final BudgetManagedAccounts budgetManaged;

  ParallelBookkeeping(BudgetManagedAccounts budgetManaged) {
    this.budgetManaged = budgetManaged;
  }

  /**
   * @throws ParallelBookkeepingException if the lines break the rule
   */
  void check(List<PostedLine> lines) {
    BigDecimal cash = netDebit(lines, Ledger.FINANCIAL, BudgetManagedAccounts.CASH_ACCOUNTS);
    BigDecimal funds = netDebit(lines, Ledger.BUDGET, Set.of(FUNDS_ON_HAND));
    boolean financial = lines.stream().anyMatch(l -> l.ledger() == Ledger.FINANCIAL);
    boolean budget = lines.stream().anyMatch(l -> l.ledger() == Ledger.BUDGET);
    if (budget && !financial) {
      throw new ParallelBookkeepingException(
          Rule.BUDGET_LINES_ALONE,
          "budget lines without financial lines: every budget entry mirrors a financial one",
          cash,
          funds);
    }
    Optional<PostedLine> cashLine = first(lines, true);
    Optional<PostedLine> counterpart = first(lines, false);
    if (cashLine.isPresent() && counterpart.isPresent()) {
      String movement = movement(cashLine.get(), counterpart.get());
      if (!budget) {
        throw new ParallelBookkeepingException(
            Rule.BUDGET_LINES_MISSING,
            movement + ": the voucher needs budget lines moving 8001 资金结存 by " + plain(cash),
            cash,
            funds);
      }
      if (funds.compareTo(cash) != 0) {
        throw new ParallelBookkeepingException(
            Rule.FUNDS_ON_HAND_MISMATCH,
            movement
                + ": the cash accounts' net debit is "
                + plain(cash)
                + ", 8001 资金结存's is "
                + plain(funds),
            cash,
            funds);
      }
    } else if (budget && !isFundsTransfer(lines)) {
      throw new ParallelBookkeepingException(
          Rule.BUDGET_LINES_NOT_ALLOWED,
          "the voucher moves no cash under the budget, so it is recorded in financial accounting"
              + " only",
          cash,
          funds);
    }
  }

  /** Cash on one side, 资金结存 alone on the other: a transfer between cash accounts. */
  private static boolean isFundsTransfer(List<PostedLine> lines) {
    return lines.stream()
        .allMatch(
            l ->
                l.ledger() == Ledger.FINANCIAL
                    ? BudgetManagedAccounts.isCash(l.firstLevelCode())
                    : l.firstLevelCode().equals(FUNDS_ON_HAND));
  }

  /** The first financial line on a cash account ({@code cash}) or on a budget-managed one. */
  private Optional<PostedLine> first(List<PostedLine> lines, boolean cash) {
    return lines.stream()
        .filter(l -> l.ledger() == Ledger.FINANCIAL)
        .filter(
            l ->
                cash
                    ? BudgetManagedAccounts.isCash(l.firstLevelCode())
                    : budgetManaged.contains(l.firstLevelCode()))
        .findFirst();
  }

  private static BigDecimal netDebit(
      List<PostedLine> lines, Ledger ledger, Set<String> firstLevelCodes) {
    return lines.stream()
        .filter(l -> l.ledger() == ledger && firstLevelCodes.contains(l.firstLevelCode()))
        .map(l -> l.line().netDebit())
        .reduce(new BigDecimal("0.00"), BigDecimal::add);
  }

  private static String movement(PostedLine cash, PostedLine counterpart) {
    return "cash moves under the budget (lines["
        + cash.index()
        + "] "
        + cash.account().code()
        + " against lines["
        + counterpart.index()
        + "] "
        + counterpart.account().code()
        + " "
        + counterpart.account().nameZh()
        + ")";
  }

  private static String plain(BigDecimal amount) {
    return amount.toPlainString();
  }
}
