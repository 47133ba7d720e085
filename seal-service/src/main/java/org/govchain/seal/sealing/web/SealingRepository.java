package org.govchain.seal.sealing.web;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Sealings in PostgreSQL (R2DBC). */
@Repository
class SealingRepository {

  private static final String COLUMNS =
      "id, seal_id, kind, document_sha256, sealed_sha256, hash_algorithm, operator, signed_at,"
          + " signature, signature_sha256, page, x_mm, y_mm, width_mm, created_at";

  private final DatabaseClient db;

  SealingRepository(DatabaseClient db) {
    this.db = db;
  }

  Mono<Void> insert(Sealing s) {
    DatabaseClient.GenericExecuteSpec spec =
        db.sql(
                "INSERT INTO sealing ("
                    + COLUMNS
                    + ") VALUES (:id, :sealId, :kind, :document, :sealed, :hashAlgorithm, :operator,"
                    + " :signedAt, :signature, :signatureSha256, :page, :x, :y, :width, :createdAt)")
            .bind("id", s.id())
            .bind("sealId", s.sealId())
            .bind("kind", s.kind().name())
            .bind("document", s.documentSha256())
            .bind("hashAlgorithm", s.hashAlgorithm())
            .bind("operator", s.operator())
            .bind("signedAt", s.signedAt())
            .bind("signature", s.signature())
            .bind("signatureSha256", s.signatureSha256())
            .bind("createdAt", s.createdAt());
    spec = nullable(spec, "sealed", s.sealedSha256(), byte[].class);
    spec = nullable(spec, "page", s.page(), Integer.class);
    spec = nullable(spec, "x", s.xMm(), Double.class);
    spec = nullable(spec, "y", s.yMm(), Double.class);
    spec = nullable(spec, "width", s.widthMm(), Double.class);
    return spec.then();
  }

  Mono<Sealing> findById(UUID id) {
    return db.sql("SELECT " + COLUMNS + " FROM sealing WHERE id = :id")
        .bind("id", id)
        .map(SealingRepository::sealing)
        .one();
  }

  Mono<Sealing> findBySignatureSha256(byte[] hash) {
    return db.sql("SELECT " + COLUMNS + " FROM sealing WHERE signature_sha256 = :hash")
        .bind("hash", hash)
        .map(SealingRepository::sealing)
        .one();
  }

  private static <T> DatabaseClient.GenericExecuteSpec nullable(
      DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
    return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
  }

  private static Sealing sealing(Readable row) {
    return new Sealing(
        row.get("id", UUID.class),
        row.get("seal_id", UUID.class),
        Sealing.Kind.valueOf(row.get("kind", String.class)),
        row.get("document_sha256", byte[].class),
        row.get("sealed_sha256", byte[].class),
        row.get("hash_algorithm", String.class),
        row.get("operator", String.class),
        row.get("signed_at", Instant.class),
        row.get("signature", byte[].class),
        row.get("signature_sha256", byte[].class),
        row.get("page", Integer.class),
        row.get("x_mm", Double.class),
        row.get("y_mm", Double.class),
        row.get("width_mm", Double.class),
        row.get("created_at", Instant.class));
  }
}
