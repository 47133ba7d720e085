package org.govchain.ssc.qr;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A public key that verifies QR payloads, with its algorithm and its key id: the first 4 bytes of
 * SHA-256 over the key's X.509 SubjectPublicKeyInfo encoding, as 8 lowercase hex digits.
 */
public final class QrPublicKey {
  private final QrSignatureAlgorithm algorithm;
  private final PublicKey key;
  private final byte[] encoded;
  private final String keyId;
  private final QrSignatureAlgorithm.Check check;

  private QrPublicKey(QrSignatureAlgorithm algorithm, PublicKey key, byte[] encoded) {
    this.algorithm = algorithm;
    this.key = key;
    this.encoded = encoded;
    this.keyId = keyId(encoded);
    this.check = algorithm.check(key);
  }

  /**
   * The key, its algorithm found from its encoding.
   *
   * @throws QrKeyException if it is neither Ed25519 nor SM2
   */
  public static QrPublicKey of(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded == null || !"X.509".equals(key.getFormat())) {
      throw new QrKeyException("a public key without an X.509 encoding: " + key.getAlgorithm());
    }
    return fromDer(encoded);
  }

  /**
   * The key in the one "PUBLIC KEY" block of the text (other blocks are ignored).
   *
   * @throws QrKeyException if there is no such block or it holds no supported key
   */
  public static QrPublicKey fromPem(String pem) {
    return fromDer(Pem.require(Pem.decode(pem), Pem.PUBLIC_KEY));
  }

  static QrPublicKey fromDer(byte[] der) {
    QrSignatureAlgorithm algorithm;
    try {
      algorithm = QrSignatureAlgorithm.ofKey(SubjectPublicKeyInfo.getInstance(der).getAlgorithm());
    } catch (IllegalArgumentException | IllegalStateException e) {
      // BouncyCastle's ASN.1 parser reports malformed input with either
      throw new QrKeyException("not an X.509 SubjectPublicKeyInfo", e);
    }
    try {
      PublicKey key = algorithm.keyFactory().generatePublic(new X509EncodedKeySpec(der));
      return new QrPublicKey(algorithm, key, key.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new QrKeyException("not a valid " + algorithm + " public key", e);
    }
  }

  public QrSignatureAlgorithm algorithm() {
    return algorithm;
  }

  /** The JCA key, of the type this algorithm's signature verifies with. */
  public PublicKey key() {
    return key;
  }

  /** Whether {@code signature} is this key's signature of {@code message}. */
  public boolean verifies(byte[] message, byte[] signature) {
    return check.verifies(message, signature);
  }

  /** 8 lowercase hex digits; the payload carries them as 4 bytes. */
  public String keyId() {
    return keyId;
  }

  /** The key as a "PUBLIC KEY" PEM block, for publishing. */
  public String pem() {
    return Pem.encode(Pem.PUBLIC_KEY, encoded);
  }

  private static String keyId(byte[] encoded) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(encoded);
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof QrPublicKey that && Arrays.equals(encoded, that.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "QrPublicKey[" + algorithm + " " + keyId + "]";
  }
}
