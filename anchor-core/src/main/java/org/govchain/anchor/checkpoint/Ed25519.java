package org.govchain.anchor.checkpoint;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032) over raw 32-byte keys, signing and verifying with the JDK's provider.
 *
 * <p>The JDK takes a raw seed as a private key but cannot derive the public key from it, so {@link
 * #publicKeyOf} computes A = a·B itself (RFC 8032 §5.1.5) in extended coordinates; it runs once per
 * key load, so plain {@code BigInteger} arithmetic is fast enough.
 */
final class Ed25519 {

  static final int KEY_BYTES = 32;
  static final int SIGNATURE_BYTES = 64;

  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
  private static final BigInteger D =
      BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
  private static final BigInteger D2 = D.shiftLeft(1).mod(P);
  private static final BigInteger BASE_X =
      new BigInteger(
          "15112221349535400772501151409588531511454012693041857206046113283949847762202");
  private static final BigInteger BASE_Y =
      new BigInteger(
          "46316835694926478169428394003475163141307993866256225615783033603165251855960");

  private Ed25519() {}

  /** The 32-byte public key of a 32-byte private key seed. */
  static byte[] publicKeyOf(byte[] seed) {
    requireLength(seed, KEY_BYTES, "seed");
    byte[] h = sha512(seed);
    byte[] scalarBytes = Arrays.copyOf(h, KEY_BYTES);
    scalarBytes[0] &= (byte) 248;
    scalarBytes[31] &= 127;
    scalarBytes[31] |= 64;
    BigInteger scalar = new BigInteger(1, reverse(scalarBytes));

    BigInteger[] result = {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
    BigInteger[] base = {BASE_X, BASE_Y, BigInteger.ONE, BASE_X.multiply(BASE_Y).mod(P)};
    for (int bit = scalar.bitLength() - 1; bit >= 0; bit--) {
      result = add(result, result);
      if (scalar.testBit(bit)) {
        result = add(result, base);
      }
    }
    BigInteger zInverse = result[2].modInverse(P);
    BigInteger x = result[0].multiply(zInverse).mod(P);
    BigInteger y = result[1].multiply(zInverse).mod(P);
    byte[] encoded = reverse(toFixed(y));
    if (x.testBit(0)) {
      encoded[31] |= (byte) 0x80;
    }
    return encoded;
  }

  /** Signs {@code message} with the key of {@code seed}; deterministic, as RFC 8032 defines. */
  static byte[] sign(byte[] seed, byte[] message) {
    try {
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      PrivateKey key =
          factory.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(key);
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's Ed25519 provider failed", e);
    }
  }

  /** Whether {@code signature} is a valid signature of {@code message} by {@code publicKey}. */
  static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (signature.length != SIGNATURE_BYTES) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(toJdkPublicKey(publicKey));
      verifier.update(message);
      return verifier.verify(signature);
    } catch (SignatureException | InvalidKeyException e) {
      return false; // malformed signature or key encoding: not a valid signature
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's Ed25519 provider failed", e);
    }
  }

  private static PublicKey toJdkPublicKey(byte[] encoded) throws GeneralSecurityException {
    byte[] littleEndian = encoded.clone();
    boolean xOdd = (littleEndian[31] & 0x80) != 0;
    littleEndian[31] &= 0x7F;
    BigInteger y = new BigInteger(1, reverse(littleEndian));
    return KeyFactory.getInstance("Ed25519")
        .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, y)));
  }

  /** Point addition in extended coordinates for a = -1 (RFC 8032 §5.1.4); also doubles. */
  private static BigInteger[] add(BigInteger[] p, BigInteger[] q) {
    BigInteger a = p[1].subtract(p[0]).multiply(q[1].subtract(q[0])).mod(P);
    BigInteger b = p[1].add(p[0]).multiply(q[1].add(q[0])).mod(P);
    BigInteger c = p[3].multiply(D2).multiply(q[3]).mod(P);
    BigInteger d = p[2].shiftLeft(1).multiply(q[2]).mod(P);
    BigInteger e = b.subtract(a);
    BigInteger f = d.subtract(c);
    BigInteger g = d.add(c);
    BigInteger h = b.add(a);
    return new BigInteger[] {
      e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P), e.multiply(h).mod(P)
    };
  }

  private static byte[] toFixed(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[KEY_BYTES];
    int copy = Math.min(raw.length, KEY_BYTES);
    System.arraycopy(raw, raw.length - copy, out, KEY_BYTES - copy, copy);
    return out;
  }

  private static byte[] reverse(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[bytes.length - 1 - i];
    }
    return out;
  }

  static byte[] sha512(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-512").digest(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-512 missing from the JDK", e);
    }
  }

  static void requireLength(byte[] bytes, int length, String what) {
    if (bytes.length != length) {
      throw new IllegalArgumentException(what + " must be " + length + " bytes: " + bytes.length);
    }
  }
}
