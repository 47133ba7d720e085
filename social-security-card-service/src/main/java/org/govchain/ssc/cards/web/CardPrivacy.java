package org.govchain.ssc.cards.web;

import java.util.UUID;
import org.govchain.ssc.privacy.KeyedHash;
import org.govchain.ssc.privacy.Masking;
import org.govchain.ssc.privacy.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * A card's personal data between the database and the API: encrypted per card and field, the ID
 * number's keyed hashes (one to find a card, another for log envelopes, so the two cannot be
 * matched), and the masked view. The only place that decrypts.
 */
@Component
class CardPrivacy {

  static final String SEARCH_ID_NUMBER = "search:id-number";
  static final String LOG_ID_NUMBER = "log:id-number";
  static final String LOG_HOLDER = "log:holder";
  static final String ACTIVATION = "activation:";

  private final PersonalDataCipher cipher;
  private final KeyedHash hashes;

  CardPrivacy(PersonalDataCipher cipher, KeyedHash hashes) {
    this.cipher = cipher;
    this.hashes = hashes;
  }

  /** The keyed hash a card is found by (and one card in force per person is enforced on). */
  byte[] searchHash(String idNumber) {
    return hashes.hash(SEARCH_ID_NUMBER, idNumber);
  }

  /** What a log envelope carries for the person: a keyed hash, never the number. */
  String personHash(String idNumber) {
    return hashes.hashHex(LOG_ID_NUMBER, idNumber);
  }

  /** How a citizen's account begins as logs and histories show it. */
  static final String HOLDER_PREFIX = "holder:";

  /** A citizen's account as logs show it: {@code holder:} and a keyed hash of the subject. */
  String holderRef(String subject) {
    return HOLDER_PREFIX + hashes.hashHex(LOG_HOLDER, subject).substring(0, 32);
  }

  /** The keyed hash of a card's activation code. */
  byte[] activationHash(UUID cardId, String code) {
    return hashes.hash(ACTIVATION + cardId, code);
  }

  byte[] encrypt(UUID cardId, Card.Field field, String value) {
    return value == null ? null : cipher.encrypt(value, field.context(cardId));
  }

  String decrypt(Card card, Card.Field field) {
    byte[] sealed =
        switch (field) {
          case ID_NUMBER -> card.idNumberEnc();
          case NAME -> card.nameEnc();
          case PHONE -> card.phoneEnc();
          case BANK_ACCOUNT -> card.bankAccountEnc();
        };
    return sealed == null ? null : cipher.decrypt(sealed, field.context(card.id()));
  }

  /** The card with its personal data masked. */
  CardView view(Card card) {
    return CardView.of(
        card,
        new CardView.Holder(
            Masking.name(decrypt(card, Card.Field.NAME)),
            Masking.idNumber(decrypt(card, Card.Field.ID_NUMBER)),
            Masking.phone(decrypt(card, Card.Field.PHONE))),
        card.bankName() == null && card.bankAccountEnc() == null
            ? null
            : new CardView.Bank(
                card.bankName(), Masking.bankAccount(decrypt(card, Card.Field.BANK_ACCOUNT))));
  }

  /** The card's personal data in clear, for the clear read that is itself logged. */
  ClearPersonalData clear(Card card) {
    return new ClearPersonalData(
        card.id(),
        decrypt(card, Card.Field.NAME),
        decrypt(card, Card.Field.ID_NUMBER),
        decrypt(card, Card.Field.PHONE),
        card.bankName(),
        decrypt(card, Card.Field.BANK_ACCOUNT));
  }

  /** A card's personal data in clear: only ever in the answer to a logged clear read. */
  record ClearPersonalData(
      UUID cardId,
      String name,
      String idNumber,
      String phone,
      String bankName,
      String bankAccount) {

    @Override
    public String toString() {
      return "ClearPersonalData[" + cardId + "]";
    }
  }
}
