package org.govchain.accounting.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.govchain.accounting.vouchers.VoucherLine.credit;
import static org.govchain.accounting.vouchers.VoucherLine.debit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.govchain.accounting.chart.ChartOfAccounts;
import org.govchain.accounting.chart.InvalidAccountException;
import org.govchain.accounting.chart.Ledger;
import org.govchain.accounting.chart.UnitChart;
import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.accounting.vouchers.ParallelBookkeepingException.Rule;
import org.govchain.anchor.web.problem.CommonProblem;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.problem.ProblemException.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VoucherRulesTest {

  private static final UnitChart CHART =
      UnitChart.of(
          ChartOfAccounts.standard(),
          Map.of("1002.01", "工商银行基本户", "1002.02", "建设银行专户", "7201.01", "事业支出—财政拨款支出"));

  private final VoucherRules rules = VoucherRules.standard();

  static Stream<Arguments> acceptedVouchers() {
    return Stream.of(
        Arguments.of(
            "quota of ¥1,000,000 received",
            List.of(
                debit("1011", "1000000.00"),
                credit("4001", "1000000.00"),
                debit("8001", "1000000.00"),
                credit("6001", "1000000.00"))),
        Arguments.of(
            "salaries paid from the quota",
            List.of(
                debit("2201", "85000.00"),
                credit("1011", "85000.00"),
                debit("7201.01", "85000.00"),
                credit("8001", "85000.00"))),
        Arguments.of(
            "purchase part-paid: budget mirrors the ¥6,000 paid",
            List.of(
                debit("1302", "10000.00"),
                credit("1002.01", "6000.00"),
                credit("2302", "4000.00"),
                debit("7201.01", "6000.00"),
                credit("8001", "6000.00"))),
        Arguments.of(
            "salaries paid, tax and social insurance withheld: budget is the net pay",
            List.of(
                debit("2201", "10000.00"),
                credit("1011", "8000.00"),
                credit("2307", "1000.00"),
                credit("2102", "1000.00"),
                debit("7201.01", "8000.00"),
                credit("8001", "8000.00"))),
        Arguments.of(
            "borrowing received",
            List.of(
                debit("1002.02", "500000.00"),
                credit("2001", "500000.00"),
                debit("8001", "500000.00"),
                credit("6501", "500000.00"))),
        Arguments.of(
            "expense paid from two budget sources",
            List.of(
                debit("5001", "3000.00"),
                credit("1002.01", "3000.00"),
                debit("7201.01", "1000.00"),
                debit("7901", "2000.00"),
                credit("8001", "3000.00"))),
        Arguments.of(
            "cash deposited in the bank needs no budget lines",
            List.of(debit("1002.01", "2000.00"), credit("1001", "2000.00"))),
        Arguments.of(
            "depreciation is financial only",
            List.of(debit("5001", "1250.00"), credit("1602", "1250.00"))),
        Arguments.of(
            "salaries accrued are financial only",
            List.of(debit("5001", "85000.00"), credit("2201", "85000.00"))),
        Arguments.of(
            "a deposit received is financial only",
            List.of(debit("1002.01", "5000.00"), credit("2307", "5000.00"))),
        Arguments.of(
            "an advance to staff is financial only",
            List.of(debit("1218", "800.00"), credit("1001", "800.00"))),
        Arguments.of(
            "purchase on credit is financial only",
            List.of(debit("1302", "4000.00"), credit("2302", "4000.00"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedVouchers")
  void acceptsVoucherKeepingTheRules(String what, List<VoucherLine> lines) {
    assertThatCode(() -> rules.check(lines, CHART, false)).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedVouchers")
  void acceptsTheRedReversalOfAnAcceptedVoucher(String what, List<VoucherLine> lines) {
    assertThatCode(() -> rules.check(VoucherRules.reversalOf(lines), CHART, true))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedVouchers")
  void refusesAnOrdinaryVoucherAsAReversalAndAReversalAsOrdinary(
      String what, List<VoucherLine> lines) {
    assertThatThrownBy(() -> rules.check(lines, CHART, true))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertKind(e, "invalid-amount"))
        .hasMessageContaining("lines[0].amount");
    assertThatThrownBy(() -> rules.check(VoucherRules.reversalOf(lines), CHART, false))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertKind(e, "invalid-amount"));
  }

  @Test
  void reversalNegatesEveryLineAndReversingTwiceGivesTheOriginal() {
    List<VoucherLine> original =
        List.of(debit("5001", "1250.00").withMemo("折旧"), credit("1602", "1250.00"));
    List<VoucherLine> reversal = VoucherRules.reversalOf(original);
    assertThat(reversal)
        .containsExactly(debit("5001", "-1250.00").withMemo("折旧"), credit("1602", "-1250.00"));
    assertThat(VoucherRules.reversalOf(reversal)).isEqualTo(original);
  }

  @Test
  void acceptsATransferBetweenCashAccountsReclassifyingFundsOnHand() {
    UnitChart funds =
        CHART.withSubAccount("8001.01", "货币资金").withSubAccount("8001.02", "零余额账户用款额度");
    List<VoucherLine> cashDrawn =
        List.of(
            debit("1001", "3000.00"),
            credit("1011", "3000.00"),
            debit("8001.01", "3000.00"),
            credit("8001.02", "3000.00"));
    assertThatCode(() -> rules.check(cashDrawn, funds, false)).doesNotThrowAnyException();
  }

  @Test
  void refusesAVoucherWithFewerThanTwoLines() {
    for (List<VoucherLine> lines : List.of(List.<VoucherLine>of(), List.of(debit("1001", "1")))) {
      assertThatThrownBy(() -> rules.check(lines, CHART, false))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(CommonProblem.INVALID_REQUEST);
                assertThat(e.properties().get("errors").toString()).contains("field=lines");
              });
    }
    assertThatThrownBy(() -> rules.check(null, CHART, false)).isInstanceOf(ProblemException.class);
  }

  @Test
  void refusesAnAccountTheUnitsChartDoesNotHaveNamingTheLine() {
    List<VoucherLine> lines =
        List.of(debit("5001", "10.00"), credit("1002.01", "5.00"), credit("1012", "5.00"));
    assertThatThrownBy(() -> rules.check(lines, CHART, false))
        .isInstanceOfSatisfying(
            InvalidAccountException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(AccountingProblem.INVALID_ACCOUNT);
              assertThat(e.field()).isEqualTo("lines[2].account");
              assertThat(e.properties())
                  .containsEntry("account", "1012")
                  .containsEntry(
                      "errors",
                      List.of(
                          FieldError.of("lines[2].account", "not an account of the unit's chart")));
            });
  }

  @Test
  void refusesAnAccountWithSubAccounts() {
    List<VoucherLine> lines = List.of(debit("1002", "10.00"), credit("1001", "10.00"));
    assertThatThrownBy(() -> rules.check(lines, CHART, false))
        .isInstanceOfSatisfying(
            InvalidAccountException.class, e -> assertThat(e.field()).isEqualTo("lines[0].account"))
        .hasMessageContaining("has sub-accounts [1002.01, 1002.02]");
  }

  @Test
  void refusesZeroNegativeAndOverPreciseAmounts() {
    assertAmountRefused(List.of(debit("5001", "0.00"), credit("1602", "0.00")), 0, "zero");
    assertAmountRefused(List.of(debit("5001", "10.00"), credit("1602", "-10.00")), 1, "negative");
    assertAmountRefused(
        List.of(debit("5001", "10.005"), credit("1602", "10.005")), 0, "more than two decimal");
  }

  @Test
  void reportsTheFirstLineThatBreaksARule() {
    List<VoucherLine> lines = List.of(debit("5001", "0"), credit("9999", "10.00"));
    assertThatThrownBy(() -> rules.check(lines, CHART, false))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertKind(e, "invalid-amount"))
        .hasMessageContaining("lines[0].amount");
  }

  @Test
  void refusesUnbalancedFinancialLinesWithBothSums() {
    List<VoucherLine> lines =
        List.of(
            debit("1011", "1000000.00"),
            credit("4001", "999999.99"),
            debit("8001", "1000000.00"),
            credit("6001", "1000000.00"));
    assertThatThrownBy(() -> rules.check(lines, CHART, false))
        .isInstanceOfSatisfying(
            UnbalancedVoucherException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(AccountingProblem.UNBALANCED_VOUCHER);
              assertThat(e.ledger()).isEqualTo(Ledger.FINANCIAL);
              assertThat(e.properties())
                  .isEqualTo(
                      Map.of("ledger", "financial", "debit", "1000000.00", "credit", "999999.99"));
            });
  }

  @Test
  void refusesUnbalancedBudgetLinesEvenWhenFinancialOnesBalance() {
    List<VoucherLine> lines =
        List.of(
            debit("2201", "85000.00"),
            credit("1011", "85000.00"),
            debit("7201.01", "85000.00"),
            credit("8001", "58000.00"));
    assertThatThrownBy(() -> rules.check(lines, CHART, false))
        .isInstanceOfSatisfying(
            UnbalancedVoucherException.class,
            e ->
                assertThat(e.properties())
                    .isEqualTo(
                        Map.of("ledger", "budget", "debit", "85000.00", "credit", "58000.00")))
        .hasMessage("the budget lines do not balance: debit 85000.00, credit 58000.00");
  }

  @Test
  void refusesCashMovedUnderTheBudgetWithoutBudgetLines() {
    List<VoucherLine> lines = List.of(debit("1011", "1000000.00"), credit("4001", "1000000.00"));
    ParallelBookkeepingException e =
        refusedForParallelBookkeeping(lines, Rule.BUDGET_LINES_MISSING);
    assertThat(e.properties()).containsEntry("cashNetDebit", "1000000.00");
    assertThat(e.getMessage()).contains("lines[0] 1011 against lines[1] 4001 财政拨款收入");
  }

  @Test
  void refusesBudgetLinesThatDoNotMirrorTheCashPaid() {
    List<VoucherLine> lines =
        List.of(
            debit("1302", "10000.00"),
            credit("1002.01", "6000.00"),
            credit("2302", "4000.00"),
            debit("7201.01", "10000.00"),
            credit("8001", "10000.00"));
    ParallelBookkeepingException e =
        refusedForParallelBookkeeping(lines, Rule.FUNDS_ON_HAND_MISMATCH);
    assertThat(e.properties())
        .containsEntry("cashNetDebit", "-6000.00")
        .containsEntry("fundsOnHandNetDebit", "-10000.00")
        .containsEntry("rule", "FUNDS_ON_HAND_MISMATCH");
  }

  @Test
  void refusesBudgetLinesMovingFundsOnHandTheWrongWay() {
    List<VoucherLine> lines =
        List.of(
            debit("1011", "1000000.00"),
            credit("4001", "1000000.00"),
            debit("6001", "1000000.00"),
            credit("8001", "1000000.00"));
    refusedForParallelBookkeeping(lines, Rule.FUNDS_ON_HAND_MISMATCH);
  }

  @Test
  void refusesABudgetOnlyVoucher() {
    List<VoucherLine> lines = List.of(debit("8001", "500.00"), credit("6609", "500.00"));
    refusedForParallelBookkeeping(lines, Rule.BUDGET_LINES_ALONE);
  }

  @Test
  void refusesBudgetLinesOnADepreciationVoucher() {
    List<VoucherLine> lines =
        List.of(
            debit("5001", "1250.00"),
            credit("1602", "1250.00"),
            debit("7201.01", "1250.00"),
            credit("8001", "1250.00"));
    refusedForParallelBookkeeping(lines, Rule.BUDGET_LINES_NOT_ALLOWED);
  }

  @Test
  void refusesBudgetLinesOnADepositReceived() {
    List<VoucherLine> lines =
        List.of(
            debit("1002.01", "5000.00"),
            credit("2307", "5000.00"),
            debit("8001", "5000.00"),
            credit("6609", "5000.00"));
    refusedForParallelBookkeeping(lines, Rule.BUDGET_LINES_NOT_ALLOWED);
  }

  @Test
  void refusesBudgetRevenueOnACashTransfer() {
    List<VoucherLine> lines =
        List.of(
            debit("1002.01", "2000.00"),
            credit("1001", "2000.00"),
            debit("8001", "2000.00"),
            credit("6609", "2000.00"));
    refusedForParallelBookkeeping(lines, Rule.BUDGET_LINES_NOT_ALLOWED);
  }

  @Test
  void randomVouchersUnderTheBudgetPassAndFailWhenOneFenIsOff() {
    Random random = new Random(20260305L);
    for (int i = 0; i < 500; i++) {
      BigDecimal paid = fen(random);
      BigDecimal owed = fen(random);
      List<VoucherLine> purchase =
          List.of(
              debit("1302", paid.add(owed)),
              credit("1002.01", paid),
              credit("2302", owed),
              debit("7201.01", paid),
              credit("8001", paid));
      rules.check(purchase, CHART, false);
      rules.check(VoucherRules.reversalOf(purchase), CHART, true);

      int broken = random.nextInt(purchase.size());
      List<VoucherLine> offByOneFen = new ArrayList<>(purchase);
      VoucherLine line = purchase.get(broken);
      offByOneFen.set(
          broken,
          new VoucherLine(
              line.account(), line.side(), line.amount().add(new BigDecimal("0.01")), null));
      assertThatThrownBy(() -> rules.check(offByOneFen, CHART, false))
          .as("line %d off by one fen", broken)
          .isInstanceOfAny(UnbalancedVoucherException.class);

      BigDecimal budget = paid.add(new BigDecimal("0.01"));
      List<VoucherLine> budgetOffByOneFen = new ArrayList<>(purchase.subList(0, 3));
      budgetOffByOneFen.addAll(List.of(debit("7201.01", budget), credit("8001", budget)));
      assertThatThrownBy(() -> rules.check(budgetOffByOneFen, CHART, false))
          .isInstanceOfSatisfying(
              ParallelBookkeepingException.class,
              e -> assertThat(e.rule()).isEqualTo(Rule.FUNDS_ON_HAND_MISMATCH));
    }
  }

  @Test
  void acceptsClosingEntriesInOneLedgerWithoutBudgetLines() {
    assertThatCode(
            () ->
                rules.checkClosingEntry(
                    List.of(debit("4001", "1000000.00"), credit("3301", "1000000.00")), CHART))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                rules.checkClosingEntry(
                    List.of(debit("6001", "1000000.00"), credit("8101", "1000000.00")), CHART))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesClosingEntriesMixingLedgersOrUnbalanced() {
    assertThatThrownBy(
            () ->
                rules.checkClosingEntry(
                    List.of(
                        debit("4001", "10.00"),
                        credit("3301", "10.00"),
                        debit("6001", "10.00"),
                        credit("8101", "10.00")),
                    CHART))
        .isInstanceOfSatisfying(
            ParallelBookkeepingException.class,
            e -> assertThat(e.rule()).isEqualTo(Rule.MIXED_CLOSING_ENTRY));
    assertThatThrownBy(
            () ->
                rules.checkClosingEntry(
                    List.of(debit("6001", "10.00"), credit("8101", "9.00")), CHART))
        .isInstanceOf(UnbalancedVoucherException.class);
    assertThatThrownBy(
            () ->
                rules.checkClosingEntry(
                    List.of(debit("6001", "-10.00"), credit("8101", "-10.00")), CHART))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertKind(e, "invalid-amount"));
  }

  private void assertAmountRefused(List<VoucherLine> lines, int index, String problem) {
    assertThatThrownBy(() -> rules.check(lines, CHART, false))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(AccountingProblem.INVALID_AMOUNT);
              assertThat(e.properties().get("errors").toString())
                  .contains("field=lines[" + index + "].amount")
                  .contains(problem);
            });
  }

  private ParallelBookkeepingException refusedForParallelBookkeeping(
      List<VoucherLine> lines, Rule rule) {
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(() -> rules.check(lines, CHART, false));
    assertThat(thrown).isInstanceOf(ParallelBookkeepingException.class);
    ParallelBookkeepingException e = (ParallelBookkeepingException) thrown;
    assertThat(e.kind()).isEqualTo(AccountingProblem.PARALLEL_BOOKKEEPING);
    assertThat(e.rule()).isEqualTo(rule);
    assertThat(e.properties()).containsEntry("rule", rule.name());
    return e;
  }

  private static void assertKind(ProblemException e, String kind) {
    assertThat(e.kind().kind()).isEqualTo(kind);
  }

  private static BigDecimal fen(Random random) {
    return BigDecimal.valueOf(1 + random.nextInt(10_000_000), 2);
  }
}
