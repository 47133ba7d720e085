package org.govchain.accounting.redflags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.govchain.accounting.redflags.RedFlagRule.CASH_PAYMENT_OVER_LIMIT;
import static org.govchain.accounting.redflags.VoucherFixture.CALENDAR;
import static org.govchain.accounting.redflags.VoucherFixture.credit;
import static org.govchain.accounting.redflags.VoucherFixture.debit;
import static org.govchain.accounting.redflags.VoucherFixture.flag;
import static org.govchain.accounting.redflags.VoucherFixture.payment;
import static org.govchain.accounting.redflags.VoucherFixture.settings;
import static org.govchain.accounting.redflags.VoucherFixture.voucher;

import org.govchain.accounting.vouchers.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CashPaymentOverLimitTest {

  @ParameterizedTest
  @CsvSource({
    "999.99, false",
    "1000.00, false",
    "1000.01, true",
    "1500.00, true",
    "250000.00, true"
  })
  void tripsOnlyStrictlyAboveTheSettlementThreshold(String paid, boolean trips) {
    assertThat(flag(CASH_PAYMENT_OVER_LIMIT, payment("1001", paid).build()).isPresent())
        .isEqualTo(trips);
  }

  @Test
  void explainsTheCashPaidAndTheThreshold() {
    Flag flag = flag(CASH_PAYMENT_OVER_LIMIT, payment("1001", "1500.00").build()).orElseThrow();

    assertThat(flag.explanation())
        .isEqualTo("cash on hand paid 1,500.00 exceeds the cash settlement threshold 1,000.00");
    assertThat(flag.numbers())
        .containsExactly(entry("cashOnHandPaid", "1500.00"), entry("threshold", "1000.00"));
    assertThat(flag.severity()).isEqualTo(Severity.MEDIUM);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1001.01", "100101", "1001.02.03"})
  void countsTheSubAccountsOfCashOnHand(String account) {
    assertThat(flag(CASH_PAYMENT_OVER_LIMIT, payment(account, "1000.01").build())).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1002", "1002.01", "1011", "1021"})
  void ignoresPaymentsFromOtherMonetaryAccounts(String account) {
    assertThat(flag(CASH_PAYMENT_OVER_LIMIT, payment(account, "80000.00").build())).isEmpty();
  }

  @Test
  void depositingCashAtTheBankPaysNobody() {
    VoucherFacts deposit =
        voucher().lines(debit("1002", "5000.00"), credit("1001", "5000.00")).build();

    assertThat(deposit.cashOnHandPaid()).isEqualByComparingTo("5000.00");
    assertThat(flag(CASH_PAYMENT_OVER_LIMIT, deposit)).isEmpty();
  }

  @Test
  void countsOnlyTheCashThatLeftTheMonetaryAccounts() {
    // 3,000.00 out of the till: 2,500.00 to the bank, 500.00 paid out
    VoucherFacts voucher =
        voucher()
            .lines(debit("1002", "2500.00"), debit("5001", "500.00"), credit("1001", "3000.00"))
            .build();

    assertThat(flag(CASH_PAYMENT_OVER_LIMIT, voucher)).isEmpty();
  }

  @Test
  void followsAConfiguredThreshold() {
    RedFlagSettings settings = settings("cash-settlement-threshold", "2000.00");
    Context context = Context.of(CALENDAR);

    assertThat(flag(CASH_PAYMENT_OVER_LIMIT, payment("1001", "2000.00").build(), context, settings))
        .isEmpty();
    Flag flag =
        flag(CASH_PAYMENT_OVER_LIMIT, payment("1001", "2000.01").build(), context, settings)
            .orElseThrow();
    assertThat(flag.explanation()).endsWith("threshold 2,000.00");
  }

  @Test
  void aRedReversalOfACashPaymentDoesNotTrip() {
    VoucherFacts reversal =
        payment("1001", "-1500.00").reversing(Period.of(2025, 2), 3, false).build();

    assertThat(flag(CASH_PAYMENT_OVER_LIMIT, reversal)).isEmpty();
  }

  @Test
  void aClosingEntryDoesNotTripEvenWithCashCredited() {
    VoucherFacts closing = payment("1001", "1500.00").kind(VoucherFacts.CLOSING).build();

    assertThat(flag(CASH_PAYMENT_OVER_LIMIT, closing)).isEmpty();
  }
}
