package org.govchain.anchor.spring.log;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed references: how a log envelope names what it must not carry in clear — a person (the token
 * subject who acted, a citizen's identifiers) or free text a person typed. Every proof bundle is
 * public (docs/proof-bundle.md, "What a bundle discloses"), so such a value appears only as {@code
 * <purpose>:<reference>}, where the reference is HMAC-SHA-256 under the service's log reference key
 * ({@code govchain.log.reference-key}) over {@code "govchain.log-ref.v1" ‖ 0x00 ‖ purpose ‖ 0x00 ‖
 * value} (UTF-8), in unpadded base64url (43 characters).
 *
 * <p>Keyed, not salted: a staff member's user name or a reason such as "lost" is one of few
 * candidates, and anyone holding an unkeyed hash would try them all. Within a service the same
 * value and purpose always give the same reference (an auditor sees that one clerk prepared two
 * vouchers, or prepared and reviewed one), across purposes and services never (each service has its
 * own key). Whoever holds the key — the service, for the roles that may read the clear value — can
 * show that a clear value is the one referenced.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class LogReferences {

  /** The purpose of a token subject who acted: a clerk, an auditor, a service point. */
  public static final String STAFF = "staff";

  /** The purpose of a reason a person typed (a revocation's, a cancellation's, a reopening's). */
  public static final String REASON = "reason";

  /** The key's least length: the MAC's own output length. */
  public static final int MIN_KEY_BYTES = 32;

  /**
   * DEV-ONLY: the published development key, base64 of the ASCII text {@code
   * DEV-ONLY:govchain-log-reference-key:0}, used when none is configured outside the {@code prod}
   * profile. Anyone can compute references under it; {@code prod} refuses it.
   */
  public static final String DEV_KEY =
      Base64.getEncoder()
          .encodeToString(
              "DEV-ONLY:govchain-log-reference-key:0".getBytes(StandardCharsets.US_ASCII));

  /** Separates these MACs from any other use of the same key. */
  static final String DOMAIN = "govchain.log-ref.v1";

  private static final String ALGORITHM = "HmacSHA256";
  private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;

  /**
   * References under {@code key}, which is copied.
   *
   * @throws IllegalArgumentException if the key is shorter than {@value #MIN_KEY_BYTES} bytes
   */
  public LogReferences(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "a log reference key must be at least " + MIN_KEY_BYTES + " bytes, was " + key.length);
    }
    this.key = new SecretKeySpec(key, ALGORITHM);
    newMac(); // fails now, not at the first event, if the platform lacks the MAC
  }

  /**
   * References under a key given as standard base64 (surrounding whitespace ignored).
   *
   * @throws IllegalArgumentException if the text is not base64 (never quoted) or the key too short
   */
  public static LogReferences fromBase64(String base64Key) {
    Objects.requireNonNull(base64Key, "base64Key");
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      // not chained: the decoder's message quotes a character of the key
      throw new IllegalArgumentException("a log reference key must be standard base64");
    }
    try {
      return new LogReferences(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * {@code <purpose>:<reference>} for {@code value}.
   *
   * @param purpose what the value is ({@link #STAFF}, {@link #REASON}, a service's own such as
   *     {@code card-number}): a lower-case letter, then up to 31 lower-case letters, digits or
   *     {@code -}
   * @return the reference, or {@code null} for a {@code null} value (an absent optional field)
   * @throws IllegalArgumentException if the purpose is malformed or the value holds an unpaired
   *     surrogate (no UTF-8 spelling, and no canonical JSON either)
   */
  public String of(String purpose, String value) {
    Objects.requireNonNull(purpose, "purpose");
    if (!PURPOSE.matcher(purpose).matches()) {
      throw new IllegalArgumentException(
          "a reference purpose is a lower-case letter, then up to 31 lower-case letters, digits or"
              + " '-'");
    }
    if (value == null) {
      return null;
    }
    byte[] clear = utf8(value);
    try {
      Mac mac = newMac();
      mac.update(DOMAIN.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) 0);
      mac.update(purpose.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) 0);
      mac.update(clear);
      return purpose + ":" + BASE64URL.encodeToString(mac.doFinal());
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /** {@link #of} for the token subject who acted. */
  public String staff(String subject) {
    return of(STAFF, subject);
  }

  /** {@link #of} for a reason a person typed. */
  public String reason(String text) {
    return of(REASON, text);
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "LogReferences[" + ALGORITHM + "]";
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available or refuses the key", e);
    }
  }

  private static byte[] utf8(String value) {
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(value));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("a referenced value must be well-formed UTF-16");
    }
  }
}
