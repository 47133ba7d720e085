package org.govchain.accounting.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChartOfAccountsTest {

  private final ChartOfAccounts chart = ChartOfAccounts.standard();

  @Test
  void standardChartIsVersionGas2017With103Accounts() {
    assertThat(chart.version()).isEqualTo(ChartOfAccounts.GAS_2017).isEqualTo("GAS-2017");
    assertThat(chart.size()).isEqualTo(103);
    assertThat(chart.accounts()).hasSize(103);
  }

  @Test
  void financialAccountingHas77AccountsAndBudgetAccounting26() {
    assertThat(chart.accounts(Ledger.FINANCIAL)).hasSize(77);
    assertThat(chart.accounts(Ledger.BUDGET)).hasSize(26);
  }

  @Test
  void accountsComeInCodeOrder() {
    List<String> codes = chart.accounts().stream().map(Account::code).toList();
    assertThat(codes).isSorted().startsWith("1001", "1002", "1011").endsWith("8501", "8701");
  }

  @Test
  void findsAnAccountByCodeWithAllItsColumns() {
    assertThat(chart.find("1011"))
        .contains(
            new Account(
                "1011",
                "零余额账户用款额度",
                "Zero-balance account spending quota",
                Element.ASSET,
                Ledger.FINANCIAL,
                Side.DEBIT,
                false,
                false,
                null));
    Account depreciation = chart.find("1602").orElseThrow();
    assertThat(depreciation.contra()).isTrue();
    assertThat(depreciation.normalSide()).isEqualTo(Side.CREDIT);
    assertThat(chart.find("3301").orElseThrow().clearedAtYearEnd()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"1012", "7001", "9999", "1002.01", "''", "abcd"})
  void findsNothingForCodesTheChartDoesNotHave(String code) {
    assertThat(chart.find(code)).isEmpty();
  }

  @Test
  void findsNothingForNull() {
    assertThat(chart.find(null)).isEmpty();
  }

  @Test
  void everyAccountIsFirstLevelAndAgreesWithItsElement() {
    for (Account account : chart.accounts()) {
      assertThat(account.isFirstLevel()).isTrue();
      assertThat(account.level()).isEqualTo(1);
      assertThat(account.ledger()).isEqualTo(account.element().ledger());
      assertThat(account.code().charAt(0)).isEqualTo(account.element().firstDigit());
    }
  }

  @Test
  void revenueAndExpenseOfBothLedgersAreClearedAtYearEndAndAssetsAndLiabilitiesNever() {
    for (Account account : chart.accounts()) {
      switch (account.element()) {
        case REVENUE, EXPENSE, BUDGET_REVENUE, BUDGET_EXPENDITURE ->
            assertThat(account.clearedAtYearEnd()).as(account.code()).isTrue();
        case ASSET, LIABILITY ->
            assertThat(account.clearedAtYearEnd()).as(account.code()).isFalse();
        default -> {}
      }
    }
  }

  @Test
  void contraAccountsLieOnTheSideOppositeTheirElement() {
    assertThat(chart.accounts().stream().filter(Account::contra).map(Account::code))
        .containsExactly("1219", "1602", "1702", "1802", "1832");
    chart.accounts().stream()
        .filter(Account::contra)
        .forEach(a -> assertThat(a.normalSide()).isEqualTo(Side.CREDIT));
  }

  @Test
  void accountListCannotBeChanged() {
    assertThatThrownBy(() -> chart.accounts().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void loadsCsvWithByteOrderMarkAndTrailingNewlines() throws Exception {
    ChartOfAccounts small = load("/wellformed-chart/with-bom-and-trailing-newlines.csv");
    assertThat(small.accounts()).extracting(Account::code).containsExactly("1001", "1002");
    assertThat(small.version()).isEqualTo("TEST");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "wrong-column-count.csv     | 3 | expected 8 fields, found 7",
        "duplicate-code.csv         | 3 | duplicate code 1001",
        "unknown-element.csv        | 2 | not a Element: cash",
        "element-in-wrong-ledger.csv| 2 | element ASSET is kept in FINANCIAL",
        "code-of-another-element.csv| 2 | ASSET codes start with 1",
        "not-a-boolean.csv          | 2 | not true or false: no",
        "unknown-side.csv           | 2 | not a Side: left",
        "wrong-header.csv           | 1 | header must be code,name_zh,",
        "sub-account-code.csv       | 2 | not a first-level code: 1002.01",
        "blank-line.csv             | 3 | blank line",
        "empty-field.csv            | 2 | empty field",
        "quoted-field.csv           | 2 | quoted fields are not supported",
        "upper-case-constant.csv    | 2 | not lower case: ASSET",
        "empty.csv                  | 0 | empty",
      })
  void refusesMalformedChartNamingTheLine(String file, int line, String reason) {
    assertThatThrownBy(() -> load("/malformed-chart/" + file))
        .isInstanceOfSatisfying(
            MalformedChartException.class,
            e -> {
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.source()).endsWith(file);
            })
        .hasMessageContaining(reason);
  }

  @Test
  void refusesMissingResource() {
    assertThatThrownBy(() -> ChartCsv.readResource("/chart/no-such.csv", ChartOfAccounts.HEADER))
        .isInstanceOf(MalformedChartException.class)
        .hasMessageContaining("no such resource");
  }

  private static ChartOfAccounts load(String resource) throws Exception {
    try (Reader reader =
        new InputStreamReader(
            Objects.requireNonNull(ChartOfAccountsTest.class.getResourceAsStream(resource)),
            StandardCharsets.UTF_8)) {
      return ChartOfAccounts.fromCsv("TEST", resource, reader);
    }
  }
}
