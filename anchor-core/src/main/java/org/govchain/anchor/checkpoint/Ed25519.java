package org.govchain.anchor.checkpoint;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Ed25519 (RFC 8032) over raw 32-byte keys, with BouncyCastle's implementation: the JDK's provider
 * cannot derive a public key from a seed, and spends several times the CPU per signature (a
 * checkpoint is signed, and its note verified, for every sequenced batch of every log). Signatures
 * are deterministic, so either gives the same bytes (the documented notes in the tests pin them).
 */
final class Ed25519 {

  static final int KEY_BYTES = 32;
  static final int SIGNATURE_BYTES = 64;

  private static final int PURE = org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519;

  private Ed25519() {}

  /** The 32-byte public key of a 32-byte private key seed. */
  static byte[] publicKeyOf(byte[] seed) {
    requireLength(seed, KEY_BYTES, "seed");
    return new Ed25519PrivateKeyParameters(seed).generatePublicKey().getEncoded();
  }

  /** Signs {@code message} with the key of {@code seed}; deterministic, as RFC 8032 defines. */
  static byte[] sign(byte[] seed, byte[] message) {
    requireLength(seed, KEY_BYTES, "seed");
    byte[] signature = new byte[SIGNATURE_BYTES];
    new Ed25519PrivateKeyParameters(seed)
        .sign(PURE, null, message, 0, message.length, signature, 0);
    return signature;
  }

  /**
   * Whether {@code signature} is a valid signature of {@code message} by {@code publicKey}: false,
   * never an exception, for a key that is not a point or a signature that is not 64 bytes, whose R
   * is not a point or whose S is not below the group order.
   */
  static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (signature.length != SIGNATURE_BYTES || publicKey.length != KEY_BYTES) {
      return false;
    }
    Ed25519PublicKeyParameters key;
    try {
      key = new Ed25519PublicKeyParameters(publicKey);
    } catch (IllegalArgumentException notAPoint) {
      return false;
    }
    return key.verify(PURE, null, message, 0, message.length, signature, 0);
  }

  static void requireLength(byte[] bytes, int length, String what) {
    if (bytes.length != length) {
      throw new IllegalArgumentException(what + " must be " + length + " bytes: " + bytes.length);
    }
  }
}
