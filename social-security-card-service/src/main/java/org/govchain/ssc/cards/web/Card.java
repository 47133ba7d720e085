package org.govchain.ssc.cards.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.govchain.ssc.cards.CardStatus;

/**
 * A card as stored: its personal data only encrypted ({@code *Enc}, PersonalDataCipher with the
 * card id and field as context) and the ID number also as a keyed hash. {@code toString} shows no
 * personal data, encrypted or not.
 */
record Card(
    UUID id,
    String cardNumber,
    String identificationCode,
    String specVersion,
    String issuingRegion,
    CardStatus status,
    LocalDate issueDate,
    LocalDate expiryDate,
    byte[] idNumberHash,
    byte[] idNumberEnc,
    byte[] nameEnc,
    byte[] phoneEnc,
    String bankName,
    byte[] bankAccountEnc,
    String holderSubject,
    UUID replaces,
    UUID replacedBy,
    String statusReason,
    Instant statusChangedAt,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** Fields of personal data, each encrypted with its own context. */
  enum Field {
    ID_NUMBER("id-number"),
    NAME("name"),
    PHONE("phone"),
    BANK_ACCOUNT("bank-account");

    private final String label;

    Field(String label) {
      this.label = label;
    }

    /** The cipher's associated data: a value moved to another card or field does not decrypt. */
    String context(UUID cardId) {
      return "card:" + cardId + ":" + label;
    }
  }

  boolean replaced() {
    return replacedBy != null;
  }

  /** The card in another status, with the reason for it (same version: see {@link #next}). */
  Card withStatus(CardStatus next, String reason, Instant at) {
    return copy(
        next,
        holderSubject,
        replacedBy,
        reason,
        next == status ? statusChangedAt : at,
        version,
        updatedAt);
  }

  /** The card bound to a holder's account and/or linked to its successor (same version). */
  Card withLinks(String holder, UUID successor) {
    return copy(status, holder, successor, statusReason, statusChangedAt, version, updatedAt);
  }

  /** The card as written by its next event: one version on, changed at {@code at}. */
  Card next(Instant at) {
    return copy(status, holderSubject, replacedBy, statusReason, statusChangedAt, version + 1, at);
  }

  /** The card with its changeable columns (those CardRepository.update writes) replaced. */
  private Card copy(
      CardStatus newStatus,
      String holder,
      UUID successor,
      String reason,
      Instant changedAt,
      long newVersion,
      Instant newUpdatedAt) {
    return new Card(
        id,
        cardNumber,
        identificationCode,
        specVersion,
        issuingRegion,
        newStatus,
        issueDate,
        expiryDate,
        idNumberHash,
        idNumberEnc,
        nameEnc,
        phoneEnc,
        bankName,
        bankAccountEnc,
        holder,
        replaces,
        successor,
        reason,
        changedAt,
        newVersion,
        createdAt,
        newUpdatedAt);
  }

  @Override
  public String toString() {
    return "Card[" + id + " " + cardNumber + " " + status + " v" + version + "]";
  }
}
