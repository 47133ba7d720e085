package org.govchain.anchor.spring.log;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.anchor.merkle.MerkleHasher;
import org.govchain.anchor.spring.log.LogStore.InsertedEntry;
import org.govchain.anchor.spring.log.LogStore.NewEntry;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Appends event envelopes to the service's log inside the caller's reactive transaction: the entry
 * exists exactly when the caller's business write commits.
 *
 * <p>Call {@link #append} from a {@code @Transactional} method (or a {@code TransactionalOperator})
 * of the service; without a surrounding transaction the append commits on its own, together with
 * the other appends made at the same time ({@link AppendBatcher}: one statement and one commit for
 * all of them, each acknowledged once committed).
 */
public final class LogAppender {

  private final LogStore store;
  private final TransactionalOperator transactions;
  private final String origin;
  private final LogMetrics metrics;
  private final Clock clock;
  private final SecureRandom random;
  private final AppendBatcher batcher;

  LogAppender(
      LogStore store,
      TransactionalOperator transactions,
      String origin,
      LogMetrics metrics,
      Clock clock,
      SecureRandom random) {
    this.store = store;
    this.transactions = transactions;
    this.origin = origin;
    this.metrics = metrics;
    this.clock = clock;
    this.random = random;
    this.batcher = new AppendBatcher(store, transactions);
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
    NewEntry entry =
        new NewEntry(envelope.type(), envelope.subject(), envelope.version(), bytes, leafHash);
    return inTransaction()
        .flatMap(
            joined ->
                joined
                    ? transactions.transactional(acknowledged(envelope, leafHash, insert(entry)))
                    : acknowledged(envelope, leafHash, batcher.insert(entry)));
  }

  private Mono<InsertedEntry> insert(NewEntry entry) {
    return store.insertEntry(
        entry.type(), entry.subject(), entry.version(), entry.envelope(), entry.leafHash());
  }

  /** Whether the caller has a transaction this append joins. */
  private static Mono<Boolean> inTransaction() {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .map(TransactionSynchronizationManager::isActualTransactionActive)
        .onErrorResume(NoTransactionException.class, e -> Mono.just(false));
  }

  private Mono<AppendedEntry> acknowledged(
      EventEnvelope envelope, byte[] leafHash, Mono<InsertedEntry> insertion) {
    return insertion
        .map(
            inserted ->
                new AppendedEntry(
                    inserted.id(),
                    origin,
                    envelope.subject(),
                    envelope.version(),
                    HexFormat.of().formatHex(leafHash),
                    inserted.appendedAt()))
        .switchIfEmpty(
            Mono.error(
                () -> new DuplicateEventException(origin, envelope.subject(), envelope.version())))
        .doOnSuccess(entry -> metrics.appended())
        .doOnError(DuplicateEventException.class, e -> metrics.duplicate());
  }

  /** The origin of the log this appender writes to. */
  public String origin() {
    return origin;
  }
}
