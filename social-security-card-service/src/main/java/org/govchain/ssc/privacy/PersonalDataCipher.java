package org.govchain.ssc.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.govchain.ssc.privacy.PersonalDataUnreadableException.Problem;

/**
 * Encrypts citizens' personal data at rest (ID numbers, names, phones, bank accounts):
 * authenticated encryption of short strings under named keys, so the active key can rotate while
 * values sealed under older keys still decrypt.
 *
 * <p>Sealed layout, self-describing so that {@link #decrypt} finds its algorithm and key in it:
 *
 * <pre>
 * version (1 byte: 1) ‖ algorithm (1 byte: 1 AES-256-GCM, 2 SM4-GCM) ‖ key id length (1 byte: 1–32)
 *   ‖ key id (ASCII [A-Za-z0-9._-]) ‖ nonce (12 random bytes) ‖ ciphertext ‖ GCM tag (16 bytes)
 * </pre>
 *
 * <p>The additional authenticated data is the header (version ‖ algorithm ‖ key id length ‖ key id)
 * followed by the context's UTF-8 bytes, e.g. {@code card:<uuid>:id-number}: a value copied to
 * another row or column, or whose header was edited, fails to decrypt. The header carries its own
 * length, so header ‖ context is unambiguous. The plaintext is UTF-8.
 *
 * <p>Nonces are random, so one key must seal well under 2<sup>32</sup> values (NIST SP 800-38D
 * §8.3); rotate long before that. Instances are immutable and thread-safe.
 */
public final class PersonalDataCipher {
  private static final byte VERSION = 1;
  private static final int NONCE_LENGTH = 12;
  private static final int TAG_BITS = 128;
  private static final int TAG_LENGTH = TAG_BITS / 8;
  private static final int MAX_KEY_ID_LENGTH = 32;
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

  private final CipherAlgorithm algorithm;
  private final Map<String, SecretKeySpec> keys;
  private final String activeKeyId;
  private final byte[] activeHeader;
  private final SecureRandom random;

  /**
   * A cipher that seals under {@code activeKeyId} and opens values sealed under any of {@code
   * keys}.
   *
   * <p>Preconditions: at least one key; every key id 1–32 characters of {@code [A-Za-z0-9._-]};
   * every key {@link CipherAlgorithm#keyLength()} bytes; {@code activeKeyId} among the keys. The
   * key bytes are copied.
   *
   * @throws IllegalArgumentException if a precondition does not hold (the message never quotes a
   *     key)
   */
  public PersonalDataCipher(
      Map<String, byte[]> keys,
      String activeKeyId,
      CipherAlgorithm algorithm,
      SecureRandom random) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(activeKeyId, "activeKeyId");
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.random = Objects.requireNonNull(random, "random");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("at least one key is needed");
    }
    Map<String, SecretKeySpec> specs = new TreeMap<>();
    keys.forEach(
        (keyId, key) -> {
          requireValidKeyId(keyId);
          if (key == null || key.length != algorithm.keyLength()) {
            throw new IllegalArgumentException(
                "key "
                    + keyId
                    + " must be "
                    + algorithm.keyLength()
                    + " bytes for "
                    + algorithm
                    + ", was "
                    + (key == null ? "missing" : key.length));
          }
          specs.put(keyId, new SecretKeySpec(key, algorithm.keyAlgorithm()));
        });
    if (!specs.containsKey(activeKeyId)) {
      throw new IllegalArgumentException(
          "the active key " + activeKeyId + " is not among the keys " + specs.keySet());
    }
    this.keys = specs;
    this.activeKeyId = activeKeyId;
    this.activeHeader = header(algorithm, activeKeyId);
  }

  /**
   * A cipher from configuration, where keys are Base64 (standard alphabet, surrounding whitespace
   * ignored).
   *
   * @throws IllegalArgumentException as the constructor does, or if a value is not Base64 (the
   *     message names the key id only)
   */
  public static PersonalDataCipher fromBase64(
      Map<String, String> base64Keys,
      String activeKeyId,
      CipherAlgorithm algorithm,
      SecureRandom random) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    try {
      base64Keys.forEach((keyId, base64) -> keys.put(keyId, decodeKey(keyId, base64)));
      return new PersonalDataCipher(keys, activeKeyId, algorithm, random);
    } finally {
      keys.values().forEach(key -> Arrays.fill(key, (byte) 0));
    }
  }

  public CipherAlgorithm algorithm() {
    return algorithm;
  }

  /** The key new values are sealed under. */
  public String activeKeyId() {
    return activeKeyId;
  }

  /**
   * Seals {@code plaintext} for {@code context} (which row and column it belongs to) under the
   * active key, with a fresh random nonce.
   *
   * @return the sealed value, or {@code null} if {@code plaintext} is {@code null} (an absent
   *     optional field)
   * @throws IllegalArgumentException if the context is empty, or either string holds an unpaired
   *     surrogate
   */
  public byte[] encrypt(String plaintext, String context) {
    byte[] aadContext = contextBytes(context);
    if (plaintext == null) {
      return null;
    }
    byte[] clear = Utf8.encode(plaintext, "the plaintext");
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    try {
      Cipher cipher = algorithm.newCipher();
      cipher.init(
          Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(activeHeader);
      cipher.updateAAD(aadContext);
      byte[] ciphertext = cipher.doFinal(clear);
      return ByteBuffer.allocate(activeHeader.length + NONCE_LENGTH + ciphertext.length)
          .put(activeHeader)
          .put(nonce)
          .put(ciphertext)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /**
   * Opens a value sealed for {@code context}, under whichever of this cipher's keys its header
   * names (so values sealed before a rotation still open).
   *
   * @return the plaintext, or {@code null} if {@code sealed} is {@code null}
   * @throws PersonalDataUnreadableException if the value is malformed, of an unknown version or
   *     another algorithm, names a key this cipher lacks, or fails its tag (altered, or sealed for
   *     another context)
   */
  public String decrypt(byte[] sealed, String context) {
    byte[] aadContext = contextBytes(context);
    if (sealed == null) {
      return null;
    }
    Header header = Header.read(sealed);
    if (header.algorithm() != algorithm) {
      throw new PersonalDataUnreadableException(
          Problem.WRONG_ALGORITHM, header.keyId(), algorithm.name(), header.algorithm().name());
    }
    SecretKeySpec key = keys.get(header.keyId());
    if (key == null) {
      throw new PersonalDataUnreadableException(
          Problem.UNKNOWN_KEY, header.keyId(), "one of " + keys.keySet(), header.keyId());
    }
    byte[] clear;
    try {
      Cipher cipher = algorithm.newCipher();
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BITS, sealed, header.length(), NONCE_LENGTH));
      cipher.updateAAD(sealed, 0, header.length());
      cipher.updateAAD(aadContext);
      int body = header.length() + NONCE_LENGTH;
      clear = cipher.doFinal(sealed, body, sealed.length - body);
    } catch (AEADBadTagException e) {
      throw new PersonalDataUnreadableException(
          Problem.TAMPERED,
          header.keyId(),
          "authentic ciphertext for its context",
          algorithm + " tag mismatch");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
    try {
      return new String(clear, StandardCharsets.UTF_8);
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /**
   * The key id a sealed value names, to find the rows still under an old key after a rotation; the
   * value is not authenticated here.
   *
   * @return the key id, or {@code null} if {@code sealed} is {@code null}
   * @throws PersonalDataUnreadableException if the header is malformed or of an unknown version or
   *     algorithm
   */
  public String keyIdOf(byte[] sealed) {
    return sealed == null ? null : Header.read(sealed).keyId();
  }

  private static byte[] contextBytes(String context) {
    Objects.requireNonNull(context, "context");
    if (context.isEmpty()) {
      throw new IllegalArgumentException(
          "the context must name the value's row and column, e.g. card:<uuid>:id-number");
    }
    return Utf8.encode(context, "the context");
  }

  private static void requireValidKeyId(String keyId) {
    if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException(
          "key id " + keyId + " must be 1–32 characters of [A-Za-z0-9._-]");
    }
  }

  private static byte[] decodeKey(String keyId, String base64) {
    if (base64 == null) {
      throw new IllegalArgumentException("key " + keyId + " has no value");
    }
    try {
      return Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      // Not chained: the decoder's message quotes the offending character of the key.
      throw new IllegalArgumentException("key " + keyId + " is not Base64");
    }
  }

  private static byte[] header(CipherAlgorithm algorithm, String keyId) {
    byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(3 + id.length)
        .put(VERSION)
        .put(algorithm.id())
        .put((byte) id.length)
        .put(id)
        .array();
  }

  /** A sealed value's header, checked to be followed by at least a nonce and a tag. */
  private record Header(CipherAlgorithm algorithm, String keyId, int length) {
    static Header read(byte[] sealed) {
      if (sealed.length == 0) {
        throw malformed("a version byte", "0 bytes");
      }
      if (sealed[0] != VERSION) {
        throw new PersonalDataUnreadableException(
            Problem.UNKNOWN_VERSION, null, "version " + VERSION, "version " + (sealed[0] & 0xff));
      }
      if (sealed.length < 3) {
        throw malformed("a 3-byte header", sealed.length + " bytes");
      }
      CipherAlgorithm algorithm = CipherAlgorithm.ofId(sealed[1]);
      if (algorithm == null) {
        throw new PersonalDataUnreadableException(
            Problem.UNKNOWN_ALGORITHM,
            null,
            "one of " + Arrays.toString(CipherAlgorithm.values()),
            "algorithm byte " + (sealed[1] & 0xff));
      }
      int keyIdLength = sealed[2] & 0xff;
      if (keyIdLength < 1 || keyIdLength > MAX_KEY_ID_LENGTH) {
        throw malformed("a key id of 1–32 bytes", keyIdLength + " bytes");
      }
      int length = 3 + keyIdLength;
      if (sealed.length < length + NONCE_LENGTH + TAG_LENGTH) {
        throw malformed(
            "at least " + (length + NONCE_LENGTH + TAG_LENGTH) + " bytes",
            sealed.length + " bytes");
      }
      String keyId = new String(sealed, 3, keyIdLength, StandardCharsets.US_ASCII);
      if (!KEY_ID.matcher(keyId).matches()) {
        // Not quoted: these bytes are not a key id, and the message must say nothing of the data.
        throw malformed("a key id of [A-Za-z0-9._-]", "other bytes");
      }
      return new Header(algorithm, keyId, length);
    }

    private static PersonalDataUnreadableException malformed(String expected, String actual) {
      return new PersonalDataUnreadableException(Problem.MALFORMED, null, expected, actual);
    }
  }
}
