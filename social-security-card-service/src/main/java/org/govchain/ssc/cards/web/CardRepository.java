package org.govchain.ssc.cards.web;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.govchain.ssc.cards.CardStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Cards, their events and activation codes in PostgreSQL (R2DBC). */
@Repository
class CardRepository {

  private static final String COLUMNS =
      "id, card_number, identification_code, spec_version, issuing_region, status, issue_date,"
          + " expiry_date, id_number_hash, id_number_enc, name_enc, phone_enc, bank_name,"
          + " bank_account_enc, holder_subject, replaces, replaced_by, status_reason,"
          + " status_changed_at, version, created_at, updated_at";

  /** The one-card-in-force index: a second card for a person fails on it. */
  static final String ONE_IN_FORCE = "card_one_in_force";

  private final DatabaseClient db;

  CardRepository(DatabaseClient db) {
    this.db = db;
  }

  /** The next serial for a card number (a sequence: never reused, even after a rollback). */
  Mono<Long> nextSerial() {
    return db.sql("SELECT nextval('card_serial') AS serial")
        .map(row -> row.get("serial", Long.class))
        .one();
  }

  Mono<Void> insert(Card c) {
    return bindAll(
            db.sql(
                "INSERT INTO card ("
                    + COLUMNS
                    + ") VALUES (:id, :cardNumber, :identificationCode, :specVersion,"
                    + " :issuingRegion, :status, :issueDate, :expiryDate, :idNumberHash,"
                    + " :idNumberEnc, :nameEnc, :phoneEnc, :bankName, :bankAccountEnc,"
                    + " :holderSubject, :replaces, :replacedBy, :statusReason, :statusChangedAt,"
                    + " :version, :createdAt, :updatedAt)"),
            c)
        .then();
  }

  /** Writes the card's mutable columns at its new version; the old version must be the stored. */
  Mono<Void> update(Card c) {
    return db.sql(
            "UPDATE card SET status = :status, holder_subject = :holderSubject,"
                + " replaced_by = :replacedBy, status_reason = :statusReason,"
                + " status_changed_at = :statusChangedAt, version = :version,"
                + " updated_at = :updatedAt WHERE id = :id AND version = :version - 1")
        .bind("id", c.id())
        .bind("status", (short) c.status().code())
        .bind("version", c.version())
        .bind("statusChangedAt", c.statusChangedAt())
        .bind("updatedAt", c.updatedAt())
        .bind("holderSubject", Parameter.fromOrEmpty(c.holderSubject(), String.class))
        .bind("replacedBy", Parameter.fromOrEmpty(c.replacedBy(), UUID.class))
        .bind("statusReason", Parameter.fromOrEmpty(c.statusReason(), String.class))
        .fetch()
        .rowsUpdated()
        .flatMap(
            n ->
                n == 1
                    ? Mono.empty()
                    : Mono.error(
                        new IllegalStateException(
                            "card "
                                + c.id()
                                + " changed under its lock (version "
                                + c.version()
                                + ")")));
  }

  Mono<Card> findById(UUID id) {
    return db.sql("SELECT " + COLUMNS + " FROM card WHERE id = :id")
        .bind("id", id)
        .map(CardRepository::card)
        .one();
  }

  /** The card, locked against every other change until the transaction ends. */
  Mono<Card> lock(UUID id) {
    return db.sql("SELECT " + COLUMNS + " FROM card WHERE id = :id FOR UPDATE")
        .bind("id", id)
        .map(CardRepository::card)
        .one();
  }

  /** The card, its status kept until the transaction ends (a QR verification). */
  Mono<Card> lockShared(UUID id) {
    return db.sql("SELECT " + COLUMNS + " FROM card WHERE id = :id FOR SHARE")
        .bind("id", id)
        .map(CardRepository::card)
        .one();
  }

  /** Every card of a person (by the keyed hash of the ID number), newest first. */
  Flux<Card> findByIdNumberHash(byte[] hash) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM card WHERE id_number_hash = :hash ORDER BY created_at DESC, id")
        .bind("hash", hash)
        .map(CardRepository::card)
        .all();
  }

  /** The cards bound to a holder's account. */
  Flux<Card> findByHolder(String subject) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM card WHERE holder_subject = :subject ORDER BY created_at DESC, id")
        .bind("subject", subject)
        .map(CardRepository::card)
        .all();
  }

  Flux<Card> list(CardStatus status, String region, int page, int size) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM card WHERE (:status::smallint IS NULL OR status = :status::smallint)"
                + " AND (:region::text IS NULL OR issuing_region = :region::text)"
                + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
        .bind(
            "status",
            Parameter.fromOrEmpty(status == null ? null : (short) status.code(), Short.class))
        .bind("region", Parameter.fromOrEmpty(region, String.class))
        .bind("limit", size)
        .bind("offset", (long) page * size)
        .map(CardRepository::card)
        .all();
  }

  Mono<Long> count(CardStatus status, String region) {
    return db.sql(
            "SELECT count(*) AS n FROM card WHERE (:status::smallint IS NULL OR status ="
                + " :status::smallint) AND (:region::text IS NULL OR issuing_region ="
                + " :region::text)")
        .bind(
            "status",
            Parameter.fromOrEmpty(status == null ? null : (short) status.code(), Short.class))
        .bind("region", Parameter.fromOrEmpty(region, String.class))
        .map(row -> row.get("n", Long.class))
        .one();
  }

  /** Temporary losses older than {@code before}, oldest first: due to become formal. */
  Flux<UUID> temporaryLossesSince(Instant before, int limit) {
    return db.sql(
            "SELECT id FROM card WHERE status = 4 AND status_changed_at <= :before"
                + " ORDER BY status_changed_at LIMIT :limit")
        .bind("before", before)
        .bind("limit", limit)
        .map(row -> row.get("id", UUID.class))
        .all();
  }

  Mono<Void> insertEvent(CardEvent e) {
    return db.sql(
            "INSERT INTO card_event (card_id, version, event_type, actor, status, reason,"
                + " occurred_at) VALUES (:cardId, :version, :type, :actor, :status, :reason, :at)")
        .bind("cardId", e.cardId())
        .bind("version", e.version())
        .bind("type", e.type())
        .bind("actor", e.actor())
        .bind("status", (short) e.status().code())
        .bind("reason", Parameter.fromOrEmpty(e.reason(), String.class))
        .bind("at", e.at())
        .then();
  }

  /** A card's events with the log leaf of each (null until sequenced), oldest first. */
  Flux<CardEvent.Logged> events(UUID cardId, String origin) {
    return db.sql(
            "SELECT ev.card_id, ev.version, ev.event_type, ev.actor, ev.status, ev.reason,"
                + " ev.occurred_at, l.leaf_index FROM card_event ev"
                + " LEFT JOIN govchain_log_entry e ON e.log_origin = :origin"
                + " AND e.subject = ev.card_id::text AND e.version = ev.version"
                + " LEFT JOIN govchain_log_leaf l ON l.entry_id = e.id"
                + " WHERE ev.card_id = :cardId ORDER BY ev.version")
        .bind("cardId", cardId)
        .bind("origin", origin)
        .map(
            row ->
                new CardEvent.Logged(
                    new CardEvent(
                        row.get("card_id", UUID.class),
                        row.get("version", Long.class),
                        row.get("event_type", String.class),
                        row.get("actor", String.class),
                        CardStatus.ofCode(row.get("status", Short.class)),
                        row.get("reason", String.class),
                        row.get("occurred_at", Instant.class)),
                    row.get("leaf_index", Long.class)))
        .all();
  }

  /** Stores a new activation code for a card (replacing an older one). */
  Mono<Void> putActivation(UUID cardId, byte[] codeHash, Instant expiresAt) {
    return db.sql(
            "INSERT INTO card_activation (card_id, code_hash, expires_at) VALUES (:cardId,"
                + " :hash, :expiresAt) ON CONFLICT (card_id) DO UPDATE SET code_hash ="
                + " EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at, failures = 0,"
                + " used_at = NULL")
        .bind("cardId", cardId)
        .bind("hash", codeHash)
        .bind("expiresAt", expiresAt)
        .then();
  }

  /** The card's activation code state (under the card's lock). */
  Mono<Activation> activation(UUID cardId) {
    return db.sql(
            "SELECT code_hash, expires_at, failures, used_at FROM card_activation"
                + " WHERE card_id = :cardId")
        .bind("cardId", cardId)
        .map(
            row ->
                new Activation(
                    row.get("code_hash", byte[].class),
                    row.get("expires_at", Instant.class),
                    row.get("failures", Integer.class),
                    row.get("used_at", Instant.class)))
        .one();
  }

  Mono<Void> activationFailed(UUID cardId) {
    return db.sql("UPDATE card_activation SET failures = failures + 1 WHERE card_id = :cardId")
        .bind("cardId", cardId)
        .then();
  }

  Mono<Void> activationUsed(UUID cardId, Instant at) {
    return db.sql("UPDATE card_activation SET used_at = :at WHERE card_id = :cardId")
        .bind("cardId", cardId)
        .bind("at", at)
        .then();
  }

  /** A card's activation code: its keyed hash, validity, wrong attempts and use. */
  record Activation(byte[] codeHash, Instant expiresAt, int failures, Instant usedAt) {}

  private static DatabaseClient.GenericExecuteSpec bindAll(
      DatabaseClient.GenericExecuteSpec spec, Card c) {
    return spec.bind("id", c.id())
        .bind("cardNumber", c.cardNumber())
        .bind("identificationCode", c.identificationCode())
        .bind("specVersion", c.specVersion())
        .bind("issuingRegion", c.issuingRegion())
        .bind("status", (short) c.status().code())
        .bind("issueDate", c.issueDate())
        .bind("expiryDate", c.expiryDate())
        .bind("idNumberHash", c.idNumberHash())
        .bind("idNumberEnc", c.idNumberEnc())
        .bind("nameEnc", c.nameEnc())
        .bind("phoneEnc", Parameter.fromOrEmpty(c.phoneEnc(), byte[].class))
        .bind("bankName", Parameter.fromOrEmpty(c.bankName(), String.class))
        .bind("bankAccountEnc", Parameter.fromOrEmpty(c.bankAccountEnc(), byte[].class))
        .bind("holderSubject", Parameter.fromOrEmpty(c.holderSubject(), String.class))
        .bind("replaces", Parameter.fromOrEmpty(c.replaces(), UUID.class))
        .bind("replacedBy", Parameter.fromOrEmpty(c.replacedBy(), UUID.class))
        .bind("statusReason", Parameter.fromOrEmpty(c.statusReason(), String.class))
        .bind("statusChangedAt", c.statusChangedAt())
        .bind("version", c.version())
        .bind("createdAt", c.createdAt())
        .bind("updatedAt", c.updatedAt());
  }

  private static Card card(Readable row) {
    return new Card(
        row.get("id", UUID.class),
        row.get("card_number", String.class),
        row.get("identification_code", String.class),
        row.get("spec_version", String.class),
        row.get("issuing_region", String.class),
        CardStatus.ofCode(row.get("status", Short.class)),
        row.get("issue_date", LocalDate.class),
        row.get("expiry_date", LocalDate.class),
        row.get("id_number_hash", byte[].class),
        row.get("id_number_enc", byte[].class),
        row.get("name_enc", byte[].class),
        row.get("phone_enc", byte[].class),
        row.get("bank_name", String.class),
        row.get("bank_account_enc", byte[].class),
        row.get("holder_subject", String.class),
        row.get("replaces", UUID.class),
        row.get("replaced_by", UUID.class),
        row.get("status_reason", String.class),
        row.get("status_changed_at", Instant.class),
        row.get("version", Long.class),
        row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class));
  }
}
