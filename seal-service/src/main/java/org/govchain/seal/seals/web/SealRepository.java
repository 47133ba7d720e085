package org.govchain.seal.seals.web;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.govchain.seal.keys.SignatureAlgorithm;
import org.govchain.seal.seals.SealStatus;
import org.govchain.seal.seals.SealType;
import org.govchain.seal.seals.StatusChange;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Seals and their status changes in PostgreSQL (R2DBC). */
@Repository
class SealRepository {

  private static final String COLUMNS =
      "id, name, organisation, credit_code, type, algorithm, status, not_before, not_after,"
          + " image_png, certificate_der, certificate_serial, encrypted_key, version,"
          + " revocation_reason, created_at, updated_at";

  private final DatabaseClient db;

  SealRepository(DatabaseClient db) {
    this.db = db;
  }

  Mono<Void> insert(Seal s) {
    return db.sql(
            "INSERT INTO seal ("
                + COLUMNS
                + ") VALUES (:id, :name, :organisation, :creditCode, :type, :algorithm, :status,"
                + " :notBefore, :notAfter, :image, :cert, :serial, :key, :version, NULL,"
                + " :createdAt, :updatedAt)")
        .bind("id", s.id())
        .bind("name", s.name())
        .bind("organisation", s.organisation())
        .bind("creditCode", s.creditCode())
        .bind("type", s.type().name())
        .bind("algorithm", s.algorithm().name())
        .bind("status", s.status().name())
        .bind("notBefore", s.notBefore())
        .bind("notAfter", s.notAfter())
        .bind("image", s.imagePng())
        .bind("cert", s.certificateDer())
        .bind("serial", s.certificateSerial())
        .bind("key", s.encryptedKey())
        .bind("version", s.version())
        .bind("createdAt", s.createdAt())
        .bind("updatedAt", s.updatedAt())
        .then();
  }

  Mono<Seal> findById(UUID id) {
    return db.sql("SELECT " + COLUMNS + " FROM seal WHERE id = :id")
        .bind("id", id)
        .map(SealRepository::seal)
        .one();
  }

  /** Locks the row: FOR UPDATE for a status change, FOR SHARE for a sealing. */
  Mono<Seal> lock(UUID id, boolean exclusive) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM seal WHERE id = :id "
                + (exclusive ? "FOR UPDATE" : "FOR SHARE"))
        .bind("id", id)
        .map(SealRepository::seal)
        .one();
  }

  Mono<Seal> findByCertificateSerial(String serial) {
    return db.sql("SELECT " + COLUMNS + " FROM seal WHERE certificate_serial = :serial")
        .bind("serial", serial)
        .map(SealRepository::seal)
        .one();
  }

  Mono<Void> updateStatus(Seal s) {
    DatabaseClient.GenericExecuteSpec spec =
        db.sql(
                "UPDATE seal SET status = :status, version = :version, revocation_reason = :reason,"
                    + " updated_at = :updatedAt WHERE id = :id AND version = :previous")
            .bind("status", s.status().name())
            .bind("version", s.version())
            .bind("updatedAt", s.updatedAt())
            .bind("id", s.id())
            .bind("previous", s.version() - 1);
    spec =
        s.revocationReason() == null
            ? spec.bindNull("reason", String.class)
            : spec.bind("reason", s.revocationReason());
    return spec.fetch()
        .rowsUpdated()
        .flatMap(
            n ->
                n == 1
                    ? Mono.<Void>empty()
                    : Mono.error(
                        new IllegalStateException("seal " + s.id() + " changed meanwhile")));
  }

  Mono<Void> insertStatusChange(UUID sealId, long version, StatusChange change) {
    DatabaseClient.GenericExecuteSpec spec =
        db.sql(
                "INSERT INTO seal_status_change (seal_id, version, status, at, reason)"
                    + " VALUES (:id, :version, :status, :at, :reason)")
            .bind("id", sealId)
            .bind("version", version)
            .bind("status", change.status().name())
            .bind("at", change.at());
    spec =
        change.reason() == null
            ? spec.bindNull("reason", String.class)
            : spec.bind("reason", change.reason());
    return spec.then();
  }

  Flux<StatusChange> statusChanges(UUID sealId) {
    return db.sql(
            "SELECT status, at, reason FROM seal_status_change WHERE seal_id = :id ORDER BY version")
        .bind("id", sealId)
        .map(
            row ->
                new StatusChange(
                    row.get("at", Instant.class),
                    SealStatus.valueOf(row.get("status", String.class)),
                    row.get("reason", String.class)))
        .all();
  }

  /**
   * One page of seals, newest first, filtered by credit code and effective status (each optional).
   */
  Flux<Seal> list(String creditCode, SealStatus status, Instant now, int page, int size) {
    Where where = where(creditCode, status);
    DatabaseClient.GenericExecuteSpec spec =
        db.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM seal"
                    + where.sql
                    + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
            .bind("limit", size)
            .bind("offset", (long) page * size);
    return bind(spec, where, creditCode, now).map(SealRepository::seal).all();
  }

  Mono<Long> count(String creditCode, SealStatus status, Instant now) {
    Where where = where(creditCode, status);
    return bind(db.sql("SELECT count(*) AS n FROM seal" + where.sql), where, creditCode, now)
        .map(row -> row.get("n", Long.class))
        .one();
  }

  private record Where(String sql, boolean code, boolean now) {}

  private static Where where(String creditCode, SealStatus status) {
    List<String> conditions = new ArrayList<>();
    if (creditCode != null) {
      conditions.add("credit_code = :creditCode");
    }
    if (status != null) {
      conditions.add(
          switch (status) {
            case ACTIVE -> "status = 'ACTIVE' AND not_before <= :now AND not_after > :now";
            case SUSPENDED -> "status = 'SUSPENDED' AND not_before <= :now AND not_after > :now";
            case REVOKED -> "status = 'REVOKED'";
            case EXPIRED -> "status <> 'REVOKED' AND not_after <= :now";
            case NOT_YET_VALID -> "status <> 'REVOKED' AND not_before > :now";
          });
    }
    String sql = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    return new Where(sql, creditCode != null, sql.contains(":now"));
  }

  private static DatabaseClient.GenericExecuteSpec bind(
      DatabaseClient.GenericExecuteSpec spec, Where where, String creditCode, Instant now) {
    if (where.code) {
      spec = spec.bind("creditCode", creditCode);
    }
    if (where.now) {
      spec = spec.bind("now", now);
    }
    return spec;
  }

  private static Seal seal(Readable row) {
    return new Seal(
        row.get("id", UUID.class),
        row.get("name", String.class),
        row.get("organisation", String.class),
        row.get("credit_code", String.class),
        SealType.valueOf(row.get("type", String.class)),
        SignatureAlgorithm.valueOf(row.get("algorithm", String.class)),
        SealStatus.valueOf(row.get("status", String.class)),
        row.get("not_before", Instant.class),
        row.get("not_after", Instant.class),
        row.get("image_png", byte[].class),
        row.get("certificate_der", byte[].class),
        row.get("certificate_serial", String.class),
        row.get("encrypted_key", byte[].class),
        row.get("version", Long.class),
        row.get("revocation_reason", String.class),
        row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class));
  }
}
