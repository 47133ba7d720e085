package org.govchain.anchor.spring.anchoring;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.connection.SingleConnectionFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Runs a step again and again, every {@code interval}, in exactly one instance among all that run
 * the same loop: the one whose dedicated connection holds a PostgreSQL session advisory lock. The
 * others try again every interval; a holder that dies loses its lock with its connection, and a
 * standby takes over. The step gets the lock's own connection (and transactions on it).
 */
final class AdvisoryLockLoop {

  private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLockLoop.class);

  /** The connection holding the lock, and transactions on it. */
  record LockedSession(DatabaseClient db, TransactionalOperator transactions) {}

  private final String name;
  private final ConnectionFactory connections;
  private final String lockSql;
  private final String lockParameter;
  private final String lockValue;
  private final Duration interval;
  private final Scheduler scheduler;
  private final AtomicBoolean lockHeld = new AtomicBoolean();

  /**
   * @param name what the loop is, for its log lines
   * @param lockSql a query answering one boolean column {@code locked} (e.g. {@code SELECT
   *     pg_try_advisory_lock(…) AS locked}) with one parameter
   * @param lockParameter that parameter's name, and {@code lockValue} its value
   */
  AdvisoryLockLoop(
      String name,
      ConnectionFactory connections,
      String lockSql,
      String lockParameter,
      String lockValue,
      Duration interval,
      Scheduler scheduler) {
    this.name = name;
    this.connections = connections;
    this.lockSql = lockSql;
    this.lockParameter = lockParameter;
    this.lockValue = lockValue;
    this.interval = interval;
    this.scheduler = scheduler;
  }

  /** Whether this instance holds the lock (so its step is the one that runs). */
  boolean holdsLock() {
    return lockHeld.get();
  }

  /**
   * Starts the loop; {@code onSessionError} hears of each lock session that ended in an error (the
   * database went away, say) before the next attempt.
   */
  Disposable start(Function<LockedSession, Mono<Void>> step, Consumer<Throwable> onSessionError) {
    return Mono.defer(() -> lockSession(step))
        .onErrorResume(
            error -> {
              LOG.warn("{} session ended: {}", name, error.toString());
              onSessionError.accept(error);
              return Mono.empty();
            })
        .then(Mono.delay(interval, scheduler))
        .repeat()
        .doFinally(signal -> lockHeld.set(false))
        .subscribeOn(scheduler)
        .subscribe();
  }

  /**
   * Holds a dedicated connection with the lock and runs the step on it; completes at once if
   * another instance holds the lock. The lock goes with the connection.
   */
  private Mono<Void> lockSession(Function<LockedSession, Mono<Void>> step) {
    return Mono.usingWhen(
        Mono.from(dedicatedConnections().create()),
        connection -> {
          SingleConnectionFactory single =
              new SingleConnectionFactory(connection, connections.getMetadata(), true);
          DatabaseClient db = DatabaseClient.create(single);
          return db.sql(lockSql)
              .bind(lockParameter, lockValue)
              .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
              .one()
              .flatMap(
                  locked ->
                      locked
                          ? runLocked(
                              step,
                              new LockedSession(
                                  db,
                                  TransactionalOperator.create(
                                      new R2dbcTransactionManager(single))))
                          : Mono.empty());
        },
        connection ->
            Mono.from(connection.createStatement("SELECT pg_advisory_unlock_all()").execute())
                .onErrorResume(error -> Mono.empty())
                .then(Mono.from(connection.close())));
  }

  /** The pool's underlying factory, so the lock's connection is really closed, not pooled. */
  private ConnectionFactory dedicatedConnections() {
    if (connections instanceof io.r2dbc.spi.Wrapped<?> wrapped
        && wrapped.unwrap() instanceof ConnectionFactory direct) {
      return direct;
    }
    return connections;
  }

  private Mono<Void> runLocked(Function<LockedSession, Mono<Void>> step, LockedSession session) {
    LOG.info("{} holds its lock and starts", name);
    lockHeld.set(true);
    return Mono.defer(() -> step.apply(session))
        .then(Mono.delay(interval, scheduler))
        .repeat()
        .doFinally(signal -> lockHeld.set(false))
        .then();
  }
}
