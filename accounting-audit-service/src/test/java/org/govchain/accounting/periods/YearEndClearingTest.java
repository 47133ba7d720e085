package org.govchain.accounting.periods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.govchain.accounting.chart.Account;
import org.govchain.accounting.chart.ChartCsv;
import org.govchain.accounting.chart.ChartOfAccounts;
import org.govchain.accounting.chart.Element;
import org.govchain.accounting.chart.MalformedChartException;
import org.govchain.accounting.periods.YearEndClearing.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YearEndClearingTest {

  private final ChartOfAccounts chart = ChartOfAccounts.standard();
  private final YearEndClearing clearing = YearEndClearing.standard();

  @Test
  void everyBudgetRevenueAndExpenditureAccountHasARowIntoABudgetBalanceAccount() {
    for (Account account : chart.accounts()) {
      if (account.element() == Element.BUDGET_REVENUE
          || account.element() == Element.BUDGET_EXPENDITURE) {
        Rule rule = clearing.rule(account.code()).orElseThrow(() -> new AssertionError(account));
        assertThat(chart.find(rule.target()).orElseThrow().element())
            .as(account.code())
            .isEqualTo(Element.BUDGET_BALANCE);
        assertThat(rule.step()).isEqualTo(1);
      }
    }
  }

  @Test
  void everyTargetIsABalanceAccountOfItsSourcesLedger() {
    for (Rule rule : clearing.rules()) {
      Account source = chart.find(rule.source()).orElseThrow();
      Account target = chart.find(rule.target()).orElseThrow();
      assertThat(target.ledger()).isEqualTo(source.ledger());
      assertThat(target.element()).isIn(Element.NET_ASSETS, Element.BUDGET_BALANCE);
      assertThat(rule.reason()).isNotBlank();
    }
  }

  @Test
  void theSourcesAreExactlyTheAccountsTheChartClearsLessRevenueAndExpense() {
    Set<String> cleared =
        chart.accounts().stream()
            .filter(Account::clearedAtYearEnd)
            .filter(a -> a.element() != Element.REVENUE && a.element() != Element.EXPENSE)
            .map(Account::code)
            .collect(Collectors.toSet());
    assertThat(clearing.rules().stream().map(Rule::source))
        .containsExactlyInAnyOrderElementsOf(cleared);
  }

  @Test
  void everyRevenueAndExpenseAccountIsClearedIntoTheSurplusEveryPeriod() {
    chart.accounts().stream()
        .filter(a -> a.element() == Element.REVENUE || a.element() == Element.EXPENSE)
        .forEach(
            a -> {
              assertThat(a.clearedAtYearEnd()).isTrue();
              assertThat(clearing.rule(a.code())).isEmpty();
            });
    assertThat(chart.find(ClosingEntries.SURPLUS).orElseThrow().nameZh()).isEqualTo("本期盈余");
  }

  @ParameterizedTest
  @CsvSource({
    "6001, 8101, 1",
    "6401, 8401, 1",
    "7301, 8401, 1",
    "6101, 8501, 1",
    "7201, 8501, 1",
    "7101, 8101, 1",
    "3301, 3302, 1",
    "3302, 3001, 2",
    "3401, 3001, 2",
    "3501, 3001, 2",
    "8501, 8701, 2",
    "8701, 8202, 3"
  })
  void carriesEachAccountWhereTheMinistrysRulesSay(String source, String target, int step) {
    Rule rule = clearing.rule(source).orElseThrow();
    assertThat(rule.target()).isEqualTo(target);
    assertThat(rule.step()).isEqualTo(step);
  }

  @Test
  void anAccountIsClearedOnlyAfterEverythingDueToItHasArrived() {
    for (Rule rule : clearing.rules()) {
      for (Rule into : clearing.rules()) {
        if (into.target().equals(rule.source())) {
          assertThat(into.step()).as(into + " into " + rule).isLessThan(rule.step());
        }
      }
    }
    assertThat(clearing.rule(ClosingEntries.SURPLUS).orElseThrow().step()).isPositive();
    assertThat(clearing.lastStep()).isEqualTo(3);
    assertThat(clearing.rules()).extracting(Rule::step).isSorted();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "6001,8101,1,a;6001,8201,1,b | duplicate source 6001",
        "1001,3001,1,a | 1001 is not cleared at year end",
        "4001,3301,1,a | 4001 is not cleared at year end by this mapping",
        "6001,3001,1,a | 3001 is not a balance account of 6001's ledger",
        "6001,7201,1,a | 7201 is not a balance account",
        "6001,8101,0,a | step must be a whole number from 1, was 0",
        "6001,8101,x,a | was x",
        "6001,9999,1,a | no account 9999",
        "3301,3302,2,a;3302,3001,2,a | 3302 is cleared in step 2 but receives in step 2",
      })
  void refusesMappingsThatDisagreeWithTheChart(String rows, String reason) {
    assertThatThrownBy(() -> load(rows))
        .isInstanceOf(MalformedChartException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void refusesAMappingMissingAnAccountTheChartClears() {
    String all =
        clearing.rules().stream()
            .filter(r -> !r.source().equals("3401"))
            .map(r -> r.source() + "," + r.target() + "," + r.step() + ",x")
            .collect(Collectors.joining(";"));
    assertThatThrownBy(() -> load(all))
        .isInstanceOf(MalformedChartException.class)
        .hasMessageContaining("3401 is cleared at year end but has no row");
  }

  private YearEndClearing load(String rows) {
    String csv = "source,target,step,reason\n" + rows.replace(";", "\n");
    List<ChartCsv.Row> read = ChartCsv.read("test", new StringReader(csv), YearEndClearing.HEADER);
    return YearEndClearing.of(chart, "test", read);
  }
}
