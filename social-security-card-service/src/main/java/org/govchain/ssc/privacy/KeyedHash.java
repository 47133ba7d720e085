package org.govchain.ssc.privacy;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash of personal data, for look-ups (a search index on ID numbers) and for log envelopes,
 * where the clear value must never appear.
 *
 * <p>Keyed, not merely salted: an 18-digit ID number whose region and birth date are known leaves
 * only a 3-digit sequence number to guess (the check character follows), about a thousand
 * candidates; even knowing neither, every region code and a century of birth dates make about
 * 10<sup>11</sup>. Anyone holding an unkeyed or salted hash and its salt would recover the number
 * in moments; without the key, the HMAC cannot be computed at all.
 *
 * <p>Domain-separated: the MAC is over {@code purpose} (UTF-8) ‖ {@code 0x00} ‖ {@code value}
 * (UTF-8), so one ID number hashes differently for the search index ({@code search:id-number}) and
 * for the log ({@code log:id-number}), and a hash from one cannot be matched against the other. A
 * purpose must not contain {@code U+0000}, so the separator is unambiguous.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class KeyedHash {
  /** At least the output length of both MACs: a shorter key would weaken them. */
  public static final int MIN_KEY_LENGTH = 32;

  private final HashAlgorithm algorithm;
  private final SecretKeySpec key;

  /**
   * A keyed hash under {@code key}, which is copied.
   *
   * @throws IllegalArgumentException if the key is shorter than {@value #MIN_KEY_LENGTH} bytes
   */
  public KeyedHash(HashAlgorithm algorithm, byte[] key) {
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(key, "key");
    if (key.length < MIN_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "the "
              + algorithm
              + " key must be at least "
              + MIN_KEY_LENGTH
              + " bytes, was "
              + key.length);
    }
    this.key = new SecretKeySpec(key, algorithm.macName());
    newMac(); // fails now, not at the first look-up, if the algorithm or key is unusable
  }

  /**
   * A keyed hash from configuration, where the key is Base64 (standard alphabet, surrounding
   * whitespace ignored).
   *
   * @throws IllegalArgumentException if the value is not Base64 (not quoted) or the key too short
   */
  public static KeyedHash fromBase64(HashAlgorithm algorithm, String base64Key) {
    Objects.requireNonNull(base64Key, "base64Key");
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      // Not chained: the decoder's message quotes the offending character of the key.
      throw new IllegalArgumentException("the " + algorithm + " key is not Base64");
    }
    try {
      return new KeyedHash(algorithm, key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  public HashAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * The MAC of {@code value} for {@code purpose} (32 bytes).
   *
   * @param purpose what the hash is for, e.g. {@code search:id-number}; not empty, no {@code
   *     U+0000}
   * @return the MAC, or {@code null} if {@code value} is {@code null} (an absent optional field)
   * @throws IllegalArgumentException if the purpose is empty or holds {@code U+0000}, or either
   *     string holds an unpaired surrogate
   */
  public byte[] hash(String purpose, String value) {
    Objects.requireNonNull(purpose, "purpose");
    if (purpose.isEmpty() || purpose.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a purpose must be non-empty and free of U+0000");
    }
    if (value == null) {
      return null;
    }
    byte[] clear = Utf8.encode(value, "the value");
    try {
      Mac mac = newMac();
      mac.update(Utf8.encode(purpose, "the purpose"));
      mac.update((byte) 0);
      mac.update(clear);
      return mac.doFinal();
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /** {@link #hash} in lower-case hex (64 characters), or {@code null} for a {@code null} value. */
  public String hashHex(String purpose, String value) {
    byte[] hash = hash(purpose, value);
    return hash == null ? null : HexFormat.of().formatHex(hash);
  }

  private Mac newMac() {
    Mac mac = algorithm.newMac();
    try {
      mac.init(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " does not accept its key", e);
    }
    return mac;
  }
}
