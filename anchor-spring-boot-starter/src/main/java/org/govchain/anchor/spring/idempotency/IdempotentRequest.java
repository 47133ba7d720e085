package org.govchain.anchor.spring.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import org.govchain.anchor.canonical.Jcs;
import org.govchain.anchor.web.problem.ProblemException;

/**
 * A create request as {@link Idempotency} sees it: who asks ({@code caller}, the token's {@code
 * sub}: keys belong to their caller), the {@code Idempotency-Key} header (or {@code null}), the
 * operation, and the request's content, whose canonical JSON (RFC 8785) fingerprints it so that key
 * order and spacing do not matter.
 */
public record IdempotentRequest(
    String caller, String key, String operation, Map<String, ?> content) {

  /** The longest key accepted. */
  public static final int MAX_KEY_LENGTH = 200;

  /**
   * @throws ProblemException 422 {@code invalid-request} when a key is given but blank, longer than
   *     {@value #MAX_KEY_LENGTH} characters or not printable ASCII
   */
  public IdempotentRequest {
    if (caller == null || caller.isBlank()) {
      throw new IllegalArgumentException("an idempotent request needs its caller");
    }
    if (key != null && !wellFormed(key)) {
      throw ProblemException.invalidField(
          "Idempotency-Key", "1.." + MAX_KEY_LENGTH + " printable ASCII characters");
    }
    content = Map.copyOf(content);
  }

  private static boolean wellFormed(String key) {
    return !key.isBlank()
        && key.length() <= MAX_KEY_LENGTH
        && key.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  /** SHA-256 of the canonical JSON of the operation and the content. */
  public byte[] fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(Jcs.serialize(Map.of("operation", operation, "request", content)));
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
