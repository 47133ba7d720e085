package org.govchain.accounting.vouchers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.govchain.anchor.web.region.RegionCode;

/**
 * The identifier of an invoice attached to a voucher, in one of its two forms, and the single
 * {@link #canonical()} string under which it may be attached only once.
 *
 * <ul>
 *   <li>A 数电发票 (fully digitalised e-invoice) number: 20 digits and no invoice code. Digits 1-2 are
 *       the year of issue (20yy, from {@value #FIRST_DIGITAL_YEAR}, when the first of these
 *       invoices were issued, to the current year); digits 3-4 the provincial-level tax region, one
 *       of {@link #TAX_REGIONS}; digit 5 the issuing channel; digits 6-20 a sequence. Channel and
 *       sequence are any digits.
 *   <li>A legacy invoice: an invoice code of 10 or 12 digits and an 8-digit invoice number. What
 *       the code's digits stand for changed over the years, so only its length is checked.
 * </ul>
 *
 * The tax regions of the five 计划单列市 (大连, 宁波, 厦门, 青岛, 深圳) are not accepted as codes of their own:
 * their two-digit 数电 codes are not known here with certainty.
 */
public final class InvoiceNumber {

  /** Field names of the two parts, relative to the JSON object that holds them. */
  public static final String CODE_FIELD = "invoiceCode";

  public static final String NUMBER_FIELD = "invoiceNumber";

  /** The first year 数电 invoices were issued (pilots from December 2021). */
  public static final int FIRST_DIGITAL_YEAR = 2021;

  /** Where the current year is taken when a 数电 number's year is checked. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /**
   * The tax region codes digits 3-4 of a 数电 number may hold: the 31 provincial-level divisions of
   * the mainland (GB/T 2260), where the invoices are issued; not 71, 81, 82.
   */
  public static final List<String> TAX_REGIONS =
      RegionCode.provinceCodes().stream()
          .filter(p -> !List.of("71", "81", "82").contains(p))
          .toList();

  private static final int DIGITAL_LENGTH = 20;
  private static final int LEGACY_NUMBER_LENGTH = 8;

  private final String code;
  private final String number;

  private InvoiceNumber(String code, String number) {
    this.code = code;
    this.number = number;
  }

  /** {@link #of(String, String, String, Clock)} for fields at the top level of the request. */
  public static InvoiceNumber of(String code, String number, Clock clock) {
    return of(code, number, "", clock);
  }

  /**
   * Reads an invoice identifier as typed, surrounding whitespace removed.
   *
   * @param code the invoice code; {@code null} or blank for a 数电 number
   * @param number the invoice number
   * @param path the JSON path of the object holding both, e.g. {@code attachments[2]}, so that a
   *     problem names {@code attachments[2].invoiceNumber}; empty for top-level fields
   * @param clock gives the current year (in {@link #ZONE}) for a 数电 number's year
   * @throws InvalidInvoiceNumberException naming the invoice code's or number's field
   */
  public static InvoiceNumber of(String code, String number, String path, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    String codeField = field(path, CODE_FIELD);
    String numberField = field(path, NUMBER_FIELD);
    String digits = number == null ? "" : number.strip();
    String codeDigits = code == null ? "" : code.strip();
    if (digits.isEmpty()) {
      throw new InvalidInvoiceNumberException(numberField, "is missing");
    }
    requireDigits(digits, numberField);
    if (codeDigits.isEmpty()) {
      return fullyDigital(digits, codeField, numberField, clock);
    }
    requireDigits(codeDigits, codeField);
    if (digits.length() == DIGITAL_LENGTH) {
      throw new InvalidInvoiceNumberException(
          codeField, "must be empty: a 20-digit 数电 invoice number has no invoice code");
    }
    if (codeDigits.length() != 10 && codeDigits.length() != 12) {
      throw new InvalidInvoiceNumberException(
          codeField, "must be 10 or 12 digits, has " + codeDigits.length());
    }
    if (digits.length() != LEGACY_NUMBER_LENGTH) {
      throw new InvalidInvoiceNumberException(
          numberField, "must be 8 digits with an invoice code, has " + digits.length());
    }
    return new InvoiceNumber(codeDigits, digits);
  }

  /** Whether it is a 20-digit 数电 number (no invoice code). */
  public boolean isFullyDigital() {
    return code == null;
  }

  /** The legacy invoice code; empty for a 数电 number. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /** The invoice number: 20 digits for a 数电 invoice, 8 for a legacy one. */
  public String number() {
    return number;
  }

  /**
   * The one string that identifies the invoice, for finding it attached to two vouchers: the 20
   * digits of a 数电 number, {@code code:number} for a legacy invoice.
   */
  public String canonical() {
    return code == null ? number : code + ":" + number;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InvoiceNumber that && canonical().equals(that.canonical());
  }

  @Override
  public int hashCode() {
    return canonical().hashCode();
  }

  @Override
  public String toString() {
    return canonical();
  }

  private static InvoiceNumber fullyDigital(
      String digits, String codeField, String numberField, Clock clock) {
    if (digits.length() == LEGACY_NUMBER_LENGTH) {
      throw new InvalidInvoiceNumberException(
          codeField,
          "is missing: an 8-digit invoice number needs its 10- or 12-digit invoice code");
    }
    if (digits.length() != DIGITAL_LENGTH) {
      throw new InvalidInvoiceNumberException(
          numberField,
          "must be 20 digits (a 数电 invoice) or 8 digits with an invoice code, has "
              + digits.length());
    }
    int year = 2000 + Integer.parseInt(digits.substring(0, 2));
    int currentYear = LocalDate.ofInstant(clock.instant(), ZONE).getYear();
    if (year < FIRST_DIGITAL_YEAR) {
      throw new InvalidInvoiceNumberException(
          numberField,
          "digits 1-2 are the year of issue, "
              + year
              + ", before "
              + FIRST_DIGITAL_YEAR
              + " when 数电 invoices began");
    }
    if (year > currentYear) {
      throw new InvalidInvoiceNumberException(
          numberField,
          "digits 1-2 are the year of issue, " + year + ", after the current year " + currentYear);
    }
    String region = digits.substring(2, 4);
    if (!TAX_REGIONS.contains(region)) {
      throw new InvalidInvoiceNumberException(
          numberField, "digits 3-4 (" + region + ") are no provincial-level tax region code");
    }
    return new InvoiceNumber(null, digits);
  }

  private static void requireDigits(String digits, String field) {
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidInvoiceNumberException(
            field, "character " + (i + 1) + " must be a digit (0-9)");
      }
    }
  }

  private static String field(String path, String name) {
    return path == null || path.isEmpty() ? name : path + "." + name;
  }
}
