package org.govchain.ssc.cards.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.govchain.ssc.cards.CardStatus;

/** A card as the API shows it: personal data masked, the status with its code and name. */
record CardView(
    UUID id,
    String cardNumber,
    String identificationCode,
    String specVersion,
    String issuingRegion,
    String status,
    int statusCode,
    String statusLabel,
    boolean usable,
    LocalDate issueDate,
    LocalDate expiryDate,
    Holder holder,
    Bank bank,
    boolean activated,
    UUID replaces,
    UUID replacedBy,
    long version,
    Instant updatedAt) {

  /** The holder, masked: ID first 6 + last 4, name 张*丰, phone 138****5678. */
  record Holder(String name, String idNumber, String phone) {}

  /** The linked bank, the account masked to its last 4 digits. */
  record Bank(String name, String account) {}

  static CardView of(Card card, Holder holder, Bank bank) {
    CardStatus status = card.status();
    return new CardView(
        card.id(),
        card.cardNumber(),
        card.identificationCode(),
        card.specVersion(),
        card.issuingRegion(),
        status.name(),
        status.code(),
        status.label(),
        status.usable() && !card.replaced(),
        card.issueDate(),
        card.expiryDate(),
        holder,
        bank,
        card.holderSubject() != null,
        card.replaces(),
        card.replacedBy(),
        card.version(),
        card.updatedAt());
  }
}
