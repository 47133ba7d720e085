package org.govchain.seal.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import org.govchain.anchor.canonical.Jcs;
import org.govchain.seal.problems.ProblemException;
import org.govchain.seal.problems.ProblemType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the first response to each {@code Idempotency-Key} (DESIGN §4): a repeat with the same
 * request gets it again, a repeat with a different request is refused (422).
 */
@Component
public class IdempotencyStore {

  private final DatabaseClient db;

  IdempotencyStore(DatabaseClient db) {
    this.db = db;
  }

  /** The response stored for a key. */
  public record StoredResponse(int status, String location, String body) {}

  /** SHA-256 of the request's canonical JSON (RFC 8785), so key order and spacing do not matter. */
  public static byte[] fingerprint(String operation, Map<String, ?> request) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(Jcs.serialize(Map.of("operation", operation, "request", request)));
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The stored response for {@code key}, or empty if the key is new.
   *
   * @return {@link ProblemType#IDEMPOTENCY_KEY_REUSED} if the key was used with another request
   */
  public Mono<StoredResponse> replay(String key, byte[] fingerprint) {
    return db.sql(
            "SELECT request_sha256, status, location, body FROM idempotency_record"
                + " WHERE idempotency_key = :key")
        .bind("key", key)
        .map(
            row ->
                new Object[] {
                  row.get("request_sha256", byte[].class),
                  new StoredResponse(
                      row.get("status", Integer.class),
                      row.get("location", String.class),
                      row.get("body", String.class))
                })
        .one()
        .flatMap(
            found ->
                MessageDigest.isEqual((byte[]) found[0], fingerprint)
                    ? Mono.just((StoredResponse) found[1])
                    : Mono.error(
                        new ProblemException(
                            ProblemType.IDEMPOTENCY_KEY_REUSED,
                            "this Idempotency-Key was used with a different request",
                            Map.of("idempotencyKey", key))));
  }

  /** Stores the first response; call inside the transaction that makes it. */
  public Mono<Void> remember(
      String key, String operation, byte[] fingerprint, StoredResponse response, Instant now) {
    DatabaseClient.GenericExecuteSpec spec =
        db.sql(
                "INSERT INTO idempotency_record (idempotency_key, operation, request_sha256, status,"
                    + " location, body, created_at) VALUES (:key, :operation, :hash, :status,"
                    + " :location, :body, :now)")
            .bind("key", key)
            .bind("operation", operation)
            .bind("hash", fingerprint)
            .bind("status", response.status())
            .bind("body", response.body())
            .bind("now", now);
    spec =
        response.location() == null
            ? spec.bindNull("location", String.class)
            : spec.bind("location", response.location());
    return spec.then();
  }
}
