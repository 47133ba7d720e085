package org.govchain.accounting.periods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.govchain.accounting.vouchers.VoucherLine.credit;
import static org.govchain.accounting.vouchers.VoucherLine.debit;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.govchain.accounting.chart.Account;
import org.govchain.accounting.chart.Element;
import org.govchain.accounting.chart.InvalidAccountException;
import org.govchain.accounting.chart.Ledger;
import org.govchain.accounting.chart.UnitChart;
import org.govchain.accounting.vouchers.VoucherLine;
import org.govchain.accounting.vouchers.VoucherRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClosingEntriesTest {

  private static final UnitChart CHART = SampleMonth.CHART;

  /** The unit's fiscal-appropriation expenditure goes to 财政拨款结转. */
  private static final Function<String, Optional<String>> FISCAL_SPENDING =
      code -> code.equals("7201.01") ? Optional.of("8101") : Optional.empty();

  private final ClosingEntries closing = ClosingEntries.standard();
  private final VoucherRules rules = VoucherRules.standard();
  private final TrialBalance march =
      TrialBalance.compute(YearMonth.of(2026, 3), CHART, SampleMonth.OPENING, SampleMonth.lines());

  @Test
  void everyPeriodCarriesRevenueAndExpenseIntoTheSurplusInOneFinancialVoucher() {
    List<ClosingVoucher> vouchers = closing.close(CHART, march.closingBalances(), false);
    assertThat(vouchers).hasSize(1);
    ClosingVoucher voucher = vouchers.get(0);
    assertThat(voucher.step()).isZero();
    assertThat(voucher.ledger()).isEqualTo(Ledger.FINANCIAL);
    assertThat(voucher.summary()).isEqualTo("期末结转至 3301 本期盈余");
    assertThat(voucher.lines().stream().map(l -> l.withMemo(null)))
        .containsExactly(
            debit("4001", "1000000.00"),
            debit("4101", "30000.00"),
            credit("5001.01", "180000.00"),
            credit("5001.02", "17800.00"),
            credit("5001.03", "5000.00"),
            debit("3301", "202800.00"),
            credit("3301", "1030000.00"));
    assertThat(voucher.lines()).allMatch(l -> voucher.summary().equals(l.memo()));
    rules.checkClosingEntry(voucher.lines(), CHART);
  }

  @Test
  void afterPeriodClosingRevenueAndExpenseAreZeroAndTheTrialBalanceStillBalances() {
    TrialBalance closed =
        post(march.closingBalances(), closing.close(CHART, march.closingBalances(), false));
    for (Account leaf : CHART.leaves()) {
      if (leaf.element() == Element.REVENUE || leaf.element() == Element.EXPENSE) {
        assertThat(balance(closed, leaf.code())).as(leaf.code()).isZero();
      }
    }
    assertThat(closed.row("3301").orElseThrow().closing().amount())
        .isEqualByComparingTo("827200.00");
    assertThat(balance(closed, "6001"))
        .isEqualByComparingTo("-1000000.00"); // budget waits for December
    assertThat(closed.balanced(Ledger.FINANCIAL)).isTrue();
    assertThat(closed.balanced(Ledger.BUDGET)).isTrue();
  }

  @Test
  void yearEndClosingRunsTheStepsInOrderAndLeavesEveryClearedAccountAtZero() {
    Map<String, BigDecimal> december = march.closingBalances();
    List<ClosingVoucher> vouchers = closing.close(CHART, december, true, FISCAL_SPENDING);
    assertThat(vouchers)
        .extracting(v -> v.step() + " " + v.ledger())
        .containsExactly(
            "0 FINANCIAL", "1 FINANCIAL", "1 BUDGET", "2 FINANCIAL", "2 BUDGET", "3 BUDGET");
    assertThat(vouchers.get(1).lines().stream().map(l -> l.withMemo(null)))
        .as("本期盈余 is cleared with December's revenue and expense in it")
        .containsExactly(debit("3301", "827200.00"), credit("3302", "827200.00"));
    assertThat(vouchers.get(2).lines().stream().map(l -> l.withMemo(null)))
        .containsExactly(
            debit("6001", "1000000.00"),
            debit("6101", "30000.00"),
            credit("7201.01", "185800.00"),
            credit("7201.02", "21000.00"),
            debit("8101", "185800.00"),
            credit("8101", "1000000.00"),
            debit("8501", "21000.00"),
            credit("8501", "30000.00"));
    for (ClosingVoucher voucher : vouchers) {
      rules.checkClosingEntry(voucher.lines(), CHART);
    }

    TrialBalance closed = post(december, vouchers);
    for (Account leaf : CHART.leaves()) {
      if (leaf.clearedAtYearEnd()) {
        assertThat(balance(closed, leaf.code())).as(leaf.code()).isZero();
      }
    }
    assertThat(balance(closed, "3001")).isEqualByComparingTo("-2197200.00");
    assertThat(balance(closed, "8101")).isEqualByComparingTo("-1064200.00");
    assertThat(balance(closed, "8202")).isEqualByComparingTo("-64000.00");
    assertThat(balance(closed, "8001")).isEqualByComparingTo("1228200.00");
    assertThat(closed.balanced(Ledger.FINANCIAL)).isTrue();
    assertThat(closed.balanced(Ledger.BUDGET)).isTrue();
  }

  @Test
  void aDebitBalanceOnARevenueAccountIsCarriedTheOtherWay() {
    Map<String, BigDecimal> refunds =
        Map.of("4101", new BigDecimal("120.00"), "1002.02", new BigDecimal("-120.00"));
    List<ClosingVoucher> vouchers = closing.close(CHART, refunds, false);
    assertThat(vouchers.get(0).lines().stream().map(l -> l.withMemo(null)))
        .containsExactly(credit("4101", "120.00"), debit("3301", "120.00"));
  }

  @Test
  void zeroBalancesGiveNoLinesAndNothingToCarryGivesNoVoucher() {
    Map<String, BigDecimal> nothing =
        Map.of(
            "4001", new BigDecimal("0.00"),
            "1001", new BigDecimal("100.00"),
            "3001", new BigDecimal("-100.00"));
    assertThat(closing.close(CHART, nothing, false)).isEmpty();
    assertThat(closing.close(CHART, nothing, true)).isEmpty();
    assertThat(closing.close(CHART, Map.of(), true)).isEmpty();
  }

  @Test
  void anAdministrativeUnitCarriesOtherSurplusStraightToNonFiscalSurplus() {
    Map<String, BigDecimal> balances =
        Map.of("6609", new BigDecimal("-500.00"), "8001", new BigDecimal("500.00"));
    List<ClosingVoucher> vouchers =
        closing.close(
            CHART,
            balances,
            true,
            code -> code.equals("8501") ? Optional.of("8202") : Optional.empty());
    assertThat(vouchers).extracting(ClosingVoucher::step).containsExactly(1, 2);
    assertThat(vouchers.get(1).lines().stream().map(l -> l.withMemo(null)))
        .containsExactly(debit("8501", "500.00"), credit("8202", "500.00"));
  }

  @Test
  void refusesATargetWithSubAccounts() {
    UnitChart projects = CHART.withSubAccount("8101.01", "项目甲");
    Map<String, BigDecimal> balances =
        Map.of("6001", new BigDecimal("-10.00"), "8001", new BigDecimal("10.00"));
    assertThatThrownBy(() -> closing.close(projects, balances, true))
        .isInstanceOfSatisfying(
            InvalidAccountException.class,
            e -> {
              assertThat(e.field()).isEqualTo("closingTargets[6001]");
              assertThat(e.account()).isEqualTo("8101");
            })
        .hasMessageContaining("has sub-accounts");
    assertThat(
            closing.close(
                projects,
                balances,
                true,
                code -> code.equals("6001") ? Optional.of("8101.01") : Optional.empty()))
        .hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"3001", "5001.01", "7201.02", "6001", "9999"})
  void refusesAnOverrideThatIsNotABudgetBalanceAccount(String target) {
    Map<String, BigDecimal> balances =
        Map.of("7201.01", new BigDecimal("10.00"), "8001", new BigDecimal("-10.00"));
    assertThatThrownBy(
            () ->
                closing.close(
                    CHART,
                    balances,
                    true,
                    code -> code.equals("7201.01") ? Optional.of(target) : Optional.empty()))
        .isInstanceOfSatisfying(
            InvalidAccountException.class,
            e -> assertThat(e.field()).isEqualTo("closingTargets[7201.01]"));
  }

  @Test
  void refusesAnOverrideIntoAnAccountAlreadyCleared() {
    Map<String, BigDecimal> balances =
        Map.of("8701", new BigDecimal("-5.00"), "8001", new BigDecimal("5.00"));
    assertThatThrownBy(
            () ->
                closing.close(
                    CHART,
                    balances,
                    true,
                    code -> code.equals("8701") ? Optional.of("8501") : Optional.empty()))
        .isInstanceOf(InvalidAccountException.class)
        .hasMessageContaining("cleared in step 2, not after step 3");
  }

  @Test
  void acceptsAnOverrideIntoAnAccountClearedLater() {
    Map<String, BigDecimal> balances =
        Map.of("7201.01", new BigDecimal("10.00"), "8001", new BigDecimal("-10.00"));
    List<ClosingVoucher> vouchers =
        closing.close(
            CHART,
            balances,
            true,
            code -> code.equals("7201.01") ? Optional.of("8701") : Optional.empty());
    assertThat(vouchers).extracting(ClosingVoucher::step).containsExactly(1, 3);
  }

  @Test
  void refusesABalanceOnAnAccountThatIsNotALeaf() {
    assertThatThrownBy(() -> closing.close(CHART, Map.of("5001", BigDecimal.ONE), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5001");
  }

  @Test
  void aRandomYearClosedMonthlyEndsWithEveryClearedAccountAtZeroAndBothLedgersBalanced() {
    for (long seed = 1; seed <= 20; seed++) {
      RandomVouchers random = new RandomVouchers(seed);
      Map<String, BigDecimal> opening = SampleMonth.OPENING;
      for (int month = 1; month <= 12; month++) {
        YearMonth period = YearMonth.of(2026, month);
        TrialBalance posted =
            TrialBalance.compute(period, CHART, opening, random.month(15 + month));
        boolean yearEnd = month == 12;
        List<ClosingVoucher> vouchers =
            closing.close(CHART, posted.closingBalances(), yearEnd, FISCAL_SPENDING);
        List<VoucherLine> lines = new ArrayList<>();
        for (ClosingVoucher voucher : vouchers) {
          rules.checkClosingEntry(voucher.lines(), CHART);
          lines.addAll(voucher.lines());
        }
        TrialBalance closed = TrialBalance.compute(period, CHART, posted.closingBalances(), lines);
        for (Account leaf : CHART.leaves()) {
          boolean mustBeZero =
              leaf.element() == Element.REVENUE
                  || leaf.element() == Element.EXPENSE
                  || (yearEnd && leaf.clearedAtYearEnd());
          if (mustBeZero) {
            assertThat(balance(closed, leaf.code()))
                .as("seed %d month %d %s", seed, month, leaf.code())
                .isZero();
          }
        }
        assertThat(closed.balanced(Ledger.FINANCIAL)).as("seed %d month %d", seed, month).isTrue();
        assertThat(closed.balanced(Ledger.BUDGET)).as("seed %d month %d", seed, month).isTrue();
        opening = closed.closingBalances();
      }
    }
  }

  private static TrialBalance post(
      Map<String, BigDecimal> balances, List<ClosingVoucher> vouchers) {
    List<VoucherLine> lines = vouchers.stream().flatMap(v -> v.lines().stream()).toList();
    return TrialBalance.compute(YearMonth.of(2026, 12), CHART, balances, lines);
  }

  private static BigDecimal balance(TrialBalance trialBalance, String code) {
    return trialBalance.row(code).map(r -> r.closing().netDebit()).orElse(BigDecimal.ZERO);
  }
}
