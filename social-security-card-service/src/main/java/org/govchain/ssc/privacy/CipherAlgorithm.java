package org.govchain.ssc.privacy;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import org.govchain.anchor.crypto.BouncyCastle;

/**
 * The authenticated encryption a {@link PersonalDataCipher} uses, and the byte naming it in every
 * sealed value.
 */
public enum CipherAlgorithm {
  /** AES-256-GCM through the JDK's own provider: the default. */
  AES_GCM((byte) 1, 32, "AES"),
  /** SM4-GCM (GB/T 32907) through BouncyCastle, 128-bit keys: for 密评 (GM/T 0054) deployments. */
  SM4_GCM((byte) 2, 16, "SM4");

  private final byte id;
  private final int keyLength;
  private final String keyAlgorithm;

  CipherAlgorithm(byte id, int keyLength, String keyAlgorithm) {
    this.id = id;
    this.keyLength = keyLength;
    this.keyAlgorithm = keyAlgorithm;
  }

  /** The key length in bytes: 32 for AES-256, 16 for SM4. */
  public int keyLength() {
    return keyLength;
  }

  byte id() {
    return id;
  }

  String keyAlgorithm() {
    return keyAlgorithm;
  }

  /** The algorithm whose byte is {@code id}, or {@code null} if none is. */
  static CipherAlgorithm ofId(byte id) {
    for (CipherAlgorithm algorithm : values()) {
      if (algorithm.id == id) {
        return algorithm;
      }
    }
    return null;
  }

  /** A fresh cipher object (they are not thread-safe, so one per operation). */
  Cipher newCipher() {
    try {
      return switch (this) {
        case AES_GCM -> Cipher.getInstance("AES/GCM/NoPadding");
        case SM4_GCM -> Cipher.getInstance("SM4/GCM/NoPadding", BouncyCastle.PROVIDER);
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(this + " is not available", e);
    }
  }
}
