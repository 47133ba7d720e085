package org.govchain.accounting.vouchers.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.govchain.accounting.chart.Side;
import org.govchain.accounting.vouchers.AttachmentKind;
import org.govchain.accounting.vouchers.CounterpartyKind;
import org.govchain.anchor.web.validation.PlainText;

/**
 * The bodies of the voucher API's requests; their text is plain (anchor-web's {@link PlainText}),
 * their dates within anchor-web's {@code TimeRules} once parsed.
 */
final class VoucherRequests {

  private VoucherRequests() {}

  /**
   * A voucher as the preparer writes it.
   *
   * @param period {@code yyyy-MM}
   * @param date the voucher's date, inside the period
   * @param summary 摘要
   * @param counterparty who was paid or paid, if anyone
   * @param lines debit and credit lines; amounts as decimal strings with two places
   * @param attachments the supporting documents
   */
  record Prepare(
      @NotBlank @Size(max = 16) @PlainText String period,
      @NotBlank @Size(max = 32) @PlainText String date,
      @NotBlank @Size(max = 200) @PlainText String summary,
      @Valid CounterpartyRequest counterparty,
      @NotNull @Size(min = 2, max = 200) List<@Valid @NotNull LineRequest> lines,
      @Size(max = 100) List<@Valid @NotNull AttachmentRequest> attachments) {}

  /**
   * @param account a leaf account of the unit's chart, e.g. {@code 1002.01}
   * @param side {@code DEBIT} or {@code CREDIT}
   * @param amount e.g. {@code "1000.00"}
   * @param memo the line's own note, if any
   */
  record LineRequest(
      @NotBlank @Size(max = 32) @PlainText String account,
      @NotNull Side side,
      @NotBlank @Size(max = 32) @PlainText String amount,
      @Size(max = 200) @PlainText String memo) {}

  /**
   * @param kind the document's kind
   * @param invoiceCode a legacy invoice's 10- or 12-digit code; empty for a 数电 invoice
   * @param invoiceNumber an invoice's number: 20 digits (数电) or 8 digits with a code
   * @param sha256 the file's SHA-256, 64 hex digits
   */
  record AttachmentRequest(
      @NotNull AttachmentKind kind,
      @Size(max = 32) @PlainText String invoiceCode,
      @Size(max = 32) @PlainText String invoiceNumber,
      @NotBlank @Size(max = 64) @PlainText String sha256) {}

  /**
   * @param kind {@code ORGANIZATION} or {@code INDIVIDUAL}
   * @param code an organisation's unified social credit code, or an individual's payee reference in
   *     the unit (letters, digits, '-', at most 32; never an ID number)
   * @param name an organisation's name; none for an individual
   */
  record CounterpartyRequest(
      @NotNull CounterpartyKind kind,
      @NotBlank @Size(max = 32) @PlainText String code,
      @Size(max = 200) @PlainText String name) {}

  /**
   * A red reversal of a posted voucher.
   *
   * @param date the reversal's date (its period is the date's month); today when empty
   */
  record Reverse(@Size(max = 32) @PlainText String date) {}
}
