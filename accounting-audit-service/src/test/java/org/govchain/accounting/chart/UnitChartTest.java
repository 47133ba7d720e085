package org.govchain.accounting.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.anchor.web.problem.CommonProblem;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.problem.ProblemException.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnitChartTest {

  private final UnitChart standard = UnitChart.of(ChartOfAccounts.standard());
  private final UnitChart unit =
      standard
          .withSubAccount("1002.01", "工商银行基本户")
          .withSubAccount("1002.02", "建设银行专户")
          .withSubAccount("1002.01.03", "工商银行基本户—定期")
          .withSubAccount("7201.01", "事业支出—财政拨款支出");

  @Test
  void subAccountInheritsEverythingButCodeAndNameFromItsFirstLevelAccount() {
    Account bank = ChartOfAccounts.standard().find("1002").orElseThrow();
    Account sub = unit.find("1002.01.03").orElseThrow();
    assertThat(sub)
        .isEqualTo(
            new Account(
                "1002.01.03",
                "工商银行基本户—定期",
                null,
                bank.element(),
                bank.ledger(),
                bank.normalSide(),
                bank.contra(),
                bank.clearedAtYearEnd(),
                "1002.01"));
    assertThat(sub.level()).isEqualTo(3);
    assertThat(sub.firstLevelCode()).isEqualTo("1002");
    Account expenditure = unit.find("7201.01").orElseThrow();
    assertThat(expenditure.ledger()).isEqualTo(Ledger.BUDGET);
    assertThat(expenditure.clearedAtYearEnd()).isTrue();
  }

  @Test
  void leavesAreAccountsWithoutChildren() {
    assertThat(unit.isLeaf("1002")).isFalse();
    assertThat(unit.isLeaf("1002.01")).isFalse();
    assertThat(unit.isLeaf("1002.01.03")).isTrue();
    assertThat(unit.isLeaf("1002.02")).isTrue();
    assertThat(unit.isLeaf("1001")).isTrue();
    assertThat(unit.isLeaf("1012")).isFalse();
    assertThat(unit.isLeaf(null)).isFalse();
    assertThat(unit.leaves()).extracting(Account::code).contains("1001", "1002.01.03", "1002.02");
    assertThat(unit.leaves()).extracting(Account::code).doesNotContain("1002", "1002.01", "7201");
    assertThat(unit.leaves()).hasSize(103 - 2 + 3);
  }

  @Test
  void childrenAreTheDirectSubAccountsInCodeOrder() {
    assertThat(unit.children("1002"))
        .extracting(Account::code)
        .containsExactly("1002.01", "1002.02");
    assertThat(unit.children("1002.01")).extracting(Account::code).containsExactly("1002.01.03");
    assertThat(unit.children("1001")).isEmpty();
    assertThat(unit.children("1002.02")).isEmpty();
  }

  @Test
  void firstLevelAccountOfAnyAccount() {
    assertThat(unit.firstLevel("1002.01.03").code()).isEqualTo("1002");
    assertThat(unit.firstLevel("1002").code()).isEqualTo("1002");
  }

  @Test
  void unknownCodesAreInvalidAccounts() {
    assertThat(unit.find("1002.03")).isEmpty();
    assertThatThrownBy(() -> unit.firstLevel("1002.03"))
        .isInstanceOfSatisfying(
            InvalidAccountException.class,
            e -> assertThat(e.kind()).isEqualTo(AccountingProblem.INVALID_ACCOUNT));
    assertThatThrownBy(() -> unit.children("9999")).isInstanceOf(InvalidAccountException.class);
  }

  @Test
  void accountsListFirstLevelAndSubAccountsParentsFirst() {
    List<String> codes = unit.accounts().stream().map(Account::code).toList();
    assertThat(codes).hasSize(107).isSorted();
    assertThat(codes.subList(1, 6))
        .containsExactly("1002", "1002.01", "1002.01.03", "1002.02", "1011");
    assertThat(unit.subAccounts())
        .extracting(Account::code)
        .containsExactly("1002.01", "1002.01.03", "1002.02", "7201.01");
  }

  @Test
  void addingASubAccountLeavesTheOriginalChartAsItWas() {
    UnitChart more = unit.withSubAccount("1002.03", "农业银行");
    assertThat(more.find("1002.03")).isPresent();
    assertThat(unit.find("1002.03")).isEmpty();
    assertThat(more).isNotEqualTo(unit);
  }

  @Test
  void loadsStoredSubAccountsInAnyOrder() {
    UnitChart loaded =
        UnitChart.of(
            ChartOfAccounts.standard(),
            Map.of(
                "1002.01.03", "工商银行基本户—定期",
                "7201.01", "事业支出—财政拨款支出",
                "1002.02", "建设银行专户",
                "1002.01", "工商银行基本户"));
    assertThat(loaded).isEqualTo(unit).hasSameHashCodeAs(unit);
  }

  @Test
  void trimsTheName() {
    assertThat(standard.withSubAccount("1001.01", "  备用金  ").find("1001.01").orElseThrow().nameZh())
        .isEqualTo("备用金");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1002.1", "1002.001", "1002.00", "1002.01.02.03.04", "1002-01", "x"})
  void refusesMalformedSubAccountCodes(String code) {
    assertThatThrownBy(() -> unit.withSubAccount(code, "名称"))
        .isInstanceOfSatisfying(
            InvalidAccountException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(AccountingProblem.INVALID_ACCOUNT);
              assertThat(e.field()).isEqualTo("code");
              assertThat(e.properties()).containsEntry("account", code);
            })
        .hasMessageContaining("dddd.dd");
  }

  @Test
  void refusesAFirstLevelCode() {
    assertThatThrownBy(() -> unit.withSubAccount("1003", "新科目"))
        .isInstanceOf(InvalidAccountException.class)
        .hasMessageContaining("first-level accounts are the standard chart's");
  }

  @Test
  void refusesASubAccountWhoseParentIsMissing() {
    assertThatThrownBy(() -> unit.withSubAccount("1002.03.01", "无上级"))
        .isInstanceOfSatisfying(
            InvalidAccountException.class,
            e ->
                assertThat(e.properties().get("errors"))
                    .isEqualTo(
                        List.of(
                            FieldError.of(
                                "code", "its parent 1002.03 is not in the unit's chart"))));
    assertThatThrownBy(() -> unit.withSubAccount("1012.01", "没有一级科目"))
        .isInstanceOf(InvalidAccountException.class)
        .hasMessageContaining("its parent 1012");
  }

  @Test
  void refusesADuplicateCode() {
    assertThatThrownBy(() -> unit.withSubAccount("1002.01", "另一个"))
        .isInstanceOfSatisfying(
            AccountExistsException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(AccountingProblem.ACCOUNT_EXISTS);
              assertThat(e.account()).isEqualTo("1002.01");
              assertThat(e.properties()).containsEntry("account", "1002.01");
            })
        .hasMessageContaining("工商银行基本户");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void refusesABlankName(String name) {
    assertThatThrownBy(() -> unit.withSubAccount("1002.03", name))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.kind()).isEqualTo(CommonProblem.INVALID_REQUEST));
    assertThatThrownBy(() -> unit.withSubAccount("1002.03", null))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void problemMembersAreNeverStandardOnes() {
    assertThatThrownBy(() -> unit.withSubAccount("1002.01", "x"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.properties()).doesNotContainKeys("status", "type", "title", "detail"));
  }
}
