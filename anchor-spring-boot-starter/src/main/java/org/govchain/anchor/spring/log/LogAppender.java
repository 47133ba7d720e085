package org.govchain.anchor.spring.log;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.anchor.merkle.MerkleHasher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Appends event envelopes to the service's log inside the caller's reactive transaction: the entry
 * exists exactly when the caller's business write commits.
 *
 * <p>Call {@link #append} from a {@code @Transactional} method (or a {@code TransactionalOperator})
 * of the service; without a surrounding transaction the append commits on its own.
 */
public final class LogAppender {

  private static final String INSERT =
      """
      WITH inserted AS (
        INSERT INTO govchain_log_entry
          (log_origin, event_type, subject, version, envelope, leaf_hash)
        VALUES (:origin, :type, :subject, :version, :envelope, :leafHash)
        ON CONFLICT ON CONSTRAINT govchain_log_entry_event_once DO NOTHING
        RETURNING id, log_origin, appended_at),
      queued AS (
        INSERT INTO govchain_log_unsequenced (entry_id, log_origin)
        SELECT id, log_origin FROM inserted)
      SELECT id, appended_at FROM inserted
      """;

  private final DatabaseClient db;
  private final TransactionalOperator transactions;
  private final String origin;
  private final LogMetrics metrics;
  private final Clock clock;
  private final SecureRandom random;

  LogAppender(
      DatabaseClient db,
      TransactionalOperator transactions,
      String origin,
      LogMetrics metrics,
      Clock clock,
      SecureRandom random) {
    this.db = db;
    this.transactions = transactions;
    this.origin = origin;
    this.metrics = metrics;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Records that {@code subject} reached {@code version} with {@code data} (the record after the
   * change) now: builds the envelope of DESIGN §2 — this log's origin, the time in milliseconds, a
   * fresh 32-byte salt — and appends it as {@link #append(EventEnvelope)} does.
   */
  public Mono<AppendedEntry> append(
      String type, String subject, long version, Map<String, ?> data) {
    return append(type, subject, version, clock.instant(), data);
  }

  /**
   * As {@link #append(String, String, long, Map)}, with the time of the change given (a record's
   * own change time, so that envelope and record agree; cut to milliseconds).
   */
  public Mono<AppendedEntry> append(
      String type, String subject, long version, Instant time, Map<String, ?> data) {
    return append(
        EventEnvelope.create(
            origin, type, subject, version, time.truncatedTo(ChronoUnit.MILLIS), data, random));
  }

  /**
   * Writes {@code envelope}'s canonical bytes and leaf hash as a new, unsequenced entry, joining
   * the caller's transaction (or starting one if there is none).
   *
   * @param envelope an envelope of this log: {@code envelope.log()} equals the configured origin
   * @return the entry, once inserted (it is durable when the caller's transaction commits)
   * @throws IllegalArgumentException (synchronously) if the envelope belongs to another log
   * @see DuplicateEventException signalled when this log already holds the same subject and version
   */
  public Mono<AppendedEntry> append(EventEnvelope envelope) {
    Objects.requireNonNull(envelope, "envelope");
    if (!origin.equals(envelope.log())) {
      throw new IllegalArgumentException(
          "envelope belongs to log '" + envelope.log() + "', this is log '" + origin + "'");
    }
    byte[] bytes = envelope.toCanonicalBytes();
    byte[] leafHash = MerkleHasher.leafHash(bytes);
    Mono<AppendedEntry> insert =
        db.sql(INSERT)
            .bind("origin", origin)
            .bind("type", envelope.type())
            .bind("subject", envelope.subject())
            .bind("version", envelope.version())
            .bind("envelope", bytes)
            .bind("leafHash", leafHash)
            .map(
                row ->
                    new AppendedEntry(
                        row.get("id", Long.class),
                        origin,
                        envelope.subject(),
                        envelope.version(),
                        HexFormat.of().formatHex(leafHash),
                        row.get("appended_at", OffsetDateTime.class).toInstant()))
            .one()
            .switchIfEmpty(
                Mono.error(
                    () ->
                        new DuplicateEventException(
                            origin, envelope.subject(), envelope.version())))
            .doOnSuccess(entry -> metrics.appended())
            .doOnError(DuplicateEventException.class, e -> metrics.duplicate());
    return transactions.transactional(insert);
  }

  /** The origin of the log this appender writes to. */
  public String origin() {
    return origin;
  }
}
