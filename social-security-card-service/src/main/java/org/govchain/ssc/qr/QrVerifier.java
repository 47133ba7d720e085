package org.govchain.ssc.qr;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks scanned QR payload texts against the public keys it knows by key id; during a key rotation
 * it knows the old key as well as the new, until the old one is removed. It never throws on what it
 * is given to verify: anything not issued by a known key is {@link Verification.Forged}. Whether
 * the token id was already used is for the caller's store to decide.
 */
public final class QrVerifier {
  /** How far in the future a payload's issuedAt may be: the issuer's clock may run ahead. */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  private static final int ENCODED_LENGTH = (QrPayload.LENGTH * 4 + 2) / 3;
  private static final HexFormat HEX = HexFormat.of();

  private final Map<String, QrPublicKey> keys;

  /**
   * A verifier accepting payloads signed by any of these keys.
   *
   * @throws IllegalArgumentException if there is no key, or two different keys share a key id
   */
  public QrVerifier(Collection<QrPublicKey> keys) {
    Map<String, QrPublicKey> byId = new LinkedHashMap<>();
    for (QrPublicKey key : keys) {
      QrPublicKey before = byId.putIfAbsent(key.keyId(), Objects.requireNonNull(key));
      if (before != null && !before.equals(key)) {
        throw new IllegalArgumentException("two keys with key id " + key.keyId());
      }
    }
    if (byId.isEmpty()) {
      throw new IllegalArgumentException("a verifier needs at least one key");
    }
    this.keys = Map.copyOf(byId);
  }

  /** A verifier accepting payloads signed by any of these keys. */
  public static QrVerifier of(QrPublicKey... keys) {
    return new QrVerifier(List.of(keys));
  }

  /** The ids of the keys accepted. */
  public Set<String> keyIds() {
    return keys.keySet();
  }

  /**
   * The verdict on a scanned text at {@code now}: {@link Verification.Forged} unless it is a
   * well-formed payload signed by a known key and issued no more than {@link #CLOCK_SKEW} after
   * {@code now}; then {@link Verification.Expired} if {@code now} is at or after its expiresAt,
   * else {@link Verification.Valid}.
   *
   * @param text the scanned text, exactly as {@link QrPayload#encode()} gave it
   */
  public Verification verify(String text, Instant now) {
    Objects.requireNonNull(now, "now");
    if (text == null || text.isEmpty()) {
      return new Verification.Forged("no text");
    }
    if (text.length() != ENCODED_LENGTH) {
      return new Verification.Forged(text.length() + " characters, expected " + ENCODED_LENGTH);
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return new Verification.Forged("not base64url");
    }
    if (bytes.length != QrPayload.LENGTH) {
      return new Verification.Forged(
          bytes.length + " bytes, expected " + QrPayload.LENGTH + " (padded base64?)");
    }
    return verify(bytes, now);
  }

  private Verification verify(byte[] bytes, Instant now) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int version = Byte.toUnsignedInt(in.get());
    if (version != QrPayload.VERSION) {
      return new Verification.Forged("unknown version " + version);
    }
    int code = Byte.toUnsignedInt(in.get());
    Optional<QrSignatureAlgorithm> algorithm = QrSignatureAlgorithm.ofCode(code);
    if (algorithm.isEmpty()) {
      return new Verification.Forged("unknown algorithm " + code);
    }
    String keyId = HEX.formatHex(next(in, 4));
    QrPublicKey key = keys.get(keyId);
    if (key == null) {
      return new Verification.Forged("unknown key id " + keyId);
    }
    if (key.algorithm() != algorithm.get()) {
      return new Verification.Forged(
          "key " + keyId + " is " + key.algorithm() + ", the payload says " + algorithm.get());
    }
    byte[] tokenId = next(in, QrPayload.TOKEN_ID_LENGTH);
    UUID cardId = new UUID(in.getLong(), in.getLong());
    long issuedAt = in.getLong();
    long lifetime = Integer.toUnsignedLong(in.getInt());
    if (issuedAt < 0 || issuedAt > QrPayload.MAX_EPOCH_SECOND - lifetime || lifetime == 0) {
      return new Verification.Forged(
          "times out of range: issuedAt " + issuedAt + ", lifetime " + lifetime);
    }
    byte[] signature = next(in, QrSignatureAlgorithm.SIGNATURE_LENGTH);
    QrPayload payload =
        new QrPayload(
            version,
            key.algorithm(),
            keyId,
            tokenId,
            cardId,
            issuedAt,
            issuedAt + lifetime,
            signature);
    if (!key.verifies(payload.signedBytes(), signature)) {
      return new Verification.Forged("bad signature for key " + keyId);
    }
    if (issuedAt > now.getEpochSecond() + CLOCK_SKEW.getSeconds()) {
      return new Verification.Forged(
          "issued at " + issuedAt + ", more than " + CLOCK_SKEW + " after now " + now);
    }
    if (now.getEpochSecond() >= payload.expiresAt()) {
      return new Verification.Expired(payload);
    }
    return new Verification.Valid(payload);
  }

  private static byte[] next(ByteBuffer in, int length) {
    byte[] bytes = new byte[length];
    in.get(bytes);
    return bytes;
  }

  @Override
  public String toString() {
    return "QrVerifier" + keys.values();
  }

  /** What a scanned text turned out to be. */
  public sealed interface Verification {

    /** Issued by a known key and not expired; the caller still has to check single use. */
    record Valid(QrPayload payload) implements Verification {}

    /** Issued by a known key but expired: the holder should show a fresh code. */
    record Expired(QrPayload payload) implements Verification {}

    /**
     * Not a payload a known key issued, or issued in the future; {@code why} says which check
     * failed and never repeats the text.
     */
    record Forged(String why) implements Verification {}
  }
}
