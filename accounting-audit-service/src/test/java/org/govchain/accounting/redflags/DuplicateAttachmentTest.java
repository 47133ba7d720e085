package org.govchain.accounting.redflags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.accounting.redflags.RedFlagRule.DUPLICATE_ATTACHMENT;
import static org.govchain.accounting.redflags.VoucherFixture.CALENDAR;
import static org.govchain.accounting.redflags.VoucherFixture.flag;
import static org.govchain.accounting.redflags.VoucherFixture.newSha256;
import static org.govchain.accounting.redflags.VoucherFixture.payment;
import static org.govchain.accounting.redflags.VoucherFixture.voucher;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govchain.accounting.redflags.VoucherFacts.Attachment;
import org.govchain.accounting.vouchers.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DuplicateAttachmentTest {

  private static final UUID THIS_VOUCHER = UUID.fromString("00000000-0000-0000-0000-00000000000c");
  private static final VoucherRef FEBRUARY_7 =
      new VoucherRef(
          UUID.fromString("00000000-0000-0000-0000-000000000007"), Period.of(2025, 2), 7);

  @Test
  void tripsWhenAnotherVoucherCarriesTheSameFile() {
    String sha256 = newSha256();

    Flag flag =
        duplicateFlag(Map.of(sha256, List.of(FEBRUARY_7)), new Attachment("RECEIPT", null, sha256))
            .orElseThrow();

    assertThat(flag.explanation())
        .isEqualTo(
            "RECEIPT file sha256 " + sha256.substring(0, 12) + "… is also on voucher 2025-02 #7");
    assertThat(flag.numbers())
        .containsExactly(
            Map.entry(
                "attachments",
                List.of(
                    Map.of(
                        "sha256",
                        sha256,
                        "kind",
                        "RECEIPT",
                        "vouchers",
                        List.of(FEBRUARY_7.toNumbers())))));
    assertThat(flag.severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void matchesHashesWhateverTheirCase() {
    String sha256 = newSha256();
    String upper = sha256.toUpperCase(Locale.ROOT);

    assertThat(
            duplicateFlag(
                Map.of(upper, List.of(FEBRUARY_7)), new Attachment("RECEIPT", null, sha256)))
        .isPresent();
    assertThat(
            duplicateFlag(
                Map.of(sha256, List.of(FEBRUARY_7)), new Attachment("RECEIPT", null, upper)))
        .isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"INVOICE", "RECEIPT", "BANK_SLIP", "PAYROLL", "OTHER"})
  void checksEveryKindButContracts(String kind) {
    String sha256 = newSha256();

    assertThat(
            duplicateFlag(Map.of(sha256, List.of(FEBRUARY_7)), new Attachment(kind, null, sha256)))
        .isPresent();
  }

  @Test
  void aContractRightlyRecursOnEachInstalment() {
    String sha256 = newSha256();

    assertThat(
            duplicateFlag(
                Map.of(sha256, List.of(FEBRUARY_7)), new Attachment("CONTRACT", null, sha256)))
        .isEmpty();
  }

  @Test
  void doesNotTripOnTheVoucherItselfOrAnUnknownFile() {
    String sha256 = newSha256();
    VoucherRef itself = new VoucherRef(THIS_VOUCHER, Period.of(2025, 3), 12);

    assertThat(
            duplicateFlag(Map.of(sha256, List.of(itself)), new Attachment("RECEIPT", null, sha256)))
        .isEmpty();
    assertThat(
            duplicateFlag(
                Map.of(newSha256(), List.of(FEBRUARY_7)), new Attachment("RECEIPT", null, sha256)))
        .isEmpty();
  }

  @Test
  void listsTheSameFileAttachedTwiceOnce() {
    String sha256 = newSha256();
    Attachment receipt = new Attachment("RECEIPT", null, sha256);

    Flag flag = duplicateFlag(Map.of(sha256, List.of(FEBRUARY_7)), receipt, receipt).orElseThrow();

    assertThat(flag.numbers().get("attachments")).asList().hasSize(1);
  }

  @Test
  void aRedReversalCarriesItsOriginalsFilesWithoutTripping() {
    String sha256 = newSha256();
    VoucherFacts reversal =
        payment("1002", "-800.00")
            .id(THIS_VOUCHER)
            .attach(new Attachment("RECEIPT", null, sha256))
            .reversing(Period.of(2025, 2), 7, false)
            .build();
    Context context =
        new Context(List.of(), Map.of(), Map.of(sha256, List.of(FEBRUARY_7)), CALENDAR);

    assertThat(flag(DUPLICATE_ATTACHMENT, reversal, context, RedFlagSettings.defaults())).isEmpty();
  }

  private static Optional<Flag> duplicateFlag(
      Map<String, List<VoucherRef>> sameFile, Attachment... attachments) {
    VoucherFacts voucher = voucher().id(THIS_VOUCHER).attach(attachments).build();
    Context context = new Context(List.of(), Map.of(), sameFile, CALENDAR);
    return flag(DUPLICATE_ATTACHMENT, voucher, context, RedFlagSettings.defaults());
  }
}
