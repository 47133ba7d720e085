package org.govchain.ssc.cards.web;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.govchain.anchor.spring.log.LogAppender;
import org.govchain.anchor.spring.log.LogReferences;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.ssc.config.SscProperties;
import org.govchain.ssc.problems.SscProblem;
import org.govchain.ssc.qr.QrImage;
import org.govchain.ssc.qr.QrIssuer;
import org.govchain.ssc.qr.QrPayload;
import org.govchain.ssc.qr.QrVerifier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Dynamic QR codes: a holder's normal card gets a signed single-use payload; a service point's
 * verification decides in PostgreSQL that the token is used once (so two service instances cannot
 * both accept it), and every verification is its own record in the card log (subject {@code
 * qr-verification:<id>}, version 1), whatever its verdict.
 */
@Service
public class QrCodeService {

  /** The business types of a verification: query, payment, other, cross-region medical care. */
  static final Set<String> BUSINESS_TYPES = Set.of("01", "02", "03", "04");

  private static final HexFormat HEX = HexFormat.of();

  private final CardService cards;
  private final CardPrivacy privacy;
  private final QrIssuer issuer;
  private final QrVerifier verifier;
  private final DatabaseClient db;
  private final LogAppender log;
  private final LogReferences references;
  private final TransactionalOperator tx;
  private final SscProperties properties;
  private final java.security.SecureRandom random;

  QrCodeService(
      CardService cards,
      CardPrivacy privacy,
      QrIssuer issuer,
      QrVerifier verifier,
      DatabaseClient db,
      LogAppender log,
      LogReferences references,
      ReactiveTransactionManager transactions,
      SscProperties properties,
      java.security.SecureRandom random) {
    this.cards = cards;
    this.privacy = privacy;
    this.issuer = issuer;
    this.verifier = verifier;
    this.db = db;
    this.log = log;
    this.references = references;
    this.tx = TransactionalOperator.create(transactions);
    this.properties = properties;
    this.random = random;
  }

  /** A fresh payload for the holder's own normal card. */
  Mono<IssuedQr> issue(UUID cardId, Actor holder) {
    return cards
        .visible(cardId, holder)
        .flatMap(
            card -> {
              if (!card.status().usable() || card.replaced()) {
                return Mono.error(notUsable(card));
              }
              QrPayload payload =
                  issuer.issue(cardId, cards.now(), properties.qr().validity(), random);
              String text = payload.encode();
              return db.sql(
                      "INSERT INTO qr_token (token_id, card_id, payload, issued_at, expires_at)"
                          + " VALUES (:token, :card, :payload, :issued, :expires)")
                  .bind("token", payload.tokenId())
                  .bind("card", cardId)
                  .bind("payload", text)
                  .bind("issued", payload.issuedAtInstant())
                  .bind("expires", payload.expiresAtInstant())
                  .then()
                  .thenReturn(
                      new IssuedQr(
                          text,
                          payload.tokenIdHex(),
                          payload.issuedAtInstant(),
                          payload.expiresAtInstant(),
                          "/api/ssc/cards/"
                              + cardId
                              + "/qr-codes/"
                              + payload.tokenIdHex()
                              + ".png"));
            });
  }

  /** An issued QR payload and where its image is. */
  record IssuedQr(
      String payload, String tokenId, Instant issuedAt, Instant expiresAt, String image) {}

  /** The PNG of an issued, unused, unexpired payload of the holder's own card. */
  Mono<byte[]> image(UUID cardId, String tokenIdHex, Actor holder, int size) {
    byte[] tokenId;
    try {
      tokenId = HEX.parseHex(tokenIdHex);
    } catch (IllegalArgumentException e) {
      return Mono.error(unknownQr());
    }
    if (tokenId.length != 16 || size < QrImage.MIN_SIZE || size > QrImage.MAX_SIZE) {
      return Mono.error(
          tokenId.length != 16
              ? unknownQr()
              : ProblemException.invalidField(
                  "size", QrImage.MIN_SIZE + " to " + QrImage.MAX_SIZE + " pixels"));
    }
    Instant now = cards.now();
    return cards
        .visible(cardId, holder)
        .then(
            db.sql(
                    "SELECT payload FROM qr_token WHERE token_id = :token AND card_id = :card"
                        + " AND used_at IS NULL AND expires_at > :now")
                .bind("token", tokenId)
                .bind("card", cardId)
                .bind("now", now)
                .map(row -> row.get("payload", String.class))
                .one())
        .switchIfEmpty(Mono.error(QrCodeService::unknownQr))
        .publishOn(Schedulers.boundedElastic())
        .map(text -> QrImage.png(text, size));
  }

  /**
   * A service point's verification: VALID (the token is now used), EXPIRED, ALREADY_USED, FORGED or
   * CARD_NOT_USABLE, each logged with the service point and business type.
   */
  Mono<QrVerificationView> verify(String text, String businessType, Actor servicePoint) {
    if (!BUSINESS_TYPES.contains(businessType)) {
      throw ProblemException.invalidField("businessType", "one of 01, 02, 03, 04");
    }
    Instant now = cards.now();
    UUID verificationId = UUID.randomUUID();
    QrVerifier.Verification checked = verifier.verify(text == null ? "" : text.strip(), now);
    Mono<Outcome> outcome;
    if (checked instanceof QrVerifier.Verification.Valid valid) {
      outcome = consume(valid.payload(), servicePoint, now, businessType);
    } else if (checked instanceof QrVerifier.Verification.Expired expired) {
      outcome = Mono.just(new Outcome(QrVerdict.EXPIRED, expired.payload(), null, null));
    } else {
      String why = ((QrVerifier.Verification.Forged) checked).why();
      outcome = Mono.just(new Outcome(QrVerdict.FORGED, null, null, why));
    }
    return outcome
        .flatMap(o -> record(verificationId, o, businessType, servicePoint, now).thenReturn(o))
        .as(tx::transactional)
        .map(o -> view(verificationId, o, businessType, now));
  }

  /** Marks the token used if its card can be used and nobody used it before. */
  private Mono<Outcome> consume(
      QrPayload payload, Actor servicePoint, Instant now, String business) {
    return cards
        .lockForUse(payload.cardId())
        .flatMap(
            card -> {
              if (!card.status().usable() || card.replaced()) {
                return Mono.just(new Outcome(QrVerdict.CARD_NOT_USABLE, payload, card, null));
              }
              return db.sql(
                      "UPDATE qr_token SET used_at = :now, used_by = :by, business = :business"
                          + " WHERE token_id = :token AND card_id = :card AND used_at IS NULL"
                          + " RETURNING token_id")
                  .bind("now", now)
                  .bind("by", servicePoint.subject())
                  .bind("business", business)
                  .bind("token", payload.tokenId())
                  .bind("card", payload.cardId())
                  .map(row -> Boolean.TRUE)
                  .one()
                  .map(used -> new Outcome(QrVerdict.VALID, payload, card, null))
                  .switchIfEmpty(
                      Mono.defer(
                          () ->
                              issued(payload)
                                  .map(
                                      issued ->
                                          issued
                                              ? new Outcome(
                                                  QrVerdict.ALREADY_USED, payload, card, null)
                                              : new Outcome(
                                                  QrVerdict.FORGED,
                                                  payload,
                                                  null,
                                                  "signed but never issued"))));
            })
        // a validly signed payload for a card that does not exist: never issued by this service
        .switchIfEmpty(
            Mono.fromSupplier(() -> new Outcome(QrVerdict.FORGED, payload, null, "no such card")));
  }

  private Mono<Boolean> issued(QrPayload payload) {
    return db.sql("SELECT count(*) AS n FROM qr_token WHERE token_id = :token AND card_id = :card")
        .bind("token", payload.tokenId())
        .bind("card", payload.cardId())
        .map(row -> row.get("n", Long.class) > 0)
        .one();
  }

  private Mono<Void> record(
      UUID verificationId, Outcome o, String business, Actor servicePoint, Instant now) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("verificationId", verificationId.toString());
    data.put("verdict", o.verdict().name());
    data.put("businessType", business);
    data.put("servicePoint", references.staff(servicePoint.subject()));
    if (o.payload() != null) {
      data.put("tokenId", o.payload().tokenIdHex());
    }
    if (o.card() != null) {
      data.put("cardId", o.card().id().toString());
      data.put("cardStatus", o.card().status().code());
    }
    if (o.why() != null) {
      data.put("why", o.why());
    }
    return log.append("ssc.qr.verified", "qr-verification:" + verificationId, 1, now, data).then();
  }

  private QrVerificationView view(UUID id, Outcome o, String business, Instant now) {
    QrVerificationView.CardSummary card = null;
    if (o.card() != null) {
      CardView masked = privacy.view(o.card());
      card =
          new QrVerificationView.CardSummary(
              masked.holder().name(),
              masked.holder().idNumber(),
              masked.status(),
              masked.statusCode(),
              masked.statusLabel(),
              masked.issuingRegion());
    }
    return new QrVerificationView(
        id,
        o.verdict(),
        business,
        card,
        o.payload() == null ? null : o.payload().expiresAtInstant(),
        now);
  }

  /** What a verification found; the card when the payload was genuine. */
  private record Outcome(QrVerdict verdict, QrPayload payload, Card card, String why) {}

  static ProblemException notUsable(Card card) {
    return new ProblemException(
        SscProblem.CARD_NOT_USABLE,
        "the card is " + card.status() + (card.replaced() ? " and replaced" : ""),
        Map.of("cardStatus", card.status().name(), "cardStatusCode", card.status().code()));
  }

  static ProblemException unknownQr() {
    return new ProblemException(
        SscProblem.UNKNOWN_QR_CODE, "no usable QR code with this token", Map.of());
  }
}
