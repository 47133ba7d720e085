package org.govchain.seal.ca;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.govchain.anchor.crypto.BouncyCastle;
import org.govchain.seal.keys.SignatureAlgorithm;
import org.govchain.seal.seals.ValidityPeriod;

/**
 * The service's seal CA: holds the root key and certificate (configured, or a generated dev root)
 * and issues the end-entity certificate of every seal.
 *
 * <p>The CA signs with its own key's algorithm: SHA256withECDSA for a P-256 root (the dev root),
 * SM3withSM2 for an SM2 root. An ECDSA root certifying SM2 seal keys is allowed.
 */
public final class SealCertificateAuthority {
  /** Subject of generated development roots; a {@code prod} profile must refuse it. */
  public static final String DEV_ROOT_SUBJECT =
      "CN=GovChain DEV Seal Root (not for production),O=GovChain,C=CN";

  private final PrivateKey key;
  private final X509Certificate root;
  private final SecureRandom random;

  private SealCertificateAuthority(PrivateKey key, X509Certificate root, SecureRandom random) {
    this.key = key;
    this.root = root;
    this.random = random;
  }

  /** A fresh ECDSA P-256 development root, valid for 20 years from an hour before {@code now}. */
  public static SealCertificateAuthority generateDevRoot(Instant now, SecureRandom random) {
    return generateDevRoot(now, SignatureAlgorithm.ECDSA_P256_SHA256, random);
  }

  /**
   * A fresh development root with a key of {@code algorithm} (SM2 for an all-national-algorithm
   * chain), valid for 20 years from an hour before {@code now}.
   */
  public static SealCertificateAuthority generateDevRoot(
      Instant now, SignatureAlgorithm algorithm, SecureRandom random) {
    KeyPair pair = algorithm.generateKeyPair(random);
    X500Name name = new X500Name(DEV_ROOT_SUBJECT);
    ValidityPeriod validity =
        ValidityPeriod.of(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(20 * 366)));
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  name,
                  serial(random),
                  Date.from(validity.notBefore()),
                  Date.from(validity.notAfter()),
                  name,
                  pair.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  ext.createSubjectKeyIdentifier(pair.getPublic()));
      X509Certificate cert = sign(builder, pair.getPrivate());
      return new SealCertificateAuthority(pair.getPrivate(), cert, random);
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot generate the dev seal root", e);
    }
  }

  /**
   * Loads the root from a PKCS#12 key store: the first entry with a private key.
   *
   * @throws CaLoadException if the store cannot be read or holds no key entry
   */
  public static SealCertificateAuthority fromPkcs12(
      byte[] pkcs12, char[] password, SecureRandom random) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12", BouncyCastle.PROVIDER);
      store.load(new ByteArrayInputStream(pkcs12), password);
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          PrivateKey key = (PrivateKey) store.getKey(alias, password);
          X509Certificate cert = (X509Certificate) store.getCertificate(alias);
          return checked(key, cert, random, "PKCS#12");
        }
      }
      throw new CaLoadException("PKCS#12", "no private key entry", null);
    } catch (GeneralSecurityException | IOException e) {
      throw new CaLoadException("PKCS#12", e.getMessage(), e);
    }
  }

  /**
   * Loads the root from PEM texts: a private key (PKCS#8 or SEC1 "EC PRIVATE KEY") and its
   * certificate.
   *
   * @throws CaLoadException if either text cannot be parsed
   */
  public static SealCertificateAuthority fromPem(
      String privateKeyPem, String certificatePem, SecureRandom random) {
    try (PEMParser keyParser = new PEMParser(new StringReader(privateKeyPem));
        PEMParser certParser = new PEMParser(new StringReader(certificatePem))) {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER);
      Object keyObject = keyParser.readObject();
      PrivateKey key;
      if (keyObject instanceof PEMKeyPair pair) {
        key = converter.getKeyPair(pair).getPrivate();
      } else if (keyObject instanceof PrivateKeyInfo info) {
        key = converter.getPrivateKey(info);
      } else {
        throw new CaLoadException("PEM", "no unencrypted private key found", null);
      }
      if (!(certParser.readObject() instanceof X509CertificateHolder holder)) {
        throw new CaLoadException("PEM", "no certificate found", null);
      }
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .setProvider(BouncyCastle.PROVIDER)
              .getCertificate(holder);
      return checked(key, cert, random, "PEM");
    } catch (IOException | GeneralSecurityException e) {
      throw new CaLoadException("PEM", e.getMessage(), e);
    }
  }

  private static SealCertificateAuthority checked(
      PrivateKey key, X509Certificate cert, SecureRandom random, String source) {
    SignatureAlgorithm.of(key);
    if (cert.getBasicConstraints() < 0) {
      throw new CaLoadException(source, "the certificate is not a CA certificate", null);
    }
    return new SealCertificateAuthority(key, cert, random);
  }

  /**
   * The root key and certificate as a PKCS#12 store (alias "root"), e.g. to keep a generated dev
   * root across restarts; load it again with {@link #fromPkcs12}.
   */
  public byte[] toPkcs12(char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12", BouncyCastle.PROVIDER);
      store.load(null, null);
      store.setKeyEntry("root", key, password, new java.security.cert.Certificate[] {root});
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      store.store(out, password);
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot export the seal CA as PKCS#12", e);
    }
  }

  /** The root certificate every seal certificate chains to. */
  public X509Certificate root() {
    return root;
  }

  /** Whether the root is a generated development root (never acceptable in production). */
  public boolean isDevRoot() {
    return root.getSubjectX500Principal().getName().contains("GovChain DEV Seal Root");
  }

  /**
   * Issues a seal certificate: subject CN = seal name, OU = seal type, O = organisation,
   * serialNumber = credit code, UID = seal id, C = CN; key usage digitalSignature and
   * nonRepudiation; validity = the seal's period; a random 159-bit serial.
   */
  public X509Certificate issue(SealSubject subject, PublicKey sealKey, ValidityPeriod validity) {
    SignatureAlgorithm.of(sealKey);
    X500Name name =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.C, "CN")
            .addRDN(BCStyle.O, subject.organisation())
            .addRDN(BCStyle.OU, subject.type().chineseName())
            .addRDN(BCStyle.SERIALNUMBER, subject.creditCode().value())
            .addRDN(BCStyle.UID, subject.sealId().toString())
            .addRDN(BCStyle.CN, subject.sealName())
            .build();
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  root,
                  serial(random),
                  Date.from(validity.notBefore()),
                  Date.from(validity.notAfter()),
                  name,
                  sealKey)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
              .addExtension(
                  Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(sealKey))
              .addExtension(
                  Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(root));
      return sign(builder, key);
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot issue a seal certificate", e);
    }
  }

  /** The chain to embed in signatures: the seal certificate, then the root. */
  public List<X509Certificate> chainFor(X509Certificate sealCertificate) {
    return List.of(sealCertificate, root);
  }

  /** A validator that accepts exactly the chains leading to this CA's root. */
  public CertificateChainValidator validator() {
    return new CertificateChainValidator(root);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
      throws GeneralSecurityException {
    try {
      String algorithm = SignatureAlgorithm.of(signer).jcaName();
      return new JcaX509CertificateConverter()
          .setProvider(BouncyCastle.PROVIDER)
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder(algorithm)
                      .setProvider(BouncyCastle.PROVIDER)
                      .build(signer)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static BigInteger serial(SecureRandom random) {
    return new BigInteger(159, random).setBit(158);
  }
}
