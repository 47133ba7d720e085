package org.govchain.ssc.qr;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * A signed QR payload: which card (by its internal id, no personal data), which single-use token,
 * when issued and until when valid, signed by the service.
 *
 * <p>{@link #encode()} gives base64url without padding (RFC 4648 §5) of this binary form, integers
 * big-endian, 114 bytes and so 152 characters for both algorithms:
 *
 * <pre>
 * offset length field
 *      0      1 version, 1
 *      1      1 algorithm code: 1 Ed25519, 2 SM2
 *      2      4 key id: first 4 bytes of SHA-256 of the signing public key's SubjectPublicKeyInfo
 *      6     16 token id: random, the single-use identity
 *     22     16 card id: UUID most significant 8 bytes, then least significant 8
 *     38      8 issuedAt: epoch seconds, signed
 *     46      4 lifetime: seconds, unsigned, at least 1; expiresAt = issuedAt + lifetime
 *     50     64 signature over bytes 0..49: Ed25519 (RFC 8032), or SM2 r‖s (32 bytes each)
 * </pre>
 *
 * <p>152 characters is exactly what a QR code of version 8 (49×49 modules) holds in byte mode at
 * error correction M; one byte more would need version 9.
 *
 * @param version the layout version, {@value #VERSION}
 * @param keyId the signing key's id, 8 lowercase hex digits
 * @param tokenId 16 random bytes; a payload is used once by this id
 * @param issuedAt epoch seconds, at least 0
 * @param expiresAt epoch seconds, 1 to 2³²−1 seconds after issuedAt
 * @param signature 64 bytes over bytes 0..49 of the binary form
 */
public record QrPayload(
    int version,
    QrSignatureAlgorithm algorithm,
    String keyId,
    byte[] tokenId,
    UUID cardId,
    long issuedAt,
    long expiresAt,
    byte[] signature) {

  /** The only layout so far. */
  public static final int VERSION = 1;

  static final int TOKEN_ID_LENGTH = 16;
  static final int SIGNED_LENGTH = 50;
  static final int LENGTH = SIGNED_LENGTH + QrSignatureAlgorithm.SIGNATURE_LENGTH;
  static final long MAX_LIFETIME = 0xFFFF_FFFFL;

  /** The largest issuedAt or expiresAt an {@link Instant} can hold. */
  static final long MAX_EPOCH_SECOND = Instant.MAX.getEpochSecond();

  private static final HexFormat HEX = HexFormat.of();

  /**
   * Checks every field and copies the arrays.
   *
   * @throws IllegalArgumentException if a field does not fit the layout
   */
  public QrPayload {
    if (version != VERSION) {
      throw new IllegalArgumentException("unknown version " + version);
    }
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(cardId, "cardId");
    if (keyId == null || !keyId.matches("[0-9a-f]{8}")) {
      throw new IllegalArgumentException("a key id is 8 lowercase hex digits: " + keyId);
    }
    tokenId = copy(tokenId, TOKEN_ID_LENGTH, "tokenId");
    signature = copy(signature, QrSignatureAlgorithm.SIGNATURE_LENGTH, "signature");
    if (issuedAt < 0 || expiresAt > MAX_EPOCH_SECOND) {
      throw new IllegalArgumentException(
          "times out of range: issuedAt " + issuedAt + ", expiresAt " + expiresAt);
    }
    long lifetime = expiresAt - issuedAt;
    if (lifetime < 1 || lifetime > MAX_LIFETIME) {
      throw new IllegalArgumentException(
          "expiresAt " + expiresAt + " is not 1 to 2^32-1 seconds after issuedAt " + issuedAt);
    }
  }

  /** A copy. */
  @Override
  public byte[] tokenId() {
    return tokenId.clone();
  }

  /** A copy. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The token id as 32 lowercase hex digits, for logs and stores that want text. */
  public String tokenIdHex() {
    return HEX.formatHex(tokenId);
  }

  public Instant issuedAtInstant() {
    return Instant.ofEpochSecond(issuedAt);
  }

  public Instant expiresAtInstant() {
    return Instant.ofEpochSecond(expiresAt);
  }

  /** The text for the QR code: base64url of the binary form, no padding (see the class doc). */
  public String encode() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(toBytes());
  }

  /** The binary form: the signed bytes, then the signature. */
  byte[] toBytes() {
    return ByteBuffer.allocate(LENGTH).put(signedBytes()).put(signature).array();
  }

  /** Bytes 0..49 of the binary form, the ones the signature covers. */
  byte[] signedBytes() {
    return signedBytes(algorithm, keyId, tokenId, cardId, issuedAt, expiresAt);
  }

  /** The signed bytes of a payload with these fields, before it has a signature. */
  static byte[] signedBytes(
      QrSignatureAlgorithm algorithm,
      String keyId,
      byte[] tokenId,
      UUID cardId,
      long issuedAt,
      long expiresAt) {
    return ByteBuffer.allocate(SIGNED_LENGTH)
        .put((byte) VERSION)
        .put((byte) algorithm.code())
        .put(HEX.parseHex(keyId))
        .put(tokenId)
        .putLong(cardId.getMostSignificantBits())
        .putLong(cardId.getLeastSignificantBits())
        .putLong(issuedAt)
        .putInt((int) (expiresAt - issuedAt))
        .array();
  }

  private static byte[] copy(byte[] bytes, int length, String name) {
    Objects.requireNonNull(bytes, name);
    if (bytes.length != length) {
      throw new IllegalArgumentException(name + " has " + bytes.length + " bytes, not " + length);
    }
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof QrPayload that
        && version == that.version
        && algorithm == that.algorithm
        && keyId.equals(that.keyId)
        && Arrays.equals(tokenId, that.tokenId)
        && cardId.equals(that.cardId)
        && issuedAt == that.issuedAt
        && expiresAt == that.expiresAt
        && Arrays.equals(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        version,
        algorithm,
        keyId,
        Arrays.hashCode(tokenId),
        cardId,
        issuedAt,
        expiresAt,
        Arrays.hashCode(signature));
  }

  /** The fields without the signature. */
  @Override
  public String toString() {
    return "QrPayload[v"
        + version
        + " "
        + algorithm
        + " key "
        + keyId
        + " token "
        + tokenIdHex()
        + " card "
        + cardId
        + " issuedAt "
        + issuedAt
        + " expiresAt "
        + expiresAt
        + "]";
  }
}
