package org.govchain.ssc.cards.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.govchain.anchor.web.validation.PlainText;

/**
 * The JSON bodies the card API takes. None of them is ever logged or echoed in a problem. Their
 * text is plain (anchor-web's {@link PlainText}; reasons may run over several lines).
 */
final class CardRequests {

  private CardRequests() {}

  /** A new card for a person (issued SEALED). */
  record Issue(
      @Schema(description = "holder's name as on the ID card", example = "张三丰")
          @NotBlank
          @Size(max = 50)
          @PlainText
          String name,
      @Schema(description = "社会保障号码: the 18-character citizen ID (GB 11643)")
          @NotBlank
          @Size(max = 32)
          @PlainText
          String idNumber,
      @Schema(description = "issuing region, six digits (GB/T 2260)", example = "360502")
          @NotBlank
          @Size(max = 6)
          @PlainText
          String issuingRegion,
      @Schema(description = "mobile phone, 11 digits (optional)") @Size(max = 20) @PlainText
          String phone,
      @Schema(description = "linked bank (optional, with bankAccount)") @Size(max = 100) @PlainText
          String bankName,
      @Schema(description = "linked bank account number, 12-19 digits (optional)")
          @Size(max = 40)
          @PlainText
          String bankAccount) {

    /** Never prints personal data. */
    @Override
    public String toString() {
      return "Issue[issuingRegion=" + issuingRegion + "]";
    }
  }

  /** A reason for the record (lock, unlock, cancellation, clear reads, loss reports). */
  record Reason(@Size(max = 500) @PlainText(multiline = true) String reason) {}

  /** An exchange (换卡) and its kind. */
  record Exchange(
      @Schema(description = "ORDINARY or WARRANTY") @NotNull ExchangeKind kind,
      @Size(max = 500) @PlainText(multiline = true) String reason) {}

  /** 换卡 kinds. */
  enum ExchangeKind {
    ORDINARY,
    WARRANTY
  }

  /** The activation code the clerk handed over. */
  record Activation(@NotBlank @Size(max = 32) @PlainText String activationCode) {

    @Override
    public String toString() {
      return "Activation[***]";
    }
  }

  /** A look-up by ID number: in the body, so that it stays out of URLs and access logs. */
  record Search(@NotBlank @Size(max = 32) @PlainText String idNumber) {

    @Override
    public String toString() {
      return "Search[***]";
    }
  }
}
