package org.govchain.accounting.redflags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.govchain.accounting.redflags.RedFlagRule.INDIVIDUAL_PAYMENT_WITHOUT_SUPPORT;
import static org.govchain.accounting.redflags.VoucherFixture.CALENDAR;
import static org.govchain.accounting.redflags.VoucherFixture.PAYEE_REFERENCE;
import static org.govchain.accounting.redflags.VoucherFixture.attachment;
import static org.govchain.accounting.redflags.VoucherFixture.flag;
import static org.govchain.accounting.redflags.VoucherFixture.individual;
import static org.govchain.accounting.redflags.VoucherFixture.organization;
import static org.govchain.accounting.redflags.VoucherFixture.payment;
import static org.govchain.accounting.redflags.VoucherFixture.settings;

import java.util.List;
import org.govchain.accounting.vouchers.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IndividualPaymentWithoutSupportTest {

  @ParameterizedTest
  @CsvSource({"49999.99, false", "50000.00, false", "50000.01, true", "120000.00, true"})
  void tripsOnlyStrictlyAboveTheThreshold(String paid, boolean trips) {
    assertThat(
            flag(INDIVIDUAL_PAYMENT_WITHOUT_SUPPORT, payment("1002", paid).to(individual()).build())
                .isPresent())
        .isEqualTo(trips);
  }

  @Test
  void explainsTheAmountTheThresholdAndWhatIsMissingWithoutThePayee() {
    Flag flag =
        flag(
                INDIVIDUAL_PAYMENT_WITHOUT_SUPPORT,
                payment("1002", "50000.01").to(individual()).build())
            .orElseThrow();

    assertThat(flag.explanation())
        .isEqualTo(
            "paid 50,000.01 to an individual payee, above 50,000.00, with no invoice, receipt,"
                + " contract or payroll attached (no attachments)");
    assertThat(flag.numbers())
        .containsExactly(
            entry("paid", "50000.01"),
            entry("threshold", "50000.00"),
            entry("attachmentKinds", List.of()));
    assertThat(flag.toString()).doesNotContain(PAYEE_REFERENCE);
    assertThat(flag.severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void aBankSlipOrAnOtherDocumentIsNoSupport() {
    Flag flag =
        flag(
                INDIVIDUAL_PAYMENT_WITHOUT_SUPPORT,
                payment("1002", "80000.00")
                    .to(individual())
                    .attach(attachment("BANK_SLIP"), attachment("OTHER"), attachment("OTHER"))
                    .build())
            .orElseThrow();

    assertThat(flag.explanation()).endsWith("(3 other attachments)");
    assertThat(flag.numbers()).containsEntry("attachmentKinds", List.of("BANK_SLIP", "OTHER"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"INVOICE", "RECEIPT", "CONTRACT", "PAYROLL", "invoice", " Payroll "})
  void anInvoiceReceiptContractOrPayrollSupportsThePayment(String kind) {
    assertThat(
            flag(
                INDIVIDUAL_PAYMENT_WITHOUT_SUPPORT,
                payment("1002", "80000.00")
                    .to(individual())
                    .attach(attachment("BANK_SLIP"), attachment(kind))
                    .build()))
        .isEmpty();
  }

  @Test
  void paymentsToOrganizationsAreForOtherRules() {
    assertThat(
            flag(
                INDIVIDUAL_PAYMENT_WITHOUT_SUPPORT,
                payment("1002", "80000.00").to(organization()).build()))
        .isEmpty();
  }

  @Test
  void countsPaymentsFromEveryMonetaryAccount() {
    assertThat(
            flag(
                INDIVIDUAL_PAYMENT_WITHOUT_SUPPORT,
                payment("1011.02", "80000.00").to(individual()).build()))
        .isPresent();
    assertThat(
            flag(
                INDIVIDUAL_PAYMENT_WITHOUT_SUPPORT,
                payment("1001", "80000.00").to(individual()).build()))
        .isPresent();
  }

  @Test
  void followsAConfiguredThreshold() {
    RedFlagSettings settings = settings("individual-payment-threshold", "100000.00");

    assertThat(
            flag(
                INDIVIDUAL_PAYMENT_WITHOUT_SUPPORT,
                payment("1002", "80000.00").to(individual()).build(),
                Context.of(CALENDAR),
                settings))
        .isEmpty();
  }

  @Test
  void aRedReversalOfAnUnsupportedPaymentDoesNotTrip() {
    assertThat(
            flag(
                INDIVIDUAL_PAYMENT_WITHOUT_SUPPORT,
                payment("1002", "-80000.00")
                    .to(individual())
                    .reversing(Period.of(2025, 1), 4, true)
                    .build()))
        .isEmpty();
  }
}
