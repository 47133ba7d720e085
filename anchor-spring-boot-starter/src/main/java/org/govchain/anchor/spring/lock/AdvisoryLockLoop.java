package org.govchain.anchor.spring.lock;

import io.r2dbc.spi.Connection;
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
 * Runs a step again and again in exactly one instance among all that run the same loop: the one
 * whose dedicated connection holds a PostgreSQL session advisory lock. The others keep their own
 * connection and try the lock again every {@code interval}; a holder that dies loses its lock with
 * its connection, and a standby takes over on its next try. The step gets the lock's connection
 * (and transactions on it), so what it writes is written under the lock. The log's sequencer and
 * each log's anchorer run on one.
 */
public final class AdvisoryLockLoop {

  private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLockLoop.class);

  /** The connection holding the lock, and transactions on it. */
  public record LockedSession(DatabaseClient db, TransactionalOperator transactions) {}

  private final String name;
  private final ConnectionFactory connections;
  private final String lockSql;
  private final String lockParameter;
  private final Object lockValue;
  private final Duration interval;
  private final Scheduler scheduler;
  private final AtomicBoolean lockHeld = new AtomicBoolean();

  /**
   * @param name what the loop is, for its log lines
   * @param lockSql a query answering one boolean column {@code locked} (e.g. {@code SELECT
   *     pg_try_advisory_lock(:key) AS locked}) with one parameter
   * @param lockParameter that parameter's name, and {@code lockValue} its value
   * @param interval the pause between steps that ask for none, and between a standby's tries
   */
  public AdvisoryLockLoop(
      String name,
      ConnectionFactory connections,
      String lockSql,
      String lockParameter,
      Object lockValue,
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
  public boolean holdsLock() {
    return lockHeld.get();
  }

  /**
   * Starts the loop. {@code step} answers whether to run again at once (more work waits) rather
   * than after the interval; an error ends the lock session, which {@code onSessionError} hears of
   * (the database went away, say) before the next attempt on a new connection.
   */
  public Disposable start(
      Function<LockedSession, Mono<Boolean>> step, Consumer<Throwable> onSessionError) {
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
   * Runs {@code step} once under the lock, on a connection of its own that is closed afterwards;
   * empty, without running it, if another instance (or this one's loop) holds the lock.
   */
  public <T> Mono<T> once(Function<LockedSession, Mono<T>> step) {
    return Mono.usingWhen(
        Mono.from(dedicatedConnections().create()),
        connection -> {
          LockedSession session = session(connection);
          return tryLock(session).filter(Boolean::booleanValue).flatMap(l -> step.apply(session));
        },
        this::release);
  }

  /**
   * On a dedicated connection: tries the lock every interval until it gets it, then runs the step
   * for as long as the connection lives. The lock goes with the connection.
   */
  private Mono<Void> lockSession(Function<LockedSession, Mono<Boolean>> step) {
    return Mono.usingWhen(
        Mono.from(dedicatedConnections().create()),
        connection -> {
          LockedSession session = session(connection);
          return Mono.defer(() -> tryLock(session))
              .flatMap(
                  locked ->
                      locked ? runLocked(step, session) : Mono.delay(interval, scheduler).then())
              .repeat()
              .then();
        },
        this::release);
  }

  private LockedSession session(Connection connection) {
    SingleConnectionFactory single =
        new SingleConnectionFactory(connection, connections.getMetadata(), true);
    return new LockedSession(
        DatabaseClient.create(single),
        TransactionalOperator.create(new R2dbcTransactionManager(single)));
  }

  private Mono<Boolean> tryLock(LockedSession session) {
    return session
        .db()
        .sql(lockSql)
        .bind(lockParameter, lockValue)
        .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
        .one();
  }

  private Mono<Void> release(Connection connection) {
    return Mono.from(connection.createStatement("SELECT pg_advisory_unlock_all()").execute())
        .onErrorResume(error -> Mono.empty())
        .then(Mono.from(connection.close()));
  }

  /** The pool's underlying factory, so the lock's connection is really closed, not pooled. */
  private ConnectionFactory dedicatedConnections() {
    if (connections instanceof io.r2dbc.spi.Wrapped<?> wrapped
        && wrapped.unwrap() instanceof ConnectionFactory direct) {
      return direct;
    }
    return connections;
  }

  /** Steps for as long as the session lives; never completes on its own. */
  private Mono<Void> runLocked(Function<LockedSession, Mono<Boolean>> step, LockedSession session) {
    LOG.info("{} holds its lock and starts", name);
    lockHeld.set(true);
    return Mono.defer(() -> step.apply(session))
        .flatMap(again -> again ? Mono.<Void>empty() : Mono.delay(interval, scheduler).then())
        .repeat()
        .doFinally(signal -> lockHeld.set(false))
        .then();
  }
}
