package org.govchain.seal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.anchor.crypto.BouncyCastle;
import org.govchain.anchor.spring.log.LogReferences;
import org.govchain.seal.ca.SealCertificateAuthority;
import org.govchain.seal.config.SealProperties;
import org.govchain.seal.keys.SignatureAlgorithm;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

/**
 * The {@code prod} profile: it refuses the published development KEK and log reference key and a
 * development seal CA root, and starts with a real KEK and a configured PKCS#12 root.
 */
@WithPostgres
class SealProdProfileIT {

  private static final String ORIGIN = "seal.govchain.example";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void prodRefusesTheDevelopmentKek(PostgresServer.Database db) throws Exception {
    Path root = pkcs12(cityRoot(), "root-pw");
    assertThatThrownBy(
            () ->
                SealApp.start(
                        db,
                        "spring.profiles.active=prod",
                        "govchain.log.signer-key=" + NoteSigner.generate(ORIGIN).signerKey(),
                        "govchain.log.reference-key=" + realKek(),
                        "govchain.seal.kek=" + SealProperties.DEV_KEK,
                        "govchain.seal.ca.pkcs12-path=" + root,
                        "govchain.seal.ca.pkcs12-password=root-pw")
                    .close())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the prod profile refuses the development KEK: set GOVCHAIN_SEAL_KEK");
  }

  @Test
  void prodRefusesTheDevelopmentLogReferenceKey(PostgresServer.Database db) throws Exception {
    Path root = pkcs12(cityRoot(), "root-pw");
    assertThatThrownBy(
            () ->
                SealApp.start(
                        db,
                        "spring.profiles.active=prod",
                        "govchain.log.signer-key=" + NoteSigner.generate(ORIGIN).signerKey(),
                        "govchain.log.reference-key=" + LogReferences.DEV_KEY,
                        "govchain.seal.kek=" + realKek(),
                        "govchain.seal.ca.pkcs12-path=" + root,
                        "govchain.seal.ca.pkcs12-password=root-pw")
                    .close())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the prod profile refuses the development log reference key");
  }

  @Test
  void prodRefusesToGenerateADevelopmentRoot(PostgresServer.Database db) {
    assertThatThrownBy(
            () ->
                SealApp.start(
                        db,
                        "spring.profiles.active=prod",
                        "govchain.log.signer-key=" + NoteSigner.generate(ORIGIN).signerKey(),
                        "govchain.log.reference-key=" + realKek(),
                        "govchain.seal.kek=" + realKek())
                    .close())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the prod profile needs a configured seal CA root (govchain.seal.ca.pkcs12-path)");
  }

  @Test
  void prodRefusesADevelopmentRootEvenWhenConfiguredAsPkcs12(PostgresServer.Database db)
      throws Exception {
    SealCertificateAuthority dev = SealCertificateAuthority.generateDevRoot(Instant.now(), RANDOM);
    Path devRoot = Files.createTempFile("dev-root", ".p12");
    devRoot.toFile().deleteOnExit();
    Files.write(devRoot, dev.toPkcs12("dev-pw".toCharArray()));
    assertThatThrownBy(
            () ->
                SealApp.start(
                        db,
                        "spring.profiles.active=prod",
                        "govchain.log.signer-key=" + NoteSigner.generate(ORIGIN).signerKey(),
                        "govchain.log.reference-key=" + realKek(),
                        "govchain.seal.kek=" + realKek(),
                        "govchain.seal.ca.pkcs12-path=" + devRoot,
                        "govchain.seal.ca.pkcs12-password=dev-pw")
                    .close())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the prod profile refuses a development seal CA root");
  }

  @Test
  void prodStartsWithARealKekAndAConfiguredRootAndIssuesSealsUnderIt(PostgresServer.Database db)
      throws Exception {
    Root city = cityRoot();
    Path root = pkcs12(city, "city-root-pw");
    String kek = realKek();
    try (SealApp app =
        SealApp.start(
            db,
            "spring.profiles.active=prod",
            "govchain.log.signer-key=" + NoteSigner.generate(ORIGIN).signerKey(),
            "govchain.log.reference-key=" + realKek(),
            "govchain.seal.kek=" + kek,
            "govchain.seal.ca.pkcs12-path=" + root,
            "govchain.seal.ca.pkcs12-password=city-root-pw")) {
      assertThat(app.context.getEnvironment().getActiveProfiles()).containsExactly("prod");
      SealCertificateAuthority authority = app.context.getBean(SealCertificateAuthority.class);
      assertThat(authority.isDevRoot()).isFalse();
      assertThat(authority.root()).isEqualTo(city.certificate());

      String id = app.createSeal(SealApp.createRequest("prod seal"));
      Map<?, ?> seal =
          app.client
              .get()
              .uri("/api/seal/seals/{id}", id)
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(Map.class)
              .returnResult()
              .getResponseBody();
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(
                          Base64.getDecoder().decode((String) seal.get("certificate"))));
      assertThat(certificate.getIssuerX500Principal())
          .isEqualTo(city.certificate().getSubjectX500Principal());
      certificate.verify(city.certificate().getPublicKey());
      // the seal's key is stored under the configured KEK (its id follows the version byte)
      assertThat(
              app.count(
                  "SELECT count(*) FROM seal WHERE id = '"
                      + id
                      + "' AND substring(encrypted_key from 2 for 8) = decode('"
                      + kekId(kek)
                      + "', 'hex')"))
          .isOne();
    }
  }

  /** A fresh random 32-byte KEK, base64. */
  private static String realKek() {
    byte[] kek = new byte[32];
    RANDOM.nextBytes(kek);
    return Base64.getEncoder().encodeToString(kek);
  }

  /** The KEK id written into each encrypted key (README: first 8 bytes of SHA-256(KEK)), hex. */
  private static String kekId(String kekBase64) throws Exception {
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(Base64.getDecoder().decode(kekBase64));
    return java.util.HexFormat.of().formatHex(digest, 0, 8);
  }

  private record Root(KeyPair keys, X509Certificate certificate) {}

  /** A city seal root as an operator would make it: ECDSA P-256, CA:0, its own subject. */
  private static Root cityRoot() throws Exception {
    KeyPair keys = SignatureAlgorithm.ECDSA_P256_SHA256.generateKeyPair(RANDOM);
    X500Name name = new X500Name("CN=Test City Seal Root,O=Test City Government,C=CN");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            new BigInteger(128, RANDOM),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(3650))),
            name,
            keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .setProvider(BouncyCastle.PROVIDER)
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA")
                        .setProvider(BouncyCastle.PROVIDER)
                        .build(keys.getPrivate())));
    return new Root(keys, certificate);
  }

  /** The root as a PKCS#12 file (a temporary file, deleted at exit). */
  private static Path pkcs12(Root root, String password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "city-root",
        root.keys().getPrivate(),
        password.toCharArray(),
        new java.security.cert.Certificate[] {root.certificate()});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, password.toCharArray());
    Path file = Files.createTempFile("city-root", ".p12");
    file.toFile().deleteOnExit();
    Files.write(file, out.toByteArray());
    return file;
  }
}
