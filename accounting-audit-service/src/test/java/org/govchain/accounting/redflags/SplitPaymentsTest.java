package org.govchain.accounting.redflags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.accounting.redflags.RedFlagRule.SPLIT_PAYMENTS;
import static org.govchain.accounting.redflags.VoucherFixture.CALENDAR;
import static org.govchain.accounting.redflags.VoucherFixture.ORGANIZATION_CODE;
import static org.govchain.accounting.redflags.VoucherFixture.PAYEE_REFERENCE;
import static org.govchain.accounting.redflags.VoucherFixture.WORKING_DAY;
import static org.govchain.accounting.redflags.VoucherFixture.flag;
import static org.govchain.accounting.redflags.VoucherFixture.individual;
import static org.govchain.accounting.redflags.VoucherFixture.organization;
import static org.govchain.accounting.redflags.VoucherFixture.payment;
import static org.govchain.accounting.redflags.VoucherFixture.settings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govchain.accounting.redflags.Context.PriorPayment;
import org.govchain.accounting.vouchers.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SplitPaymentsTest {

  private static final UUID THIS_VOUCHER = UUID.fromString("00000000-0000-0000-0000-00000000000c");
  private static final UUID EARLIER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID EARLIER_STILL = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  @ParameterizedTest
  @CsvSource({
    "60000.00, 39999.99, false",
    "60000.00, 40000.00, false",
    "60000.00, 40000.01, true",
    "99999.99, 0.02, true",
    "0.01, 99999.99, false"
  })
  void tripsWhenTheSumGoesAboveTheThresholdNotWhenItReachesIt(
      String earlier, String paid, boolean trips) {
    assertThat(splitFlag(paid, prior(EARLIER, "2025-03-01", earlier)).isPresent()).isEqualTo(trips);
  }

  @ParameterizedTest
  @CsvSource({
    "2025-03-12, 0, true", // the same day
    "2025-02-10, 30, true", // the window's last day
    "2025-02-09, 31, false", // a day too early
    "2025-03-13, -1, false" // dated after the voucher: not an earlier payment
  })
  void looksBackThirtyDaysIncludingTheThirtieth(String date, int daysBefore, boolean trips) {
    assertThat(WORKING_DAY.minusDays(daysBefore)).isEqualTo(LocalDate.parse(date));

    assertThat(splitFlag("50000.00", prior(EARLIER, date, "50000.01")).isPresent())
        .isEqualTo(trips);
  }

  @Test
  void explainsThePaymentsTheirSumTheThresholdAndTheWindow() {
    Flag flag =
        splitFlag(
                "40000.01",
                prior(EARLIER, "2025-03-01", "30000.00"),
                prior(EARLIER_STILL, "2025-02-20", "30000.00"))
            .orElseThrow();

    assertThat(flag.explanation())
        .isEqualTo(
            "3 payments to the same organization within 30 days (2025-02-20 to 2025-03-12)"
                + " total 100,000.01, above the approval threshold 100,000.00, while each is below"
                + " it");
    assertThat(flag.numbers())
        .containsExactly(
            Map.entry(
                "payments",
                List.of(
                    paymentNumbers(EARLIER_STILL, "2025-02", 7, "2025-02-20", "30000.00"),
                    paymentNumbers(EARLIER, "2025-03", 7, "2025-03-01", "30000.00"),
                    paymentNumbers(THIS_VOUCHER, "2025-03", 12, "2025-03-12", "40000.01"))),
            Map.entry("sum", "100000.01"),
            Map.entry("threshold", "100000.00"),
            Map.entry("windowDays", 30),
            Map.entry("from", "2025-02-20"),
            Map.entry("to", "2025-03-12"),
            Map.entry("counterpartyKind", "ORGANIZATION"),
            Map.entry("counterpartyCode", ORGANIZATION_CODE));
    assertThat(flag.severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void callsAnIndividualTheSameIndividualPayeeAndNeverPrintsTheReference() {
    VoucherFacts voucher = payment("1002", "50000.00").id(THIS_VOUCHER).to(individual()).build();
    Context context = context(prior(EARLIER, "2025-03-01", "50000.01"));

    Flag flag = flag(SPLIT_PAYMENTS, voucher, context, RedFlagSettings.defaults()).orElseThrow();

    assertThat(flag.explanation()).contains("2 payments to the same individual payee");
    assertThat(flag.numbers()).containsEntry("counterpartyKind", "INDIVIDUAL");
    assertThat(flag.numbers()).doesNotContainKey("counterpartyCode");
    assertThat(flag.toString()).doesNotContain(PAYEE_REFERENCE);
  }

  @Test
  void aPaymentAtOrAboveTheThresholdIsApprovedAndCountsForNothing() {
    assertThat(splitFlag("50000.00", prior(EARLIER, "2025-03-01", "100000.00"))).isEmpty();
    assertThat(splitFlag("100000.00", prior(EARLIER, "2025-03-01", "0.01"))).isEmpty();
    assertThat(splitFlag("150000.00")).isEmpty();
  }

  @Test
  void aSinglePaymentBelowTheThresholdIsNoSplit() {
    assertThat(splitFlag("99999.99")).isEmpty();
  }

  @Test
  void tripsOnlyOnThePaymentThatCrossesNotOnTheNext() {
    PriorPayment first = prior(EARLIER_STILL, "2025-02-20", "60000.00");
    PriorPayment crossing = prior(EARLIER, "2025-03-01", "50000.00");

    assertThat(splitFlag("10000.00", first, crossing)).isEmpty();
  }

  @Test
  void earlierPaymentsExactlyAtTheThresholdHaveNotCrossedYet() {
    Optional<Flag> flag =
        splitFlag(
            "0.01",
            prior(EARLIER_STILL, "2025-02-20", "50000.00"),
            prior(EARLIER, "2025-03-01", "50000.00"));

    assertThat(flag).isPresent();
    assertThat(flag.orElseThrow().numbers()).containsEntry("sum", "100000.01");
  }

  @Test
  void ignoresTheVoucherItselfAmongTheLookedUpPayments() {
    // at period close the voucher is in the database and among its unit's payments
    assertThat(splitFlag("60000.00", prior(THIS_VOUCHER, "2025-03-12", "60000.00"))).isEmpty();
  }

  @Test
  void needsACounterparty() {
    VoucherFacts voucher = payment("1002", "60000.00").id(THIS_VOUCHER).build();
    Context context = context(prior(EARLIER, "2025-03-01", "60000.00"));

    assertThat(flag(SPLIT_PAYMENTS, voucher, context, RedFlagSettings.defaults())).isEmpty();
  }

  @Test
  void needsAPayment() {
    VoucherFacts receipt =
        VoucherFixture.voucher()
            .id(THIS_VOUCHER)
            .to(organization())
            .lines(
                VoucherFixture.debit("1002", "60000.00"), VoucherFixture.credit("4001", "60000.00"))
            .build();
    Context context = context(prior(EARLIER, "2025-03-01", "60000.00"));

    assertThat(flag(SPLIT_PAYMENTS, receipt, context, RedFlagSettings.defaults())).isEmpty();
  }

  @Test
  void followsAConfiguredThresholdAndWindow() {
    RedFlagSettings settings =
        settings("split-payment-threshold", "20000.00", "split-payment-window-days", "7");
    VoucherFacts voucher = payment("1002", "10000.00").id(THIS_VOUCHER).to(organization()).build();

    assertThat(
            flag(
                SPLIT_PAYMENTS,
                voucher,
                context(prior(EARLIER, "2025-03-05", "10000.01")),
                settings))
        .hasValueSatisfying(
            flag ->
                assertThat(flag.explanation())
                    .contains("within 7 days (2025-03-05 to 2025-03-12)")
                    .contains("threshold 20,000.00"));
    assertThat(
            flag(
                SPLIT_PAYMENTS,
                voucher,
                context(prior(EARLIER, "2025-03-04", "10000.01")),
                settings))
        .isEmpty();
  }

  @Test
  void aRedReversalOfSplitPaymentsDoesNotTrip() {
    VoucherFacts reversal =
        payment("1002", "-50000.00")
            .id(THIS_VOUCHER)
            .to(organization())
            .reversing(Period.of(2025, 3), 3, false)
            .build();
    Context context = context(prior(EARLIER, "2025-03-01", "60000.00"));

    assertThat(flag(SPLIT_PAYMENTS, reversal, context, RedFlagSettings.defaults())).isEmpty();
  }

  @Test
  void aReversalKindDoesNotTripEvenWithPositiveAmounts() {
    VoucherFacts reversal =
        payment("1002", "50000.00")
            .id(THIS_VOUCHER)
            .to(organization())
            .reversing(Period.of(2025, 3), 3, false)
            .build();
    Context context = context(prior(EARLIER, "2025-03-01", "60000.00"));

    assertThat(flag(SPLIT_PAYMENTS, reversal, context, RedFlagSettings.defaults())).isEmpty();
  }

  private static Optional<Flag> splitFlag(String paid, PriorPayment... earlier) {
    VoucherFacts voucher = payment("1002", paid).id(THIS_VOUCHER).to(organization()).build();
    return flag(SPLIT_PAYMENTS, voucher, context(earlier), RedFlagSettings.defaults());
  }

  private static Context context(PriorPayment... earlier) {
    return new Context(List.of(earlier), Map.of(), Map.of(), CALENDAR);
  }

  private static PriorPayment prior(UUID id, String date, String amount) {
    LocalDate day = LocalDate.parse(date);
    return new PriorPayment(id, Period.containing(day), 7, day, new BigDecimal(amount));
  }

  private static Map<String, Object> paymentNumbers(
      UUID id, String period, int number, String date, String amount) {
    return Map.of(
        "voucherId", id.toString(),
        "period", period,
        "number", number,
        "date", date,
        "amount", amount);
  }
}
