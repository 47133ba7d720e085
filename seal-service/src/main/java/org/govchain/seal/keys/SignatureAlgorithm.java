package org.govchain.seal.keys;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;
import org.govchain.anchor.crypto.BouncyCastle;

/**
 * The signature algorithms a seal can have: ECDSA on P-256 with SHA-256 (default) or SM2 with SM3
 * (the Chinese national option, GM/T 0003 / 0004, default user ID "1234567812345678").
 */
public enum SignatureAlgorithm {
  ECDSA_P256_SHA256("secp256r1", "SHA256withECDSA", "SHA-256", NISTObjectIdentifiers.id_sha256),
  SM2_SM3("sm2p256v1", "SM3withSM2", "SM3", GMObjectIdentifiers.sm3);

  private final String curve;
  private final String jcaName;
  private final String digestName;
  private final ASN1ObjectIdentifier digestOid;

  SignatureAlgorithm(
      String curve, String jcaName, String digestName, ASN1ObjectIdentifier digestOid) {
    this.curve = curve;
    this.jcaName = jcaName;
    this.digestName = digestName;
    this.digestOid = digestOid;
  }

  /** The curve name (BouncyCastle / SEC naming). */
  public String curve() {
    return curve;
  }

  /** The JCA signature algorithm name, e.g. {@code SHA256withECDSA}. */
  public String jcaName() {
    return jcaName;
  }

  /** The JCA name of the digest the algorithm signs with: SHA-256 or SM3. */
  public String digestName() {
    return digestName;
  }

  /** The OID of that digest. */
  public ASN1ObjectIdentifier digestOid() {
    return digestOid;
  }

  /** A fresh key pair on this algorithm's curve. */
  public KeyPair generateKeyPair(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
      generator.initialize(new ECGenParameterSpec(curve), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("BouncyCastle cannot generate " + curve + " keys", e);
    }
  }

  /**
   * The algorithm of an EC key (public or private), found by its curve.
   *
   * @throws UnsupportedKeyException if the key is not on P-256 or the SM2 curve
   */
  public static SignatureAlgorithm of(Key key) {
    if (key instanceof ECKey ec) {
      ECParameterSpec spec = ec.getParams();
      for (SignatureAlgorithm algorithm : values()) {
        X9ECParameters params = ECNamedCurveTable.getByName(algorithm.curve);
        if (EC5Util.convertCurve(params.getCurve(), params.getSeed()).equals(spec.getCurve())
            && spec.getOrder().equals(params.getN())) {
          return algorithm;
        }
      }
    }
    throw new UnsupportedKeyException(key.getAlgorithm() + " " + key.getFormat());
  }
}
