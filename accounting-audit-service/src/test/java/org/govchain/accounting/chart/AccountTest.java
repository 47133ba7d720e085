package org.govchain.accounting.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountTest {

  private final Account bank =
      Account.firstLevel("1002", "银行存款", "Bank deposits", Element.ASSET, Side.DEBIT, false, false);

  @Test
  void firstLevelAccountTakesItsLedgerFromItsElement() {
    assertThat(bank.ledger()).isEqualTo(Ledger.FINANCIAL);
    assertThat(bank.parentCode()).isNull();
    assertThat(bank.isFirstLevel()).isTrue();
  }

  @Test
  void subAccountMustLieOneLevelBelow() {
    assertThat(bank.subAccount("1002.01", "基本户").parentCode()).isEqualTo("1002");
    assertThatThrownBy(() -> bank.subAccount("1002.01.01", "太深"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot have parent 1002");
    assertThatThrownBy(() -> bank.subAccount("1001.01", "别的科目"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnElementKeptInTheOtherLedger() {
    assertThatThrownBy(
            () ->
                new Account(
                    "6001",
                    "收入",
                    null,
                    Element.BUDGET_REVENUE,
                    Ledger.FINANCIAL,
                    Side.CREDIT,
                    false,
                    true,
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kept in BUDGET");
  }

  @Test
  void refusesACodeOfAnotherElement() {
    assertThatThrownBy(
            () -> Account.firstLevel("2001", "借款", null, Element.ASSET, Side.DEBIT, false, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("codes start with 1");
  }

  @Test
  void refusesABlankName() {
    assertThatThrownBy(() -> bank.subAccount("1002.01", " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sideOppositeIsTheOtherSide() {
    assertThat(Side.DEBIT.opposite()).isEqualTo(Side.CREDIT);
    assertThat(Side.CREDIT.opposite()).isEqualTo(Side.DEBIT);
  }
}
