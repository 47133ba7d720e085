package org.govchain.accounting.redflags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.govchain.accounting.redflags.VoucherFixture.credit;
import static org.govchain.accounting.redflags.VoucherFixture.debit;
import static org.govchain.accounting.redflags.VoucherFixture.newSha256;
import static org.govchain.accounting.redflags.VoucherFixture.payment;
import static org.govchain.accounting.redflags.VoucherFixture.voucher;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.govchain.accounting.redflags.VoucherFacts.Attachment;
import org.govchain.accounting.redflags.VoucherFacts.Counterparty;
import org.govchain.accounting.redflags.VoucherFacts.Line;
import org.govchain.accounting.vouchers.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VoucherFactsTest {

  @ParameterizedTest
  @CsvSource({
    "1001, 1500.00, 1500.00",
    "1001.01, 1500.00, 1500.00",
    "1002, 1500.00, 0.00",
    "1002.01.03, 1500.00, 0.00",
    "1011, 1500.00, 0.00",
    "1021, 1500.00, 0.00"
  })
  void paysFromEveryMonetaryAccountAndCountsCashOnHandApart(
      String account, BigDecimal cashPaid, BigDecimal cashOnHandPaid) {
    VoucherFacts voucher = payment(account, "1500.00").build();

    assertThat(voucher.cashPaid()).isEqualTo(cashPaid);
    assertThat(voucher.cashOnHandPaid()).isEqualTo(cashOnHandPaid);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1101", "1201", "1218", "2307", "1010", "1003"})
  void otherAccountsAreNoCash(String account) {
    assertThat(payment(account, "1500.00").build().cashPaid()).isEqualTo("0.00");
  }

  @Test
  void netsCreditsAgainstDebitsOnTheCashAccounts() {
    VoucherFacts voucher =
        voucher()
            .lines(
                debit("5001", "1000.00"),
                credit("1001", "300.00"),
                credit("1011", "900.00"),
                debit("1002", "200.00"))
            .build();

    assertThat(voucher.cashPaid()).isEqualTo("1000.00");
    assertThat(voucher.cashOnHandPaid()).isEqualTo("300.00");
  }

  @Test
  void aTransferBetweenCashAccountsPaysNothing() {
    VoucherFacts withdrawal =
        voucher().lines(debit("1001", "5000.00"), credit("1002", "5000.00")).build();

    assertThat(withdrawal.cashPaid()).isEqualTo("0.00");
    assertThat(withdrawal.cashOnHandPaid()).isEqualTo("0.00");
  }

  @Test
  void aReceiptOrARedReversalPaysNothing() {
    VoucherFacts receipt =
        voucher().lines(debit("1002", "800.00"), credit("4001", "800.00")).build();
    VoucherFacts reversal =
        payment("1001", "-800.00").reversing(Period.of(2025, 2), 7, false).build();

    assertThat(receipt.cashPaid()).isEqualTo("0.00");
    assertThat(reversal.cashPaid()).isEqualTo("0.00");
    assertThat(reversal.cashOnHandPaid()).isEqualTo("0.00");
    assertThat(reversal.isReversal()).isTrue();
  }

  @Test
  void keepsAmountsInFen() {
    Line line = new Line("5001", true, new BigDecimal("5"));

    assertThat(line.amount()).isEqualTo("5.00");
    assertThat(new Line("5001", true, new BigDecimal("5.100")).amount()).isEqualTo("5.10");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Line("5001", true, new BigDecimal("1.005")))
        .withMessage("the amount on 5001 has more than two decimal places: 1.005");
  }

  @ParameterizedTest
  @CsvSource({
    "1002, 1002, true",
    "1002.01, 1002, true",
    "500101, 5001, true",
    "7201.01, 7201, false",
    "8001, 8001, false",
    "6001, 6001, false",
    "3301, 3301, true",
    "2307, 2307, true"
  })
  void readsTheFirstLevelCodeAndTheLedger(String account, String firstLevel, boolean financial) {
    Line line = new Line(account, false, BigDecimal.ONE);

    assertThat(line.firstLevel()).isEqualTo(firstLevel);
    assertThat(line.isFinancial()).isEqualTo(financial);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "100", "10a2", "cash", " 1002", "０１２３"})
  void refusesAnAccountWithoutAFirstLevelCode(String account) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Line(account, true, BigDecimal.ONE))
        .withMessage("account must start with a four-digit first-level code, is " + account);
  }

  @Test
  void refusesADateOutsideItsPeriod() {
    VoucherFixture fixture = voucher().dated(LocalDate.of(2025, 3, 31));
    VoucherFacts march = fixture.build();

    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new VoucherFacts(
                    march.id(),
                    march.unitCreditCode(),
                    Period.of(2025, 4),
                    1,
                    march.date(),
                    march.kind(),
                    march.preparer(),
                    march.reviewer(),
                    march.lines(),
                    null,
                    march.attachments(),
                    false,
                    null,
                    null))
        .withMessageEndingWith("is dated 2025-03-31, outside its period 2025-04");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ordinary", "RED", "", "ADJUSTMENT"})
  void refusesAnUnknownKind(String kind) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> voucher().kind(kind).build())
        .withMessage("voucher kind must be ORDINARY, REVERSAL or CLOSING, is " + kind);
  }

  @Test
  void onlyAReversalHasAnOriginal() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                voucher()
                    .reversing(Period.of(2025, 1), 3, true)
                    .kind(VoucherFacts.ORDINARY)
                    .build())
        .withMessageStartingWith("only a REVERSAL has an original");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> voucher().reversing(null, null, true).kind(VoucherFacts.CLOSING).build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> voucher().reversing(null, 3, false).build())
        .withMessageStartingWith("the original's number without its period");
  }

  @Test
  void needsAPreparerButNotAReviewer() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> voucher().preparedBy(" ").build())
        .withMessage("preparer is blank");
    assertThatNullPointerException().isThrownBy(() -> voucher().preparedBy(null).build());
    assertThat(voucher().reviewedBy(null).build().reviewer()).isNull();
  }

  @Test
  void refusesAnUnknownCounterpartyKind() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Counterparty("PERSON", "x"))
        .withMessage("counterparty kind must be ORGANIZATION or INDIVIDUAL, is PERSON");
    assertThatIllegalArgumentException().isThrownBy(() -> new Counterparty("INDIVIDUAL", " "));
  }

  @Test
  void writesAttachmentKindsAndHashesOneWay() {
    String sha256 = newSha256();
    Attachment attachment = new Attachment(" bank_slip ", null, sha256.toUpperCase(Locale.ROOT));

    assertThat(attachment.kind()).isEqualTo("BANK_SLIP");
    assertThat(attachment.sha256()).isEqualTo(sha256);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "g000000000000000000000000000000000000000000000000000000000000000",
        "00000000000000000000000000000000000000000000000000000000000000000"
      })
  void refusesAHashThatIsNotSha256(String sha256) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Attachment("RECEIPT", null, sha256))
        .withMessage("a SHA-256 is 64 hex digits, is \"" + sha256 + "\"");
  }

  @Test
  void refusesABlankInvoiceKey() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Attachment("INVOICE", " ", newSha256()))
        .withMessage("invoiceKey is blank; null when there is none");
  }

  @Test
  void keepsItsOwnCopiesOfLinesAndAttachments() {
    java.util.List<Line> lines =
        new java.util.ArrayList<>(java.util.List.of(debit("5001", "1.00")));
    VoucherFacts voucher =
        new VoucherFacts(
            java.util.UUID.randomUUID(),
            "12100000400012345X",
            Period.of(2025, 3),
            1,
            LocalDate.of(2025, 3, 3),
            VoucherFacts.ORDINARY,
            "a",
            "b",
            lines,
            null,
            java.util.List.of(),
            false,
            null,
            null);

    lines.clear();

    assertThat(voucher.lines()).hasSize(1);
  }
}
