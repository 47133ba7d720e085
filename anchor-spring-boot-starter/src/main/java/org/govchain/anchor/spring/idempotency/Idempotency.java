package org.govchain.anchor.spring.idempotency;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * {@code Idempotency-Key} for creating {@code POST}s (DESIGN §4), behind one call: the first
 * request with a key runs and its answer is kept in the same transaction as its writes; a repeat by
 * the same caller with the same content gets that answer again, with other content a 422 {@code
 * idempotency-key-reused}. Keys belong to their caller (the token's {@code sub}): another caller's
 * equal key is a different key, and learns nothing about the first. Two concurrent first requests
 * with one key: one runs, the other gets its answer.
 */
public final class Idempotency {

  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final Clock clock;

  public Idempotency(DatabaseClient db, TransactionalOperator tx, Clock clock) {
    this.db = db;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Runs {@code work} — the whole write, answering the response to keep — unless {@code request}'s
   * caller already used its key; without a key, just runs it.
   */
  public Mono<StoredResponse> once(IdempotentRequest request, Mono<StoredResponse> work) {
    if (request.key() == null) {
      return work;
    }
    byte[] fingerprint = request.fingerprint();
    return replay(request, fingerprint)
        .switchIfEmpty(
            Mono.defer(
                () ->
                    work.flatMap(r -> remember(request, fingerprint, r).thenReturn(r))
                        .as(tx::transactional)
                        // a concurrent request with the same key won the insert: answer what it
                        // stored; any other integrity failure (nothing stored) is this request's
                        .onErrorResume(
                            DataIntegrityViolationException.class,
                            e -> replay(request, fingerprint).switchIfEmpty(Mono.error(e)))));
  }

  private Mono<StoredResponse> replay(IdempotentRequest request, byte[] fingerprint) {
    return db.sql(
            "SELECT request_sha256, status, location, body FROM govchain_idempotency"
                + " WHERE caller = :caller AND idempotency_key = :key")
        .bind("caller", request.caller())
        .bind("key", request.key())
        .map(
            row ->
                new Stored(
                    row.get("request_sha256", byte[].class),
                    new StoredResponse(
                        row.get("status", Integer.class),
                        row.get("location", String.class),
                        row.get("body", String.class))))
        .one()
        .flatMap(
            found ->
                MessageDigest.isEqual(found.fingerprint(), fingerprint)
                    ? Mono.just(found.response())
                    : Mono.error(
                        new ProblemException(
                            IdempotencyProblem.KEY_REUSED,
                            "this Idempotency-Key was used with a different request",
                            Map.of("idempotencyKey", request.key()))));
  }

  private Mono<Void> remember(
      IdempotentRequest request, byte[] fingerprint, StoredResponse response) {
    DatabaseClient.GenericExecuteSpec spec =
        db.sql(
                "INSERT INTO govchain_idempotency (caller, idempotency_key, operation,"
                    + " request_sha256, status, location, body, created_at) VALUES (:caller, :key,"
                    + " :operation, :hash, :status, :location, :body, :now)")
            .bind("caller", request.caller())
            .bind("key", request.key())
            .bind("operation", request.operation())
            .bind("hash", fingerprint)
            .bind("status", response.status())
            .bind("body", response.body())
            .bind("now", Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
    spec =
        response.location() == null
            ? spec.bindNull("location", String.class)
            : spec.bind("location", response.location());
    return spec.then();
  }

  private record Stored(byte[] fingerprint, StoredResponse response) {}
}
