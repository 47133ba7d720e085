package org.govchain.seal.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.govchain.anchor.crypto.BouncyCastle;

/**
 * Encrypts seal private keys at rest: AES-256-GCM over the PKCS#8 encoding, under a key-encryption
 * key (KEK) from configuration, a random 96-bit nonce, and the seal id as additional authenticated
 * data (so a blob cannot be moved to another seal).
 *
 * <p>Blob layout: version byte {@code 1} ‖ KEK id (first 8 bytes of SHA-256 of the KEK) ‖ nonce
 * (12) ‖ ciphertext with 16-byte tag. The AAD is version ‖ KEK id ‖ the seal id's text form.
 */
public final class PrivateKeyCipher {
  private static final byte VERSION = 1;
  private static final int KEK_ID_LENGTH = 8;
  private static final int NONCE_LENGTH = 12;
  private static final int TAG_BITS = 128;
  private static final int HEADER = 1 + KEK_ID_LENGTH + NONCE_LENGTH;

  private final SecretKeySpec kek;
  private final byte[] kekId;
  private final SecureRandom random;

  private PrivateKeyCipher(byte[] kek, SecureRandom random) {
    this.kek = new SecretKeySpec(kek, "AES");
    this.kekId = kekId(kek);
    this.random = random;
  }

  /**
   * A cipher for the given key-encryption key.
   *
   * <p>Precondition: {@code kek} is 32 bytes (AES-256).
   */
  public static PrivateKeyCipher withKek(byte[] kek, SecureRandom random) {
    if (kek.length != 32) {
      throw new IllegalArgumentException("the KEK must be 32 bytes, was " + kek.length);
    }
    return new PrivateKeyCipher(kek.clone(), random);
  }

  /** The KEK id written into every blob (hex), to tell a wrong KEK from tampering. */
  public String kekId() {
    return HexFormat.of().formatHex(kekId);
  }

  /** Encrypts the private key of seal {@code sealId}. */
  public byte[] encrypt(UUID sealId, PrivateKey key) {
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(kekId, sealId));
      byte[] ciphertext = cipher.doFinal(key.getEncoded());
      return ByteBuffer.allocate(HEADER + ciphertext.length)
          .put(VERSION)
          .put(kekId)
          .put(nonce)
          .put(ciphertext)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * Decrypts the private key of seal {@code sealId}.
   *
   * @throws PrivateKeyDecryptionException if the blob was made under another KEK, for another seal,
   *     is malformed, or has been altered
   */
  public PrivateKey decrypt(UUID sealId, byte[] blob) {
    if (blob.length < HEADER + TAG_BITS / 8 || blob[0] != VERSION) {
      throw new PrivateKeyDecryptionException(
          sealId,
          PrivateKeyDecryptionException.Problem.MALFORMED,
          "version 1 blob",
          blob.length + " bytes");
    }
    byte[] blobKekId = Arrays.copyOfRange(blob, 1, 1 + KEK_ID_LENGTH);
    if (!MessageDigest.isEqual(blobKekId, kekId)) {
      throw new PrivateKeyDecryptionException(
          sealId,
          PrivateKeyDecryptionException.Problem.WRONG_KEK,
          kekId(),
          HexFormat.of().formatHex(blobKekId));
    }
    byte[] nonce = Arrays.copyOfRange(blob, 1 + KEK_ID_LENGTH, HEADER);
    byte[] pkcs8;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(kekId, sealId));
      pkcs8 = cipher.doFinal(blob, HEADER, blob.length - HEADER);
    } catch (AEADBadTagException e) {
      throw new PrivateKeyDecryptionException(
          sealId,
          PrivateKeyDecryptionException.Problem.TAMPERED,
          "authentic ciphertext for seal " + sealId,
          "GCM tag mismatch");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
    try {
      return KeyFactory.getInstance("EC", BouncyCastle.PROVIDER)
          .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new PrivateKeyDecryptionException(
          sealId, PrivateKeyDecryptionException.Problem.MALFORMED, "PKCS#8 EC key", e.getMessage());
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  private static byte[] aad(byte[] kekId, UUID sealId) {
    byte[] id = sealId.toString().getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(1 + kekId.length + id.length)
        .put(VERSION)
        .put(kekId)
        .put(id)
        .array();
  }

  private static byte[] kekId(byte[] kek) {
    try {
      return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(kek), KEK_ID_LENGTH);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
