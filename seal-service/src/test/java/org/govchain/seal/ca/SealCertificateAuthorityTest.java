package org.govchain.seal.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.govchain.anchor.crypto.BouncyCastle;
import org.govchain.seal.keys.SignatureAlgorithm;
import org.govchain.seal.seals.SealType;
import org.govchain.seal.testing.TestSeals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SealCertificateAuthorityTest {
  static SealCertificateAuthority ca;

  @BeforeAll
  static void ca() {
    ca = TestSeals.devCa();
  }

  static X509Certificate issue(
      SealCertificateAuthority authority, SignatureAlgorithm algorithm, UUID id) {
    KeyPair keys = algorithm.generateKeyPair(TestSeals.RANDOM);
    return authority.issue(
        new SealSubject(id, "华为技术有限公司公章", SealType.OFFICIAL, "华为技术有限公司", TestSeals.CREDIT_CODE),
        keys.getPublic(),
        TestSeals.VALIDITY);
  }

  @Test
  void devRootSaysSoInItsSubjectAndIsACa() {
    X509Certificate root = ca.root();
    assertThat(root.getSubjectX500Principal().getName())
        .contains("GovChain DEV Seal Root (not for production)");
    assertThat(ca.isDevRoot()).isTrue();
    assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(root.getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(SignatureAlgorithm.of(root.getPublicKey()))
        .isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
    assertThatCode(() -> root.verify(root.getPublicKey(), BouncyCastle.PROVIDER))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void issuesSealCertificatesThatCarryTheOrganisationAndChainToTheRoot(SignatureAlgorithm algorithm)
      throws Exception {
    UUID id = UUID.randomUUID();
    X509Certificate cert = issue(ca, algorithm, id);
    X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    assertThat(value(subject, BCStyle.O)).isEqualTo("华为技术有限公司");
    assertThat(value(subject, BCStyle.SERIALNUMBER)).isEqualTo("914403001922038216");
    assertThat(value(subject, BCStyle.CN)).isEqualTo("华为技术有限公司公章");
    assertThat(value(subject, BCStyle.OU)).isEqualTo("公章");
    assertThat(value(subject, BCStyle.UID)).isEqualTo(id.toString());
    assertThat(SignatureAlgorithm.of(cert.getPublicKey())).isEqualTo(algorithm);
    assertThat(cert.getSigAlgName()).containsIgnoringCase("ECDSA");
    boolean[] usage = cert.getKeyUsage();
    assertThat(usage[0]).as("digitalSignature").isTrue();
    assertThat(usage[1]).as("nonRepudiation").isTrue();
    assertThat(usage[5]).as("keyCertSign").isFalse();
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(cert.getNotBefore().toInstant()).isEqualTo(TestSeals.VALIDITY.notBefore());
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(TestSeals.VALIDITY.notAfter());
    cert.verify(ca.root().getPublicKey(), BouncyCastle.PROVIDER);
    assertThatCode(() -> ca.validator().validate(ca.chainFor(cert), TestSeals.SIGNING_TIME))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void sm2RootSignsWithSm3AndSm2AndItsChainsValidate(SignatureAlgorithm sealAlgorithm) {
    SealCertificateAuthority sm2Root =
        SealCertificateAuthority.generateDevRoot(
            TestSeals.CREATED.minusSeconds(60), SignatureAlgorithm.SM2_SM3, TestSeals.RANDOM);
    assertThat(sm2Root.root().getSigAlgOID()).isEqualTo("1.2.156.10197.1.501");
    X509Certificate cert = issue(sm2Root, sealAlgorithm, UUID.randomUUID());
    assertThat(cert.getSigAlgOID()).isEqualTo("1.2.156.10197.1.501");
    assertThatCode(() -> sm2Root.validator().validate(List.of(cert), TestSeals.SIGNING_TIME))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ca.validator().validate(List.of(cert), TestSeals.SIGNING_TIME))
        .isInstanceOf(UntrustedCertificateException.class);
  }

  @Test
  void serialsAreUniqueAndPositive() {
    Set<java.math.BigInteger> serials = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      X509Certificate cert = issue(ca, SignatureAlgorithm.ECDSA_P256_SHA256, UUID.randomUUID());
      assertThat(cert.getSerialNumber().signum()).isPositive();
      serials.add(cert.getSerialNumber());
    }
    assertThat(serials).hasSize(20);
  }

  @Test
  void chainOfAnotherCaIsUntrusted() {
    X509Certificate foreign =
        issue(TestSeals.devCa(), SignatureAlgorithm.ECDSA_P256_SHA256, UUID.randomUUID());
    assertThatThrownBy(() -> ca.validator().validate(List.of(foreign), TestSeals.SIGNING_TIME))
        .isInstanceOfSatisfying(
            UntrustedCertificateException.class,
            e -> assertThat(e.at()).isEqualTo(TestSeals.SIGNING_TIME));
  }

  @Test
  void certificateOutsideItsValidityIsUntrustedAtThatTime() {
    X509Certificate cert = issue(ca, SignatureAlgorithm.ECDSA_P256_SHA256, UUID.randomUUID());
    assertThatThrownBy(
            () ->
                ca.validator()
                    .validate(
                        ca.chainFor(cert), TestSeals.VALIDITY.notAfter().plus(Duration.ofDays(1))))
        .isInstanceOf(UntrustedCertificateException.class);
    assertThatThrownBy(
            () ->
                ca.validator()
                    .validate(ca.chainFor(cert), TestSeals.VALIDITY.notBefore().minusSeconds(1)))
        .isInstanceOf(UntrustedCertificateException.class);
  }

  @Test
  void loadsTheSameRootFromPemAndIssuesCertificatesThatChainToIt() throws Exception {
    SealCertificateAuthority original = TestSeals.devCa();
    KeyStore exported = export(original);
    java.security.PrivateKey key =
        (java.security.PrivateKey) exported.getKey("root", "pw".toCharArray());
    StringWriter keyPem = new StringWriter();
    StringWriter certPem = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(keyPem)) {
      w.writeObject(key);
    }
    try (JcaPEMWriter w = new JcaPEMWriter(certPem)) {
      w.writeObject(original.root());
    }
    SealCertificateAuthority loaded =
        SealCertificateAuthority.fromPem(keyPem.toString(), certPem.toString(), TestSeals.RANDOM);
    assertThat(loaded.root()).isEqualTo(original.root());
    X509Certificate cert = issue(loaded, SignatureAlgorithm.SM2_SM3, UUID.randomUUID());
    assertThatCode(() -> original.validator().validate(List.of(cert), TestSeals.SIGNING_TIME))
        .doesNotThrowAnyException();
  }

  @Test
  void loadsTheSameRootFromPkcs12() throws Exception {
    SealCertificateAuthority original = TestSeals.devCa();
    SealCertificateAuthority loaded =
        SealCertificateAuthority.fromPkcs12(
            original.toPkcs12("pw".toCharArray()), "pw".toCharArray(), TestSeals.RANDOM);
    assertThat(loaded.root()).isEqualTo(original.root());
    X509Certificate cert = issue(loaded, SignatureAlgorithm.ECDSA_P256_SHA256, UUID.randomUUID());
    assertThatCode(() -> original.validator().validate(List.of(cert), TestSeals.SIGNING_TIME))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesUnreadableConfiguredRoots() {
    assertThatThrownBy(
            () ->
                SealCertificateAuthority.fromPkcs12(
                    new byte[] {1, 2, 3}, "pw".toCharArray(), TestSeals.RANDOM))
        .isInstanceOf(CaLoadException.class);
    assertThatThrownBy(() -> SealCertificateAuthority.fromPem("nothing", "here", TestSeals.RANDOM))
        .isInstanceOf(CaLoadException.class);
  }

  /** The CA's key and root as a PKCS#12 store (alias "root", password "pw"). */
  private static KeyStore export(SealCertificateAuthority authority) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12", BouncyCastle.PROVIDER);
    store.load(
        new java.io.ByteArrayInputStream(authority.toPkcs12("pw".toCharArray())),
        "pw".toCharArray());
    return store;
  }

  private static String value(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
    return IETFUtils.valueToString(name.getRDNs(type)[0].getFirst().getValue());
  }
}
