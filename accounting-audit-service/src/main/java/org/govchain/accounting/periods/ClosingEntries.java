package org.govchain.accounting.periods;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.govchain.accounting.chart.Account;
import org.govchain.accounting.chart.Element;
import org.govchain.accounting.chart.InvalidAccountException;
import org.govchain.accounting.chart.Ledger;
import org.govchain.accounting.chart.Side;
import org.govchain.accounting.chart.UnitChart;
import org.govchain.accounting.vouchers.VoucherLine;

/**
 * The closing vouchers of a period (期末结转), computed from its closing balances. Every period, each
 * revenue and expense leaf's balance goes to {@value #SURPLUS} 本期盈余 (step 0, one financial
 * voucher). In December, the steps of {@link YearEndClearing} follow: budget revenue and
 * expenditure into the budget balances, 本期盈余 into 本年盈余分配, then into 累计盈余, and so on. Each step
 * reads the balances the earlier steps left, so 本期盈余 is cleared with December's revenue and expense
 * in it. Each step gives one voucher per ledger it touches; a zero balance gives no line, and
 * nothing to carry gives no voucher.
 *
 * <p>A leaf's balance goes to the target its first-level account's rule names, unless the unit
 * overrides it for that leaf ({@code 7201.01 事业支出—财政拨款支出 → 8101}). A target must be a leaf of the
 * unit's chart, a net-asset or budget-balance account of the source's ledger, and not itself
 * cleared in the same step or before.
 */
public final class ClosingEntries {

  /** 本期盈余: where revenue and expense go every period. */
  public static final String SURPLUS = "3301";

  private final YearEndClearing clearing;

  public ClosingEntries(YearEndClearing clearing) {
    this.clearing = clearing;
  }

  /** Closing with {@link YearEndClearing#standard()}. */
  public static ClosingEntries standard() {
    return new ClosingEntries(YearEndClearing.standard());
  }

  /** The closing vouchers without target overrides. */
  public List<ClosingVoucher> close(
      UnitChart chart, Map<String, BigDecimal> closingBalances, boolean yearEnd) {
    return close(chart, closingBalances, yearEnd, code -> Optional.empty());
  }

  /**
   * The closing vouchers, in posting order.
   *
   * @param closingBalances each leaf's balance before closing, debit-positive; missing leaves are
   *     zero
   * @param yearEnd whether the period is December, so year-end steps follow step 0
   * @param targetOverride the unit's own target for a leaf, if it has one
   * @throws IllegalArgumentException if a balance is on an account that is not a leaf of {@code
   *     chart}
   * @throws InvalidAccountException if a target is not a valid leaf for its source
   */
  public List<ClosingVoucher> close(
      UnitChart chart,
      Map<String, BigDecimal> closingBalances,
      boolean yearEnd,
      Function<String, Optional<String>> targetOverride) {
    Map<String, BigDecimal> balances = new TreeMap<>();
    closingBalances.forEach(
        (code, balance) -> {
          if (!chart.isLeaf(code)) {
            throw new IllegalArgumentException(code + " is not a leaf of the unit's chart");
          }
          balances.put(code, balance);
        });
    List<ClosingVoucher> vouchers = new ArrayList<>();
    int lastStep = yearEnd ? clearing.lastStep() : 0;
    for (int step = 0; step <= lastStep; step++) {
      for (Ledger ledger : Ledger.values()) {
        List<Carry> carries = carries(chart, balances, step, ledger, targetOverride);
        if (!carries.isEmpty()) {
          ClosingVoucher voucher = voucher(chart, step, ledger, carries);
          for (VoucherLine line : voucher.lines()) {
            balances.merge(line.account(), line.netDebit(), BigDecimal::add);
          }
          vouchers.add(voucher);
        }
      }
    }
    return List.copyOf(vouchers);
  }

  /** A leaf's balance to be carried to a target. */
  private record Carry(Account source, BigDecimal balance, String target) {}

  private List<Carry> carries(
      UnitChart chart,
      Map<String, BigDecimal> balances,
      int step,
      Ledger ledger,
      Function<String, Optional<String>> targetOverride) {
    List<Carry> carries = new ArrayList<>();
    for (Account leaf : chart.leaves()) {
      BigDecimal balance = balances.getOrDefault(leaf.code(), BigDecimal.ZERO);
      if (leaf.ledger() != ledger || balance.signum() == 0) {
        continue;
      }
      Optional<String> standardTarget = standardTarget(leaf, step);
      if (standardTarget.isPresent()) {
        String target = targetOverride.apply(leaf.code()).orElse(standardTarget.get());
        checkTarget(chart, leaf, target, step);
        carries.add(new Carry(leaf, balance, target));
      }
    }
    return carries;
  }

  /** Where the leaf goes in this step by the standard mapping, if it is cleared in this step. */
  private Optional<String> standardTarget(Account leaf, int step) {
    if (YearEndClearing.isRevenueOrExpense(leaf)) {
      return step == 0 ? Optional.of(SURPLUS) : Optional.empty();
    }
    return clearing
        .rule(leaf.firstLevelCode())
        .filter(rule -> rule.step() == step)
        .map(YearEndClearing.Rule::target);
  }

  private void checkTarget(UnitChart chart, Account source, String target, int step) {
    String field = "closingTargets[" + source.code() + "]";
    Account account = chart.require(target, field);
    if (!chart.isLeaf(target)) {
      throw new InvalidAccountException(
          field,
          target,
          "has sub-accounts; the unit must name one as " + source.code() + "'s target");
    }
    if (account.ledger() != source.ledger()
        || !(account.element() == Element.NET_ASSETS
            || account.element() == Element.BUDGET_BALANCE)) {
      throw new InvalidAccountException(
          field, target, "not a balance account of " + source.code() + "'s ledger");
    }
    int clearedIn =
        clearing.rule(account.firstLevelCode()).map(YearEndClearing.Rule::step).orElse(-1);
    if (clearedIn >= 0 && clearedIn <= step) {
      throw new InvalidAccountException(
          field, target, "cleared in step " + clearedIn + ", not after step " + step);
    }
  }

  private static ClosingVoucher voucher(
      UnitChart chart, int step, Ledger ledger, List<Carry> carries) {
    Map<String, BigDecimal[]> targets = new TreeMap<>(); // target → {debit, credit}
    for (Carry carry : carries) {
      BigDecimal[] sums =
          targets.computeIfAbsent(carry.target(), t -> new BigDecimal[] {zero(), zero()});
      int side = carry.balance().signum() > 0 ? 0 : 1;
      sums[side] = sums[side].add(carry.balance().abs());
    }
    String summary =
        (step == 0 ? "期末结转至 " : "年末结转至 ")
            + targets.keySet().stream()
                .map(code -> code + " " + chart.find(code).orElseThrow().nameZh())
                .collect(Collectors.joining("、"));
    List<VoucherLine> lines = new ArrayList<>();
    for (Carry carry : carries) {
      Side side = carry.balance().signum() > 0 ? Side.CREDIT : Side.DEBIT;
      lines.add(line(carry.source().code(), side, carry.balance().abs(), summary));
    }
    targets.forEach(
        (target, sums) -> {
          if (sums[0].signum() != 0) {
            lines.add(line(target, Side.DEBIT, sums[0], summary));
          }
          if (sums[1].signum() != 0) {
            lines.add(line(target, Side.CREDIT, sums[1], summary));
          }
        });
    return new ClosingVoucher(step, ledger, summary, lines);
  }

  private static VoucherLine line(String account, Side side, BigDecimal amount, String memo) {
    return new VoucherLine(account, side, amount, memo);
  }

  private static BigDecimal zero() {
    return new BigDecimal("0.00");
  }
}
