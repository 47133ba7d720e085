package org.govchain.accounting.redflags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.accounting.redflags.RedFlagRule.DUPLICATE_INVOICE;
import static org.govchain.accounting.redflags.VoucherFixture.CALENDAR;
import static org.govchain.accounting.redflags.VoucherFixture.attachment;
import static org.govchain.accounting.redflags.VoucherFixture.flag;
import static org.govchain.accounting.redflags.VoucherFixture.invoice;
import static org.govchain.accounting.redflags.VoucherFixture.payment;
import static org.govchain.accounting.redflags.VoucherFixture.voucher;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govchain.accounting.vouchers.Period;
import org.junit.jupiter.api.Test;

class DuplicateInvoiceTest {

  private static final String INVOICE = "25112000000000012345";
  private static final String OTHER_INVOICE = "044031900111:12345678";
  private static final UUID THIS_VOUCHER = UUID.fromString("00000000-0000-0000-0000-00000000000c");
  private static final VoucherRef FEBRUARY_7 =
      new VoucherRef(
          UUID.fromString("00000000-0000-0000-0000-000000000007"), Period.of(2025, 2), 7);
  private static final VoucherRef JANUARY_UNNUMBERED =
      new VoucherRef(
          UUID.fromString("00000000-0000-0000-0000-000000000001"), Period.of(2025, 1), null);

  @Test
  void tripsWhenAnotherVoucherCarriesTheSameInvoice() {
    Flag flag = duplicateFlag(Map.of(INVOICE, List.of(FEBRUARY_7)), invoice(INVOICE)).orElseThrow();

    assertThat(flag.explanation())
        .isEqualTo("invoice " + INVOICE + " is also on voucher 2025-02 #7");
    assertThat(flag.numbers())
        .containsExactly(
            Map.entry(
                "invoices",
                List.of(
                    Map.of(
                        "invoiceKey",
                        INVOICE,
                        "vouchers",
                        List.of(
                            Map.of(
                                "voucherId",
                                FEBRUARY_7.voucherId().toString(),
                                "period",
                                "2025-02",
                                "number",
                                7))))));
    assertThat(flag.severity()).isEqualTo(Severity.HIGH);
    assertThat(flag.voucherId()).isEqualTo(THIS_VOUCHER);
  }

  @Test
  void doesNotTripOnTheVoucherItself() {
    VoucherRef itself = new VoucherRef(THIS_VOUCHER, Period.of(2025, 3), 12);

    assertThat(duplicateFlag(Map.of(INVOICE, List.of(itself)), invoice(INVOICE))).isEmpty();
    assertThat(duplicateFlag(Map.of(INVOICE, List.of()), invoice(INVOICE))).isEmpty();
    assertThat(duplicateFlag(Map.of(), invoice(INVOICE))).isEmpty();
  }

  @Test
  void ignoresAttachmentsWithoutAnInvoiceNumber() {
    assertThat(duplicateFlag(Map.of(INVOICE, List.of(FEBRUARY_7)), attachment("RECEIPT")))
        .isEmpty();
  }

  @Test
  void listsEveryDuplicatedInvoiceInOneFlag() {
    Flag flag =
        duplicateFlag(
                Map.of(
                    INVOICE, List.of(FEBRUARY_7, JANUARY_UNNUMBERED),
                    OTHER_INVOICE, List.of(FEBRUARY_7)),
                invoice(INVOICE),
                invoice(OTHER_INVOICE),
                invoice(INVOICE))
            .orElseThrow();

    assertThat(flag.explanation())
        .isEqualTo(
            "invoice "
                + INVOICE
                + " is also on vouchers 2025-02 #7, 2025-01 (unnumbered); invoice "
                + OTHER_INVOICE
                + " is also on voucher 2025-02 #7");
    assertThat(flag.numbers().get("invoices")).asList().hasSize(2);
  }

  @Test
  void aRedReversalCarriesItsOriginalsInvoiceWithoutTripping() {
    VoucherFacts reversal =
        payment("1002", "-800.00")
            .id(THIS_VOUCHER)
            .attach(invoice(INVOICE))
            .reversing(Period.of(2025, 2), 7, false)
            .build();
    Context context =
        new Context(List.of(), Map.of(INVOICE, List.of(FEBRUARY_7)), Map.of(), CALENDAR);

    assertThat(flag(DUPLICATE_INVOICE, reversal, context, RedFlagSettings.defaults())).isEmpty();
  }

  private static Optional<Flag> duplicateFlag(
      Map<String, List<VoucherRef>> sameInvoice, VoucherFacts.Attachment... attachments) {
    VoucherFacts voucher = voucher().id(THIS_VOUCHER).attach(attachments).build();
    Context context = new Context(List.of(), sameInvoice, Map.of(), CALENDAR);
    return flag(DUPLICATE_INVOICE, voucher, context, RedFlagSettings.defaults());
  }
}
