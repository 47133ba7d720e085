package org.govchain.seal.sealing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.govchain.anchor.crypto.BouncyCastle;
import org.govchain.seal.keys.SignatureAlgorithm;

/**
 * The hash of a document that is not a PDF, in the digest of the sealing algorithm: SHA-256 for
 * ECDSA seals, SM3 for SM2 seals (both 32 bytes, so the algorithm is always named).
 */
public record DocumentHash(SignatureAlgorithm algorithm, byte[] value) {
  public DocumentHash {
    Objects.requireNonNull(algorithm, "algorithm");
    value = value.clone();
    if (value.length != 32) {
      throw new IllegalArgumentException(
          algorithm.digestName() + " hashes have 32 bytes, this one has " + value.length);
    }
  }

  /** The hash a seal of {@code algorithm} signs for {@code document}. */
  public static DocumentHash of(SignatureAlgorithm algorithm, byte[] document) {
    return new DocumentHash(algorithm, digest(algorithm, document));
  }

  static byte[] digest(SignatureAlgorithm algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm.digestName(), BouncyCastle.PROVIDER).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm.digestName() + " is not available", e);
    }
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DocumentHash other
        && algorithm == other.algorithm
        && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm.hashCode() + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return algorithm.digestName() + ":" + HexFormat.of().formatHex(value);
  }
}
