package org.govchain.accounting.periods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.govchain.accounting.vouchers.VoucherLine.credit;
import static org.govchain.accounting.vouchers.VoucherLine.debit;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.govchain.accounting.chart.Ledger;
import org.govchain.accounting.chart.Side;
import org.govchain.accounting.periods.TrialBalance.Balance;
import org.govchain.accounting.periods.TrialBalance.Row;
import org.govchain.accounting.periods.TrialBalance.Totals;
import org.govchain.accounting.vouchers.VoucherLine;
import org.govchain.accounting.vouchers.VoucherRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrialBalanceTest {

  private static final YearMonth MARCH = YearMonth.of(2026, 3);

  private final TrialBalance march =
      TrialBalance.compute(MARCH, SampleMonth.CHART, SampleMonth.OPENING, SampleMonth.lines());

  @Test
  void theSampleMonthsVouchersKeepTheRules() {
    VoucherRules rules = VoucherRules.standard();
    for (int i = 0; i < SampleMonth.VOUCHERS.size(); i++) {
      rules.check(SampleMonth.VOUCHERS.get(i), SampleMonth.CHART, SampleMonth.isReversal(i));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    // code,   level, leaf,  opening side, opening,  debit,      credit,     closing side, closing
    "1001,     1, true,  DEBIT,  5000.00,    0.00,       2000.00,    DEBIT,  3000.00",
    "1002,     1, false, DEBIT,  400000.00,  32000.00,   21000.00,   DEBIT,  411000.00",
    "1002.01,  2, true,  DEBIT,  300000.00,  2000.00,    21000.00,   DEBIT,  281000.00",
    "1002.02,  2, true,  DEBIT,  100000.00,  30000.00,   0.00,       DEBIT,  130000.00",
    "1011,     1, true,  DEBIT,  0.00,       1000000.00, 185800.00,  DEBIT,  814200.00",
    "1302,     1, true,  DEBIT,  20000.00,   10000.00,   12000.00,   DEBIT,  18000.00",
    "1601,     1, true,  DEBIT,  1200000.00, 0.00,       0.00,       DEBIT,  1200000.00",
    "1602,     1, true,  CREDIT, 240000.00,  0.00,       5000.00,    CREDIT, 245000.00",
    "2201,     1, true,  CREDIT, 0.00,       180000.00,  180000.00,  CREDIT, 0.00",
    "2302,     1, true,  CREDIT, 15000.00,   15000.00,   4000.00,    CREDIT, 4000.00",
    "3001,     1, true,  CREDIT, 1370000.00, 0.00,       0.00,       CREDIT, 1370000.00",
    "4001,     1, true,  CREDIT, 0.00,       0.00,       1000000.00, CREDIT, 1000000.00",
    "4101,     1, true,  CREDIT, 0.00,       0.00,       30000.00,   CREDIT, 30000.00",
    "5001,     1, false, DEBIT,  0.00,       202800.00,  0.00,       DEBIT,  202800.00",
    "5001.02,  2, true,  DEBIT,  0.00,       17800.00,   0.00,       DEBIT,  17800.00",
    "8001,     1, true,  DEBIT,  405000.00,  1030000.00, 206800.00,  DEBIT,  1228200.00",
    "6001,     1, true,  CREDIT, 0.00,       0.00,       1000000.00, CREDIT, 1000000.00",
    "7201,     1, false, DEBIT,  0.00,       206800.00,  0.00,       DEBIT,  206800.00",
    "7201.01,  2, true,  DEBIT,  0.00,       185800.00,  0.00,       DEBIT,  185800.00",
    "8202,     1, true,  CREDIT, 55000.00,   0.00,       0.00,       CREDIT, 55000.00",
  })
  void showsTheHandComputedFiguresOfEachAccount(
      String code,
      int level,
      boolean leaf,
      Side openingSide,
      String opening,
      String debit,
      String credit,
      Side closingSide,
      String closing) {
    Row row = march.row(code).orElseThrow();
    assertThat(row.level()).isEqualTo(level);
    assertThat(row.leaf()).isEqualTo(leaf);
    assertThat(row.opening()).isEqualTo(new Balance(openingSide, new BigDecimal(opening)));
    assertThat(row.debitTurnover()).isEqualTo(new BigDecimal(debit));
    assertThat(row.creditTurnover()).isEqualTo(new BigDecimal(credit));
    assertThat(row.closing()).isEqualTo(new Balance(closingSide, new BigDecimal(closing)));
  }

  @Test
  void aRedReversalReducesTheTurnoverOfItsOwnSide() {
    Row office = march.row("5001.02").orElseThrow();
    assertThat(office.debitTurnover())
        .isEqualByComparingTo("17800.00"); // 12000 + 8500 - 8500 + 5800
    assertThat(office.creditTurnover()).isEqualByComparingTo("0");
  }

  @Test
  void totalsAreTheHandComputedSixColumnsAndEachLedgerBalances() {
    assertThat(march.totals(Ledger.FINANCIAL))
        .isEqualTo(
            totals(
                Ledger.FINANCIAL,
                "1625000.00",
                "1625000.00",
                "1439800.00",
                "1439800.00",
                "2649000.00",
                "2649000.00"));
    assertThat(march.totals(Ledger.BUDGET))
        .isEqualTo(
            totals(
                Ledger.BUDGET,
                "405000.00",
                "405000.00",
                "1236800.00",
                "1236800.00",
                "1435000.00",
                "1435000.00"));
    assertThat(march.balanced(Ledger.FINANCIAL)).isTrue();
    assertThat(march.balanced(Ledger.BUDGET)).isTrue();
  }

  @Test
  void totalsAgreeWithAnIndependentComputationFromTheInputs() {
    for (Ledger ledger : Ledger.values()) {
      assertThat(march.totals(ledger))
          .isEqualTo(independentTotals(ledger, SampleMonth.OPENING, SampleMonth.lines()));
    }
  }

  @Test
  void fundsOnHandMirrorTheCashAccountsWhenEveryCashMovementIsUnderTheBudget() {
    BigDecimal cash =
        march.rows().stream()
            .filter(r -> r.level() == 1 && List.of("1001", "1002", "1011").contains(r.code()))
            .map(r -> r.closing().netDebit())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(march.row("8001").orElseThrow().closing().netDebit()).isEqualByComparingTo(cash);
  }

  @Test
  void listsAccountsWithAnOpeningBalanceOrAPostingAndTheAccountsAboveThem() {
    List<String> codes = march.rows().stream().map(Row::code).toList();
    assertThat(codes).isSorted().contains("1601", "2201", "5001", "5001.01", "7201", "8201");
    assertThat(codes).doesNotContain("1021", "3301", "6401", "7201.99");
  }

  @Test
  void anUnbalancedLedgerIsReportedWithItsSums() {
    Map<String, BigDecimal> opening = new HashMap<>(SampleMonth.OPENING);
    opening.put("1001", new BigDecimal("5000.01"));
    TrialBalance off = TrialBalance.compute(MARCH, SampleMonth.CHART, opening, List.of());
    assertThat(off.balanced(Ledger.FINANCIAL)).isFalse();
    assertThat(off.totals(Ledger.FINANCIAL).openingDebit()).isEqualByComparingTo("1625000.01");
    assertThat(off.balanced(Ledger.BUDGET)).isTrue();
  }

  @Test
  void aBalanceOnTheOtherSideShowsOnThatSide() {
    TrialBalance overpaid =
        TrialBalance.compute(
            MARCH,
            SampleMonth.CHART,
            Map.of("2302", new BigDecimal("-100.00"), "1001", new BigDecimal("100.00")),
            List.of(debit("2302", "150.00"), credit("1001", "150.00")));
    assertThat(overpaid.row("2302").orElseThrow().closing())
        .isEqualTo(new Balance(Side.DEBIT, new BigDecimal("50.00")));
    assertThat(overpaid.row("1001").orElseThrow().closing())
        .isEqualTo(new Balance(Side.CREDIT, new BigDecimal("50.00")));
    assertThat(overpaid.balanced(Ledger.FINANCIAL)).isTrue();
  }

  @Test
  void closingBalancesOpenTheNextMonthUnchanged() {
    Map<String, BigDecimal> closing = march.closingBalances();
    assertThat(closing).containsEntry("1011", new BigDecimal("814200.00"));
    assertThat(closing).containsEntry("1602", new BigDecimal("-245000.00"));
    assertThat(closing).doesNotContainKeys("1002", "5001");
    TrialBalance april =
        TrialBalance.compute(YearMonth.of(2026, 4), SampleMonth.CHART, closing, List.of());
    assertThat(april.closingBalances()).isEqualTo(closing);
    assertThat(april.totals(Ledger.FINANCIAL).openingDebit()).isEqualByComparingTo("2649000.00");
    assertThat(april.period()).isEqualTo(YearMonth.of(2026, 4));
  }

  @Test
  void refusesBalancesAndLinesOnAccountsThatAreNotLeaves() {
    assertThatThrownBy(
            () ->
                TrialBalance.compute(
                    MARCH, SampleMonth.CHART, Map.of("1002", BigDecimal.ONE), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1002");
    assertThatThrownBy(
            () ->
                TrialBalance.compute(
                    MARCH, SampleMonth.CHART, Map.of(), List.of(debit("1012", "1.00"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1012");
    assertThatThrownBy(
            () ->
                TrialBalance.compute(
                    MARCH, SampleMonth.CHART, Map.of("1001", new BigDecimal("0.001")), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyPeriodHasNoRowsAndBalances() {
    TrialBalance empty = TrialBalance.compute(MARCH, SampleMonth.CHART, Map.of(), List.of());
    assertThat(empty.rows()).isEmpty();
    assertThat(empty.balanced(Ledger.FINANCIAL)).isTrue();
    assertThat(empty.balanced(Ledger.BUDGET)).isTrue();
  }

  @Test
  void zeroBalanceShowsOnTheNormalSide() {
    assertThat(Balance.of(BigDecimal.ZERO.setScale(2), Side.CREDIT))
        .isEqualTo(new Balance(Side.CREDIT, new BigDecimal("0.00")));
    assertThat(Balance.of(new BigDecimal("-3.00"), Side.DEBIT).credit()).isEqualByComparingTo("3");
    assertThat(Balance.of(new BigDecimal("-3.00"), Side.DEBIT).debit()).isEqualByComparingTo("0");
  }

  /** The six columns summed over first-level accounts straight from the inputs. */
  static Totals independentTotals(
      Ledger ledger, Map<String, BigDecimal> opening, List<VoucherLine> lines) {
    Map<String, BigDecimal> open = new HashMap<>();
    Map<String, BigDecimal> close = new HashMap<>();
    BigDecimal debit = new BigDecimal("0.00");
    BigDecimal credit = new BigDecimal("0.00");
    for (Map.Entry<String, BigDecimal> e : opening.entrySet()) {
      if (ledgerOf(e.getKey()) == ledger) {
        open.merge(e.getKey().substring(0, 4), e.getValue(), BigDecimal::add);
        close.merge(e.getKey().substring(0, 4), e.getValue(), BigDecimal::add);
      }
    }
    for (VoucherLine line : lines) {
      if (ledgerOf(line.account()) == ledger) {
        if (line.side() == Side.DEBIT) {
          debit = debit.add(line.amount());
        } else {
          credit = credit.add(line.amount());
        }
        close.merge(line.account().substring(0, 4), line.netDebit(), BigDecimal::add);
      }
    }
    return new Totals(
        ledger, sum(open, 1), sum(open, -1), debit, credit, sum(close, 1), sum(close, -1));
  }

  private static Ledger ledgerOf(String code) {
    return code.charAt(0) >= '6' ? Ledger.BUDGET : Ledger.FINANCIAL;
  }

  private static BigDecimal sum(Map<String, BigDecimal> balances, int sign) {
    return balances.values().stream()
        .filter(b -> b.signum() == sign)
        .map(BigDecimal::abs)
        .reduce(new BigDecimal("0.00"), BigDecimal::add);
  }

  private static Totals totals(
      Ledger ledger,
      String openingDebit,
      String openingCredit,
      String debit,
      String credit,
      String closingDebit,
      String closingCredit) {
    return new Totals(
        ledger,
        new BigDecimal(openingDebit),
        new BigDecimal(openingCredit),
        new BigDecimal(debit),
        new BigDecimal(credit),
        new BigDecimal(closingDebit),
        new BigDecimal(closingCredit));
  }
}
