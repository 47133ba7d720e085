package org.govchain.accounting.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.anchor.web.problem.ProblemException.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every number here is made up digit by digit. */
class InvoiceNumberTest {

  /** 2025-06-01 08:00 in Shanghai. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

  /** The 31 mainland provincial-level divisions. */
  static final List<String> MAINLAND =
      List.of(
          "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
          "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
          "65");

  /** A 数电 number of year {@code yy} in {@code region}: channel 2, a fixed sequence. */
  private static String digital(String yy, String region) {
    return yy + region + "2" + "000000123456789";
  }

  @Test
  void acceptsAFullyDigitalNumberWithoutCode() {
    InvoiceNumber invoice = InvoiceNumber.of(null, "25442000000123456789", CLOCK);

    assertThat(invoice.isFullyDigital()).isTrue();
    assertThat(invoice.code()).isEmpty();
    assertThat(invoice.number()).isEqualTo("25442000000123456789");
    assertThat(invoice.canonical()).isEqualTo("25442000000123456789");
    assertThat(invoice).hasToString("25442000000123456789");
  }

  @ParameterizedTest
  @MethodSource("mainlandRegions")
  void acceptsEveryMainlandProvincialTaxRegion(String region) {
    assertThat(InvoiceNumber.of("", digital("25", region), CLOCK).number())
        .startsWith("25" + region);
  }

  static List<String> mainlandRegions() {
    return MAINLAND;
  }

  @Test
  void theTaxRegionsAreTheThirtyOneMainlandDivisions() {
    assertThat(InvoiceNumber.TAX_REGIONS).containsExactlyElementsOf(MAINLAND);
  }

  @ParameterizedTest
  @ValueSource(strings = {"00", "10", "16", "20", "71", "81", "82", "99"})
  void refusesAnyOtherTaxRegion(String region) {
    assertThat(refusal(null, digital("25", region)).reason())
        .isEqualTo("digits 3-4 (" + region + ") are no provincial-level tax region code");
  }

  @ParameterizedTest
  @ValueSource(strings = {"21", "22", "24", "25"})
  void acceptsTheYearsFrom2021ToTheCurrentYear(String yy) {
    assertThat(InvoiceNumber.of(null, digital(yy, "31"), CLOCK).isFullyDigital()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"20, 2020", "00, 2000", "15, 2015"})
  void refusesAYearBefore2021(String yy, int year) {
    assertThat(refusal(null, digital(yy, "31")).reason())
        .isEqualTo(
            "digits 1-2 are the year of issue, " + year + ", before 2021 when 数电 invoices began");
  }

  @ParameterizedTest
  @CsvSource({"26, 2026", "99, 2099"})
  void refusesAYearAfterTheCurrentYear(String yy, int year) {
    assertThat(refusal(null, digital(yy, "31")).reason())
        .isEqualTo("digits 1-2 are the year of issue, " + year + ", after the current year 2025");
  }

  @Test
  void takesTheCurrentYearInShanghai() {
    Clock newYearInShanghai = Clock.fixed(Instant.parse("2025-12-31T16:30:00Z"), ZoneOffset.UTC);
    Clock newYearsEveInShanghai =
        Clock.fixed(Instant.parse("2025-12-31T15:59:00Z"), ZoneOffset.ofHours(9));

    assertThat(InvoiceNumber.of(null, digital("26", "44"), newYearInShanghai).number())
        .startsWith("26");
    assertThat(
            catchThrowableOfType(
                InvalidInvoiceNumberException.class,
                () -> InvoiceNumber.of(null, digital("26", "44"), newYearsEveInShanghai)))
        .isNotNull();
  }

  @ParameterizedTest
  @CsvSource({"4400191130, 12345678", "044031900111, 00000001", "144031900110, 99999999"})
  void acceptsALegacyCodeAndNumber(String code, String number) {
    InvoiceNumber invoice = InvoiceNumber.of(code, number, CLOCK);

    assertThat(invoice.isFullyDigital()).isFalse();
    assertThat(invoice.code()).contains(code);
    assertThat(invoice.number()).isEqualTo(number);
    assertThat(invoice.canonical()).isEqualTo(code + ":" + number);
  }

  @Test
  void ignoresSurroundingWhitespaceSoTheSameInvoiceIsFoundTwice() {
    InvoiceNumber typed = InvoiceNumber.of(" 044031900111\t", " 00000001 ", CLOCK);
    InvoiceNumber pasted = InvoiceNumber.of("044031900111", "00000001", CLOCK);

    assertThat(typed).isEqualTo(pasted).hasSameHashCodeAs(pasted);
    assertThat(typed.canonical()).isEqualTo("044031900111:00000001");
    assertThat(InvoiceNumber.of("  ", " 25442000000123456789 ", CLOCK))
        .isEqualTo(InvoiceNumber.of(null, "25442000000123456789", CLOCK));
  }

  @Test
  void aLegacyInvoiceIsNotTheSameAsAnotherCodesNumber() {
    assertThat(InvoiceNumber.of("4400191130", "12345678", CLOCK))
        .isNotEqualTo(InvoiceNumber.of("4400191131", "12345678", CLOCK));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t"})
  void refusesAMissingNumber(String number) {
    InvalidInvoiceNumberException e = refusal("4400191130", number);

    assertThat(e.field()).isEqualTo("invoiceNumber");
    assertThat(e.reason()).isEqualTo("is missing");
  }

  @Test
  void refusesAnEightDigitNumberWithoutItsCode() {
    InvalidInvoiceNumberException e = refusal(null, "12345678");

    assertThat(e.field()).isEqualTo("invoiceCode");
    assertThat(e.reason())
        .isEqualTo("is missing: an 8-digit invoice number needs its 10- or 12-digit invoice code");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1",
        "1234567",
        "123456789",
        "1234567890",
        "2544200000012345678",
        "254420000001234567890"
      })
  void refusesANumberWithoutCodeOfAnotherLength(String number) {
    InvalidInvoiceNumberException e = refusal(null, number);

    assertThat(e.field()).isEqualTo("invoiceNumber");
    assertThat(e.reason())
        .isEqualTo(
            "must be 20 digits (a 数电 invoice) or 8 digits with an invoice code, has "
                + number.length());
  }

  @Test
  void refusesACodeWithATwentyDigitNumber() {
    InvalidInvoiceNumberException e = refusal("4400191130", "25442000000123456789");

    assertThat(e.field()).isEqualTo("invoiceCode");
    assertThat(e.reason())
        .isEqualTo("must be empty: a 20-digit 数电 invoice number has no invoice code");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "440019113", "44001911301", "4400191130123"})
  void refusesACodeOfAnotherLength(String code) {
    InvalidInvoiceNumberException e = refusal(code, "12345678");

    assertThat(e.field()).isEqualTo("invoiceCode");
    assertThat(e.reason()).isEqualTo("must be 10 or 12 digits, has " + code.length());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1234567", "123456789", "1"})
  void refusesALegacyNumberThatIsNotEightDigits(String number) {
    InvalidInvoiceNumberException e = refusal("4400191130", number);

    assertThat(e.field()).isEqualTo("invoiceNumber");
    assertThat(e.reason())
        .isEqualTo("must be 8 digits with an invoice code, has " + number.length());
  }

  @ParameterizedTest
  @CsvSource({
    "1234567A, 8",
    "１2345678, 1",
    "1234-678, 5",
    "1234 678, 5",
    "2544200000012345678X, 20"
  })
  void refusesANumberWithAnythingButDigits(String number, int position) {
    InvalidInvoiceNumberException e = refusal("4400191130", number);

    assertThat(e.field()).isEqualTo("invoiceNumber");
    assertThat(e.reason()).isEqualTo("character " + position + " must be a digit (0-9)");
  }

  @ParameterizedTest
  @CsvSource({"440019113A, 10", "No.4400191130, 1", "4400 191130, 5"})
  void refusesACodeWithAnythingButDigits(String code, int position) {
    InvalidInvoiceNumberException e = refusal(code, "12345678");

    assertThat(e.field()).isEqualTo("invoiceCode");
    assertThat(e.reason()).isEqualTo("character " + position + " must be a digit (0-9)");
  }

  @Test
  void namesTheFieldsUnderThePathTheCallerGives() {
    InvalidInvoiceNumberException number =
        catchThrowableOfType(
            InvalidInvoiceNumberException.class,
            () -> InvoiceNumber.of(null, "123", "attachments[2]", CLOCK));
    InvalidInvoiceNumberException code =
        catchThrowableOfType(
            InvalidInvoiceNumberException.class,
            () -> InvoiceNumber.of("12", "12345678", "attachments[2]", CLOCK));

    assertThat(number.field()).isEqualTo("attachments[2].invoiceNumber");
    assertThat(code.field()).isEqualTo("attachments[2].invoiceCode");
    assertThat(InvoiceNumber.of(null, digital("25", "44"), "attachments[2]", CLOCK).number())
        .isEqualTo(digital("25", "44"));
  }

  @Test
  void isAnInvalidInvoiceNumberProblemWithFieldAndErrors() {
    InvalidInvoiceNumberException e =
        catchThrowableOfType(
            InvalidInvoiceNumberException.class,
            () -> InvoiceNumber.of("4400191130", "1234567", "attachments[0]", CLOCK));

    assertThat(e.kind()).isEqualTo(AccountingProblem.INVALID_INVOICE_NUMBER);
    assertThat(e.getMessage())
        .isEqualTo(
            "invalid invoice number in attachments[0].invoiceNumber:"
                + " must be 8 digits with an invoice code, has 7");
    assertThat(e.properties())
        .containsOnlyKeys("field", "errors")
        .containsEntry("field", "attachments[0].invoiceNumber")
        .extractingByKey("errors")
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .containsExactly(FieldError.of("attachments[0].invoiceNumber", e.reason()));
  }

  @Test
  void needsAClock() {
    assertThatNullPointerException()
        .isThrownBy(() -> InvoiceNumber.of(null, "25442000000123456789", null));
  }

  private static InvalidInvoiceNumberException refusal(String code, String number) {
    InvalidInvoiceNumberException e =
        catchThrowableOfType(
            InvalidInvoiceNumberException.class, () -> InvoiceNumber.of(code, number, CLOCK));
    assertThat(e).as("refusal of %s / %s", code, number).isNotNull();
    return e;
  }
}
