package org.govchain.accounting.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.govchain.accounting.chart.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VoucherLineTest {

  @ParameterizedTest
  @CsvSource({
    "100, 100.00",
    "1.5, 1.50",
    "1.500, 1.50",
    "0.01, 0.01",
    "-3, -3.00",
    "1E+3, 1000.00"
  })
  void amountsAreExtendedToTwoDecimals(String given, String stored) {
    BigDecimal amount = VoucherLine.debit("1001", given).amount();
    assertThat(amount.scale()).isEqualTo(2);
    assertThat(amount.toPlainString()).isEqualTo(stored);
  }

  @Test
  void anAmountWithMoreDecimalsIsKeptForTheRulesToRefuse() {
    assertThat(VoucherLine.debit("1001", "1.005").amount().scale()).isEqualTo(3);
  }

  @Test
  void linesOfEqualAmountsAreEqualWhateverTheScaleGiven() {
    assertThat(VoucherLine.debit("1001", "5")).isEqualTo(VoucherLine.debit("1001", "5.00"));
  }

  @Test
  void netDebitIsTheAmountForADebitAndItsNegationForACredit() {
    assertThat(VoucherLine.debit("1001", "5").netDebit()).isEqualByComparingTo("5");
    assertThat(VoucherLine.credit("1001", "5").netDebit()).isEqualByComparingTo("-5");
    assertThat(VoucherLine.credit("1001", "-5").netDebit()).isEqualByComparingTo("5");
  }

  @Test
  void negatedKeepsAccountSideAndMemo() {
    VoucherLine line = new VoucherLine("2201", Side.DEBIT, new BigDecimal("8.10"), "工资");
    assertThat(line.negated())
        .isEqualTo(new VoucherLine("2201", Side.DEBIT, new BigDecimal("-8.10"), "工资"));
    assertThat(line.withMemo(null).memo()).isNull();
  }

  @Test
  void refusesMissingParts() {
    assertThatThrownBy(() -> new VoucherLine(null, Side.DEBIT, BigDecimal.ONE, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new VoucherLine("1001", null, BigDecimal.ONE, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new VoucherLine("1001", Side.DEBIT, null, null))
        .isInstanceOf(NullPointerException.class);
  }
}
