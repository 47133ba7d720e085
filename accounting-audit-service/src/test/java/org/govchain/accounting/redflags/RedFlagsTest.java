package org.govchain.accounting.redflags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.govchain.accounting.redflags.RedFlagRule.CASH_PAYMENT_OVER_LIMIT;
import static org.govchain.accounting.redflags.RedFlagRule.DUPLICATE_ATTACHMENT;
import static org.govchain.accounting.redflags.RedFlagRule.DUPLICATE_INVOICE;
import static org.govchain.accounting.redflags.RedFlagRule.INDIVIDUAL_PAYMENT_WITHOUT_SUPPORT;
import static org.govchain.accounting.redflags.RedFlagRule.NON_WORKING_DAY;
import static org.govchain.accounting.redflags.RedFlagRule.PREPARER_IS_REVIEWER;
import static org.govchain.accounting.redflags.RedFlagRule.REVERSAL_OF_CLOSED_PERIOD;
import static org.govchain.accounting.redflags.RedFlagRule.ROUND_AMOUNT;
import static org.govchain.accounting.redflags.RedFlagRule.SPLIT_PAYMENTS;
import static org.govchain.accounting.redflags.VoucherFixture.CALENDAR;
import static org.govchain.accounting.redflags.VoucherFixture.PAYEE_REFERENCE;
import static org.govchain.accounting.redflags.VoucherFixture.attachment;
import static org.govchain.accounting.redflags.VoucherFixture.individual;
import static org.govchain.accounting.redflags.VoucherFixture.invoice;
import static org.govchain.accounting.redflags.VoucherFixture.newSha256;
import static org.govchain.accounting.redflags.VoucherFixture.payment;
import static org.govchain.accounting.redflags.VoucherFixture.settings;
import static org.govchain.accounting.redflags.VoucherFixture.voucher;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.govchain.accounting.redflags.Context.PriorPayment;
import org.govchain.accounting.redflags.VoucherFacts.Attachment;
import org.govchain.accounting.vouchers.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedFlagsTest {

  private static final UUID THIS_VOUCHER = UUID.fromString("00000000-0000-0000-0000-00000000000c");
  private static final String INVOICE = "25112000000000012345";
  private static final String RECEIPT_SHA256 = newSha256();
  private static final VoucherRef OTHER =
      new VoucherRef(
          UUID.fromString("00000000-0000-0000-0000-000000000007"), Period.of(2025, 3), 7);
  private static final LocalDate SUNDAY = LocalDate.of(2025, 3, 16);

  /**
   * Everything but the support rule at once: 60,000.00 in cash on a Sunday to the same individual
   * as 50,000.00 a week earlier, an invoice and a receipt that are on another voucher too, prepared
   * and reviewed by one clerk.
   */
  private static VoucherFixture badPayment() {
    return payment("1001", "60000.00")
        .id(THIS_VOUCHER)
        .dated(SUNDAY)
        .to(individual())
        .preparedBy("zhang.wei")
        .reviewedBy("zhang.wei")
        .attach(invoice(INVOICE), new Attachment("RECEIPT", null, RECEIPT_SHA256));
  }

  private static Context badContext() {
    return new Context(
        List.of(
            new PriorPayment(
                UUID.randomUUID(),
                Period.of(2025, 3),
                3,
                SUNDAY.minusDays(7),
                new BigDecimal("50000.00"))),
        Map.of(INVOICE, List.of(OTHER)),
        Map.of(RECEIPT_SHA256, List.of(OTHER)),
        CALENDAR);
  }

  @Test
  void aCleanVoucherRaisesNoFlag() {
    assertThat(
            RedFlags.evaluate(voucher().build(), Context.of(CALENDAR), RedFlagSettings.defaults()))
        .isEmpty();
  }

  @Test
  void runsEveryRuleAndReportsInRuleOrderWithDefaultSeverities() {
    List<Flag> flags =
        RedFlags.evaluate(badPayment().build(), badContext(), RedFlagSettings.defaults());

    assertThat(flags)
        .extracting(Flag::rule)
        .containsExactly(
            CASH_PAYMENT_OVER_LIMIT,
            SPLIT_PAYMENTS,
            DUPLICATE_INVOICE,
            DUPLICATE_ATTACHMENT,
            PREPARER_IS_REVIEWER,
            NON_WORKING_DAY,
            ROUND_AMOUNT);
    assertThat(flags).allSatisfy(flag -> assertThat(flag.voucherId()).isEqualTo(THIS_VOUCHER));
    assertThat(flags)
        .allSatisfy(flag -> assertThat(flag.severity()).isEqualTo(flag.rule().defaultSeverity()));
  }

  @Test
  void anUnsupportedPaymentToAnIndividualJoinsTheOthers() {
    VoucherFacts voucher =
        payment("1001", "60000.00")
            .dated(SUNDAY)
            .to(individual())
            .attach(attachment("BANK_SLIP"))
            .build();

    assertThat(RedFlags.evaluate(voucher, Context.of(CALENDAR), RedFlagSettings.defaults()))
        .extracting(Flag::rule)
        .containsExactly(
            CASH_PAYMENT_OVER_LIMIT,
            INDIVIDUAL_PAYMENT_WITHOUT_SUPPORT,
            NON_WORKING_DAY,
            ROUND_AMOUNT);
  }

  @Test
  void skipsDisabledRules() {
    RedFlagSettings settings =
        settings("disabled[0]", "cash-payment-over-limit", "disabled[1]", "round-amount");

    assertThat(RedFlags.evaluate(badPayment().build(), badContext(), settings))
        .extracting(Flag::rule)
        .containsExactly(
            SPLIT_PAYMENTS,
            DUPLICATE_INVOICE,
            DUPLICATE_ATTACHMENT,
            PREPARER_IS_REVIEWER,
            NON_WORKING_DAY);
  }

  @Test
  void disablingEveryRuleRaisesNothing() {
    String[] all =
        Stream.of(RedFlagRule.values())
            .flatMap(rule -> Stream.of("disabled[" + rule.ordinal() + "]", rule.id()))
            .toArray(String[]::new);

    assertThat(RedFlags.evaluate(badPayment().build(), badContext(), settings(all))).isEmpty();
  }

  @Test
  void overridesSeverities() {
    RedFlagSettings settings =
        settings("severities.non-working-day", "HIGH", "severities.split-payments", "LOW");

    List<Flag> flags = RedFlags.evaluate(badPayment().build(), badContext(), settings);

    assertThat(flags)
        .filteredOn(flag -> flag.rule() == NON_WORKING_DAY)
        .singleElement()
        .extracting(Flag::severity)
        .isEqualTo(Severity.HIGH);
    assertThat(flags)
        .filteredOn(flag -> flag.rule() == SPLIT_PAYMENTS)
        .singleElement()
        .extracting(Flag::severity)
        .isEqualTo(Severity.LOW);
    assertThat(flags)
        .filteredOn(flag -> flag.rule() == CASH_PAYMENT_OVER_LIMIT)
        .singleElement()
        .extracting(Flag::severity)
        .isEqualTo(Severity.MEDIUM);
  }

  @Test
  void aRedReversalOfTheBadPaymentTripsNoPaymentRule() {
    VoucherFacts reversal =
        payment("1001", "-60000.00")
            .id(THIS_VOUCHER)
            .to(individual())
            .attach(invoice(INVOICE), new Attachment("RECEIPT", null, RECEIPT_SHA256))
            .reversing(Period.of(2025, 3), 3, false)
            .build();

    assertThat(RedFlags.evaluate(reversal, badContext(), RedFlagSettings.defaults())).isEmpty();
  }

  @Test
  void aReversalOnASundayOfAClosedPeriodTripsOnlyTheRulesForReversals() {
    VoucherFacts reversal =
        badPayment()
            .lines(
                VoucherFixture.debit("5001", "-60000.00"),
                VoucherFixture.credit("1001", "-60000.00"))
            .reversing(Period.of(2025, 1), 3, true)
            .build();

    assertThat(RedFlags.evaluate(reversal, badContext(), RedFlagSettings.defaults()))
        .extracting(Flag::rule)
        .containsExactly(PREPARER_IS_REVIEWER, NON_WORKING_DAY, REVERSAL_OF_CLOSED_PERIOD);
  }

  @Test
  void aClosingEntryTripsOnlyPreparerIsReviewer() {
    VoucherFacts closing = badPayment().kind(VoucherFacts.CLOSING).build();

    assertThat(RedFlags.evaluate(closing, badContext(), RedFlagSettings.defaults()))
        .extracting(Flag::rule)
        .containsExactly(PREPARER_IS_REVIEWER);
  }

  static Stream<VoucherFacts> vouchersToAnIndividual() {
    return Stream.of(
        badPayment().build(),
        payment("1002", "80000.00").to(individual()).build(),
        payment("1001", "1500.00").to(individual()).build(),
        payment("1002", "50000.00").id(THIS_VOUCHER).to(individual()).build());
  }

  @ParameterizedTest
  @MethodSource("vouchersToAnIndividual")
  void neverPrintsAnIndividualsPayeeReferenceOrTheClerksNames(VoucherFacts voucher) {
    List<Flag> flags = RedFlags.evaluate(voucher, badContext(), RedFlagSettings.defaults());

    assertThat(flags).isNotEmpty();
    assertThat(flags)
        .allSatisfy(
            flag -> {
              assertThat(flag.explanation())
                  .doesNotContain(PAYEE_REFERENCE)
                  .doesNotContain("zhang.wei");
              assertThat(flag.numbers().toString())
                  .doesNotContain(PAYEE_REFERENCE)
                  .doesNotContain("zhang.wei");
            });
  }

  @Test
  void theFlagsAndTheirNumbersCannotBeChanged() {
    List<Flag> flags =
        RedFlags.evaluate(badPayment().build(), badContext(), RedFlagSettings.defaults());

    assertThatThrownBy(flags::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> flags.get(0).numbers().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "two\nlines", "a\r\nb"})
  void aFlagExplainsItselfInOneLine(String explanation) {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new Flag(ROUND_AMOUNT, Severity.LOW, THIS_VOUCHER, explanation, Map.of()));
  }
}
