package org.govchain.accounting.redflags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.govchain.accounting.redflags.RedFlagRule.ROUND_AMOUNT;
import static org.govchain.accounting.redflags.VoucherFixture.CALENDAR;
import static org.govchain.accounting.redflags.VoucherFixture.credit;
import static org.govchain.accounting.redflags.VoucherFixture.debit;
import static org.govchain.accounting.redflags.VoucherFixture.flag;
import static org.govchain.accounting.redflags.VoucherFixture.payment;
import static org.govchain.accounting.redflags.VoucherFixture.settings;
import static org.govchain.accounting.redflags.VoucherFixture.voucher;

import java.util.List;
import java.util.Map;
import org.govchain.accounting.vouchers.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoundAmountTest {

  @ParameterizedTest
  @CsvSource({
    "50000.00, true",
    "49999.99, false",
    "50000.01, false",
    "60000.00, true",
    "65432.00, false",
    "65000.00, false",
    "40000.00, false",
    "1000000.00, true",
    "1230000.00, true"
  })
  void tripsOnMultiplesOfTheUnitAtOrAboveTheThreshold(String amount, boolean trips) {
    VoucherFacts voucher = voucher().lines(debit("1218", amount), credit("2307", amount)).build();

    assertThat(flag(ROUND_AMOUNT, voucher).isPresent()).isEqualTo(trips);
  }

  @Test
  void listsEveryRoundLineOfTheFinancialLedger() {
    Flag flag = flag(ROUND_AMOUNT, payment("1002.01", "60000.00").build()).orElseThrow();

    assertThat(flag.explanation())
        .isEqualTo(
            "round amounts of at least 50,000.00 in whole multiples of 10,000.00:"
                + " 60,000.00 debit 5001, 60,000.00 credit 1002.01");
    assertThat(flag.numbers())
        .containsExactly(
            entry(
                "lines",
                List.of(
                    Map.of("account", "5001", "side", "debit", "amount", "60000.00"),
                    Map.of("account", "1002.01", "side", "credit", "amount", "60000.00"))),
            entry("threshold", "50000.00"),
            entry("unit", "10000.00"));
    assertThat(flag.severity()).isEqualTo(Severity.LOW);
  }

  @ParameterizedTest
  @ValueSource(strings = {"6001", "7201", "8001.01"})
  void ignoresTheBudgetLedger(String account) {
    VoucherFacts voucher =
        voucher()
            .lines(
                debit("5001", "61234.56"),
                credit("1002", "61234.56"),
                debit(account, "60000.00"),
                credit("8101", "60000.00"))
            .build();

    assertThat(flag(ROUND_AMOUNT, voucher)).isEmpty();
  }

  @Test
  void judgesALineOnOneSideOnly() {
    VoucherFacts voucher =
        voucher()
            .lines(debit("1601", "70000.00"), credit("1002", "65000.00"), credit("2302", "5000.00"))
            .build();

    Flag flag = flag(ROUND_AMOUNT, voucher).orElseThrow();

    assertThat(flag.explanation()).endsWith(": 70,000.00 debit 1601");
  }

  @Test
  void followsAConfiguredThresholdAndUnit() {
    RedFlagSettings settings =
        settings("round-amount-threshold", "20000.00", "round-amount-unit", "5000.00");
    Context context = Context.of(CALENDAR);

    assertThat(flag(ROUND_AMOUNT, payment("1002", "25000.00").build(), context, settings))
        .isPresent();
    assertThat(flag(ROUND_AMOUNT, payment("1002", "15000.00").build(), context, settings))
        .isEmpty();
    assertThat(flag(ROUND_AMOUNT, payment("1002", "26000.00").build(), context, settings))
        .isEmpty();
  }

  @Test
  void aRedReversalOfARoundAmountDoesNotTripAgain() {
    VoucherFacts reversal =
        payment("1002", "-60000.00").reversing(Period.of(2025, 2), 7, false).build();

    assertThat(flag(ROUND_AMOUNT, reversal)).isEmpty();
  }

  @Test
  void aClosingEntryCarryingRoundBalancesDoesNotTrip() {
    VoucherFacts closing =
        voucher()
            .kind(VoucherFacts.CLOSING)
            .lines(debit("4001", "500000.00"), credit("3301", "500000.00"))
            .build();

    assertThat(flag(ROUND_AMOUNT, closing)).isEmpty();
  }
}
