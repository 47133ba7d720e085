package org.govchain.ssc.qr;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Issues signed QR payloads for cards with the service's QR key pair. */
public final class QrIssuer {
  /** How long a payload is valid unless said otherwise. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofSeconds(60);

  /**
   * The longest validity allowed: a dynamic code is short-lived, and its token id has to be
   * remembered (for single use) until it expires.
   */
  public static final Duration MAX_VALIDITY = Duration.ofHours(1);

  private final QrKeys keys;

  public QrIssuer(QrKeys keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /**
   * A fresh payload for the card with a random token id, issued at {@code now} truncated to the
   * second and expiring {@code validity} later.
   *
   * @param validity whole seconds, 1 s to {@link #MAX_VALIDITY}
   * @param random the source of the token id (and of SM2's signing nonce)
   * @throws IllegalArgumentException if the validity is out of range or {@code now} is before 1970
   */
  public QrPayload issue(UUID cardId, Instant now, Duration validity, SecureRandom random) {
    Objects.requireNonNull(cardId, "cardId");
    if (validity.isNegative()
        || validity.isZero()
        || validity.getNano() != 0
        || validity.compareTo(MAX_VALIDITY) > 0) {
      throw new IllegalArgumentException(
          "validity " + validity + " is not whole seconds from 1 s to " + MAX_VALIDITY);
    }
    long issuedAt = now.getEpochSecond();
    if (issuedAt < 0) {
      throw new IllegalArgumentException("now is before 1970: " + now);
    }
    long expiresAt = issuedAt + validity.getSeconds();
    byte[] tokenId = new byte[QrPayload.TOKEN_ID_LENGTH];
    random.nextBytes(tokenId);
    byte[] signed =
        QrPayload.signedBytes(keys.algorithm(), keys.keyId(), tokenId, cardId, issuedAt, expiresAt);
    return new QrPayload(
        QrPayload.VERSION,
        keys.algorithm(),
        keys.keyId(),
        tokenId,
        cardId,
        issuedAt,
        expiresAt,
        keys.sign(signed, random));
  }
}
