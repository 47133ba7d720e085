package org.govchain.accounting.redflags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.govchain.accounting.redflags.VoucherFixture.CALENDAR;
import static org.govchain.accounting.redflags.VoucherFixture.newSha256;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.govchain.accounting.redflags.Context.PriorPayment;
import org.govchain.accounting.vouchers.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContextTest {

  private static final UUID SELF = UUID.randomUUID();
  private static final VoucherRef OTHER = new VoucherRef(UUID.randomUUID(), Period.of(2025, 2), 7);
  private static final VoucherRef ITSELF = new VoucherRef(SELF, Period.of(2025, 3), 12);

  @Test
  void leavesTheVoucherItselfOutOfItsLookUps() {
    String sha256 = newSha256();
    Context context =
        new Context(
            List.of(),
            Map.of("25112000000000012345", List.of(ITSELF, OTHER)),
            Map.of(sha256, List.of(OTHER, ITSELF)),
            CALENDAR);

    assertThat(context.otherVouchersWithInvoice("25112000000000012345", SELF))
        .containsExactly(OTHER);
    assertThat(context.otherVouchersWithAttachment(sha256, SELF)).containsExactly(OTHER);
    assertThat(context.otherVouchersWithInvoice("unknown", SELF)).isEmpty();
  }

  @Test
  void keepsFileHashesInLowerCase() {
    String sha256 = newSha256();
    Context context =
        new Context(
            List.of(), Map.of(), Map.of(sha256.toUpperCase(Locale.ROOT), List.of(OTHER)), CALENDAR);

    assertThat(context.sameAttachmentVouchers()).containsOnlyKeys(sha256);
  }

  @Test
  void refusesTheSameHashTwiceInDifferentCase() {
    String sha256 = newSha256();

    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Context(
                    List.of(),
                    Map.of(),
                    Map.of(sha256, List.of(OTHER), sha256.toUpperCase(Locale.ROOT), List.of(OTHER)),
                    CALENDAR))
        .withMessageContaining("twice");
  }

  @Test
  void anEmptyContextLooksUpNothing() {
    Context context = Context.of(CALENDAR);

    assertThat(context.recentPayments()).isEmpty();
    assertThat(context.sameInvoiceVouchers()).isEmpty();
    assertThat(context.sameAttachmentVouchers()).isEmpty();
    assertThat(context.calendar()).isSameAs(CALENDAR);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.00", "-5.00"})
  void anEarlierPaymentPaidSomething(String amount) {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new PriorPayment(
                    SELF, Period.of(2025, 3), 1, LocalDate.of(2025, 3, 3), new BigDecimal(amount)))
        .withMessageStartingWith("a payment is positive");
  }

  @Test
  void anEarlierPaymentIsAVoucherReference() {
    PriorPayment payment =
        new PriorPayment(
            SELF, Period.of(2025, 3), null, LocalDate.of(2025, 3, 3), new BigDecimal("7"));

    assertThat(payment.amount()).isEqualTo("7.00");
    assertThat(payment.voucher().label()).isEqualTo("2025-03 (unnumbered)");
    assertThat(ITSELF.label()).isEqualTo("2025-03 #12");
    assertThat(ITSELF.toNumbers())
        .containsExactly(
            Map.entry("voucherId", SELF.toString()),
            Map.entry("period", "2025-03"),
            Map.entry("number", 12));
  }
}
