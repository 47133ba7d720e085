package org.govchain.ssc.qr;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.govchain.anchor.crypto.BouncyCastle;

/**
 * The signature algorithms of a QR payload, each with its one-byte code on the wire. Both give
 * 64-byte signatures, so a payload has the same length whichever signs it.
 */
public enum QrSignatureAlgorithm {
  /**
   * Ed25519 (RFC 8032): keys and signing with the JDK's own provider, verifying with
   * BouncyCastle's; deterministic. The default.
   */
  ED25519(1) {
    private static final ASN1ObjectIdentifier OID = new ASN1ObjectIdentifier("1.3.101.112");

    @Override
    KeyPair generateKeyPair(SecureRandom random) {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, random);
        return generator.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK cannot generate Ed25519 keys", e);
      }
    }

    @Override
    KeyFactory keyFactory() throws GeneralSecurityException {
      return KeyFactory.getInstance("Ed25519");
    }

    @Override
    boolean identifies(AlgorithmIdentifier keyAlgorithm) {
      return OID.equals(keyAlgorithm.getAlgorithm()) && keyAlgorithm.getParameters() == null;
    }

    @Override
    byte[] sign(PrivateKey key, byte[] message, SecureRandom random) {
      try {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update(message);
        return signature.sign();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot sign with Ed25519", e);
      }
    }

    @Override
    boolean verify(PublicKey key, byte[] message, byte[] signature) {
      return check(key).verifies(message, signature);
    }

    /**
     * BouncyCastle's RFC 8032 code with the key's point decoded once: a verification is a service
     * point's hot path, and the JDK's provider spends several times the CPU on one (JFR, the card
     * service's writes benchmark). The same checks: S below the group order, R and A on the curve.
     */
    @Override
    Check check(PublicKey key) {
      Ed25519PublicKeyParameters point;
      try {
        point =
            new Ed25519PublicKeyParameters(
                SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getOctets());
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new IllegalStateException("not an Ed25519 public key", e);
      }
      return (message, signature) ->
          signature.length == SIGNATURE_LENGTH
              && point.verify(
                  org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519,
                  null,
                  message,
                  0,
                  message.length,
                  signature,
                  0);
    }
  },

  /**
   * SM2 with SM3 (GM/T 0003, GM/T 0004) through BouncyCastle, on curve sm2p256v1 with the default
   * user id "1234567812345678". On the wire the signature is r‖s, 32 bytes each, big-endian (not
   * the DER SEQUENCE the JCA gives), so that every payload has one length.
   */
  SM2(2) {
    private static final String CURVE = "sm2p256v1";
    private static final BigInteger ORDER = GMNamedCurves.getByName(CURVE).getN();

    @Override
    KeyPair generateKeyPair(SecureRandom random) {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
        generator.initialize(new ECGenParameterSpec(CURVE), random);
        return generator.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("BouncyCastle cannot generate SM2 keys", e);
      }
    }

    @Override
    KeyFactory keyFactory() throws GeneralSecurityException {
      return KeyFactory.getInstance("EC", BouncyCastle.PROVIDER);
    }

    @Override
    boolean identifies(AlgorithmIdentifier keyAlgorithm) {
      return X9ObjectIdentifiers.id_ecPublicKey.equals(keyAlgorithm.getAlgorithm())
          && GMObjectIdentifiers.sm2p256v1.equals(keyAlgorithm.getParameters());
    }

    @Override
    byte[] sign(PrivateKey key, byte[] message, SecureRandom random) {
      try {
        Signature signature = Signature.getInstance("SM3withSM2", BouncyCastle.PROVIDER);
        signature.initSign(key, random);
        signature.update(message);
        BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(ORDER, signature.sign());
        return PlainDSAEncoding.INSTANCE.encode(ORDER, rs[0], rs[1]);
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException("cannot sign with SM2", e);
      }
    }

    @Override
    boolean verify(PublicKey key, byte[] message, byte[] signature) {
      byte[] der;
      try {
        BigInteger[] rs = PlainDSAEncoding.INSTANCE.decode(ORDER, signature);
        der = StandardDSAEncoding.INSTANCE.encode(ORDER, rs[0], rs[1]);
      } catch (IllegalArgumentException | IOException e) {
        return false; // r or s not below the curve order, or not 64 bytes
      }
      try {
        Signature verifier = Signature.getInstance("SM3withSM2", BouncyCastle.PROVIDER);
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(der);
      } catch (SignatureException e) {
        return false;
      } catch (InvalidKeyException e) {
        throw new IllegalStateException("not an SM2 public key", e);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot verify with SM2", e);
      }
    }
  };

  /** Every algorithm's signatures are this long on the wire. */
  static final int SIGNATURE_LENGTH = 64;

  private final int code;

  QrSignatureAlgorithm(int code) {
    this.code = code;
  }

  /** The algorithm's byte in a payload. */
  public int code() {
    return code;
  }

  /** The algorithm with this payload byte, if any. */
  static Optional<QrSignatureAlgorithm> ofCode(int code) {
    for (QrSignatureAlgorithm algorithm : values()) {
      if (algorithm.code == code) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }

  /**
   * The algorithm whose keys carry this algorithm identifier (in a SubjectPublicKeyInfo or a PKCS#8
   * PrivateKeyInfo).
   *
   * @throws QrKeyException if neither Ed25519 nor an EC key on sm2p256v1
   */
  static QrSignatureAlgorithm ofKey(AlgorithmIdentifier keyAlgorithm) {
    for (QrSignatureAlgorithm algorithm : values()) {
      if (algorithm.identifies(keyAlgorithm)) {
        return algorithm;
      }
    }
    throw new QrKeyException(
        "unsupported key algorithm "
            + keyAlgorithm.getAlgorithm()
            + " "
            + keyAlgorithm.getParameters()
            + " (want Ed25519 or EC on sm2p256v1)");
  }

  /** Verifies signatures of one key; made once per key, safe to share between threads. */
  @FunctionalInterface
  interface Check {
    boolean verifies(byte[] message, byte[] signature);
  }

  /** The verifier of {@code key}'s signatures (by default, {@link #verify} each time). */
  Check check(PublicKey key) {
    return (message, signature) -> verify(key, message, signature);
  }

  abstract KeyPair generateKeyPair(SecureRandom random);

  abstract KeyFactory keyFactory() throws GeneralSecurityException;

  abstract boolean identifies(AlgorithmIdentifier keyAlgorithm);

  /** A {@link #SIGNATURE_LENGTH}-byte signature of the message. */
  abstract byte[] sign(PrivateKey key, byte[] message, SecureRandom random);

  /** Whether the signature is the key's over the message; false, never an exception, if not. */
  abstract boolean verify(PublicKey key, byte[] message, byte[] signature);
}
