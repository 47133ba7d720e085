package org.govchain.anchor.spring.log.testapp;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.anchor.spring.log.AppendedEntry;
import org.govchain.anchor.spring.log.LogAppender;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Writes a business row and its log entry in one transaction, as a real service does. */
@Service
public class RecordService {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final DatabaseClient db;
  private final LogAppender log;

  RecordService(DatabaseClient db, LogAppender log) {
    this.db = db;
    this.log = log;
  }

  /** The envelope {@link #save} appends for this record version. */
  public static EventEnvelope envelope(String id, String name, long version) {
    return EventEnvelope.create(
        LogTestApplication.ORIGIN,
        "test.record.saved",
        id,
        version,
        Instant.now(),
        Map.of("name", name),
        RANDOM);
  }

  /**
   * Upserts the record at {@code version} and appends its event; then fails if {@code
   * failAfterAppend}, which must roll both back.
   */
  @Transactional
  public Mono<AppendedEntry> save(String id, String name, long version, boolean failAfterAppend) {
    return db.sql(
            "INSERT INTO test_record (id, name, version) VALUES (:id, :name, :version)"
                + " ON CONFLICT (id) DO UPDATE SET name = :name2, version = :version2")
        .bind("id", id)
        .bind("name", name)
        .bind("version", version)
        .bind("name2", name)
        .bind("version2", version)
        .fetch()
        .rowsUpdated()
        .then(log.append(envelope(id, name, version)))
        .flatMap(
            entry ->
                failAfterAppend
                    ? Mono.error(new IllegalStateException("business rule failed after append"))
                    : Mono.just(entry));
  }
}
