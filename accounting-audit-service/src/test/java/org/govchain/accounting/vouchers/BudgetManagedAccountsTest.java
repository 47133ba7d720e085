package org.govchain.accounting.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.govchain.accounting.chart.Account;
import org.govchain.accounting.chart.ChartCsv;
import org.govchain.accounting.chart.ChartOfAccounts;
import org.govchain.accounting.chart.Element;
import org.govchain.accounting.chart.MalformedChartException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BudgetManagedAccountsTest {

  private final ChartOfAccounts chart = ChartOfAccounts.standard();
  private final BudgetManagedAccounts managed = BudgetManagedAccounts.standard();

  @Test
  void everyRevenueAndExpenseAccountIsBudgetManaged() {
    for (Account account : chart.accounts()) {
      if (account.element() == Element.REVENUE || account.element() == Element.EXPENSE) {
        assertThat(managed.contains(account.code())).as(account.code()).isTrue();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1214", "1302", "1601", "1611", "1613", "1701", "2001", "2101", "2102", "2201", "2302",
        "2501"
      })
  void assetsAndLiabilitiesSettledWithBudgetFundsAreBudgetManaged(String code) {
    assertThat(managed.contains(code)).isTrue();
    assertThat(managed.reason(code)).get().asString().isNotBlank();
  }

  @ParameterizedTest
  @CsvSource({
    "1218, other receivables: advances and deposits",
    "2307, other payables: deposits and temporary receipts",
    "2103, money collected for the treasury",
    "1891, agency assets",
    "2901, agency liabilities",
    "1602, contra account",
    "3301, moved by closing only",
    "1001, cash itself",
    "1011, cash itself",
    "8001, budget account"
  })
  void accountsWhoseCashIsNotTheBudgetsAreNot(String code, String why) {
    assertThat(managed.contains(code)).as(why).isFalse();
    assertThat(managed.reason(code)).isEmpty();
  }

  @Test
  void cashAccountsAreTheFundsThat8001Mirrors() {
    assertThat(BudgetManagedAccounts.CASH_ACCOUNTS)
        .containsExactlyInAnyOrder("1001", "1002", "1011", "1021", "1201");
    for (String code : BudgetManagedAccounts.CASH_ACCOUNTS) {
      assertThat(chart.find(code).orElseThrow().element()).isEqualTo(Element.ASSET);
    }
    assertThat(chart.find(BudgetManagedAccounts.FUNDS_ON_HAND).orElseThrow().nameZh())
        .isEqualTo("资金结存");
  }

  @Test
  void everyCodeIsAFinancialAccountOfTheChartWithAReason() {
    assertThat(List.copyOf(managed.codes())).hasSize(58).isSorted();
    for (String code : managed.codes()) {
      assertThat(chart.find(code)).isPresent();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "9999,no such | no account 9999",
        "6001,budget | not a financial counterpart",
        "1002,cash | not a financial counterpart",
        "4001,a;4001,b | duplicate code 4001",
      })
  void refusesRowsThatDoNotFitTheChart(String rows, String reason) {
    String csv = "code,reason\n" + rows.replace(";", "\n");
    assertThatThrownBy(
            () ->
                BudgetManagedAccounts.of(
                    chart,
                    "test",
                    ChartCsv.read("test", new StringReader(csv), BudgetManagedAccounts.HEADER)))
        .isInstanceOf(MalformedChartException.class)
        .hasMessageContaining(reason);
  }
}
