package org.govchain.ssc.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.govchain.ssc.qr.QrVerifier.Verification.Valid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QrKeysTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Instant NOW = Instant.parse("2025-06-01T08:30:15Z");

  /** RFC 8032 §7.1 test 1's key pair, as written by Python's cryptography package. */
  static final String RFC8032_PEM =
      """
      -----BEGIN PRIVATE KEY-----
      MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g
      -----END PRIVATE KEY-----
      -----BEGIN PUBLIC KEY-----
      MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=
      -----END PUBLIC KEY-----
      """;

  /** Written by {@code openssl genpkey -algorithm SM2} (OpenSSL 3.0). */
  static final String OPENSSL_SM2_PRIVATE_PEM =
      """
      -----BEGIN PRIVATE KEY-----
      MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgV244ra0CZZ01h4of
      awfxWBK/9eezjj6uiaIawAs9rs2hRANCAAQs+crcmh9e1E8UauMoDL6hw5SilhW5
      Mvtd+gvyKvy4D4Nh5Z9/eGC4lMw8aTshGIj2FUR0qaV3AzawS44PLhFF
      -----END PRIVATE KEY-----
      """;

  /** Written by {@code openssl pkey -pubout} from {@link #OPENSSL_SM2_PRIVATE_PEM}. */
  static final String OPENSSL_SM2_PUBLIC_PEM =
      """
      -----BEGIN PUBLIC KEY-----
      MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAELPnK3JofXtRPFGrjKAy+ocOUopYV
      uTL7XfoL8ir8uA+DYeWff3hguJTMPGk7IRiI9hVEdKmldwM2sEuODy4RRQ==
      -----END PUBLIC KEY-----
      """;

  @ParameterizedTest
  @EnumSource(QrSignatureAlgorithm.class)
  void keysWrittenAndReadBackKeepTheirKeyIdAndSignForEachOther(
      QrSignatureAlgorithm algorithm, @TempDir Path dir) throws IOException {
    QrKeys generated = QrKeys.generate(algorithm, RANDOM);
    Path file = dir.resolve("keys/qr-signing.pem");

    generated.writePem(file);
    QrKeys read = QrKeys.readPem(file);

    assertThat(read.algorithm()).isEqualTo(algorithm);
    assertThat(read.keyId()).isEqualTo(generated.keyId()).matches("[0-9a-f]{8}");
    assertThat(read.publicKey()).isEqualTo(generated.publicKey());
    assertThat(read.publicKeyPem()).isEqualTo(generated.publicKeyPem());
    assertThat(QrKeys.readPem(file).keyId()).isEqualTo(generated.keyId());
    assertThat(verify(generated, read)).isInstanceOf(Valid.class);
    assertThat(verify(read, generated)).isInstanceOf(Valid.class);
  }

  @ParameterizedTest
  @EnumSource(QrSignatureAlgorithm.class)
  void keyIdIsTheFirstFourBytesOfSha256OfTheEncodedPublicKey(QrSignatureAlgorithm algorithm)
      throws Exception {
    QrKeys keys = QrKeys.generate(algorithm, RANDOM);
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(keys.publicKey().key().getEncoded());

    assertThat(keys.keyId()).isEqualTo(HexFormat.of().formatHex(digest, 0, 4));
  }

  @Test
  void keyIdOfTheRfc8032KeyIsPinned() {
    assertThat(QrKeys.fromPem(RFC8032_PEM).keyId()).isEqualTo("06e3fd8f");
  }

  @Test
  void keyFileIsReadableAndWritableByItsOwnerOnly(@TempDir Path dir) throws IOException {
    assumeThat(Files.getFileAttributeView(dir, PosixFileAttributeView.class)).isNotNull();
    Path file = dir.resolve("qr-signing.pem");

    QrKeys.generate(QrSignatureAlgorithm.ED25519, RANDOM).writePem(file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file))
        .contains("-----BEGIN PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----");
    try (var left = Files.list(dir)) {
      assertThat(left).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void anExistingKeyFileIsNeverOverwritten(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("qr-signing.pem");
    QrKeys first = QrKeys.generate(QrSignatureAlgorithm.ED25519, RANDOM);
    first.writePem(file);

    assertThatThrownBy(() -> QrKeys.generate(QrSignatureAlgorithm.ED25519, RANDOM).writePem(file))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(QrKeys.readPem(file).keyId()).isEqualTo(first.keyId());
  }

  @ParameterizedTest
  @EnumSource(QrSignatureAlgorithm.class)
  void developmentKeyIsGeneratedOnceThenReused(QrSignatureAlgorithm algorithm, @TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("data/qr-signing.pem");

    QrKeys first = QrKeys.readOrGenerate(file, algorithm, RANDOM);
    QrKeys again = QrKeys.readOrGenerate(file, algorithm, RANDOM);

    assertThat(first.algorithm()).isEqualTo(algorithm);
    assertThat(again.keyId()).isEqualTo(first.keyId());
  }

  @Test
  void developmentKeyOfAnotherAlgorithmIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("qr-signing.pem");
    QrKeys.readOrGenerate(file, QrSignatureAlgorithm.ED25519, RANDOM);

    assertThatThrownBy(() -> QrKeys.readOrGenerate(file, QrSignatureAlgorithm.SM2, RANDOM))
        .isInstanceOf(QrKeyException.class)
        .hasMessageContaining("holds a ED25519 key, not SM2");
  }

  @ParameterizedTest
  @EnumSource(QrSignatureAlgorithm.class)
  void publishedPublicKeyPemVerifiesThePayloads(QrSignatureAlgorithm algorithm) {
    QrKeys keys = QrKeys.generate(algorithm, RANDOM);
    QrPublicKey published = QrPublicKey.fromPem(keys.publicKeyPem());
    String text =
        new QrIssuer(keys)
            .issue(UUID.randomUUID(), NOW, QrIssuer.DEFAULT_VALIDITY, RANDOM)
            .encode();

    assertThat(keys.publicKeyPem())
        .startsWith("-----BEGIN PUBLIC KEY-----")
        .doesNotContain("PRIVATE");
    assertThat(published.algorithm()).isEqualTo(algorithm);
    assertThat(published.keyId()).isEqualTo(keys.keyId());
    assertThat(QrVerifier.of(published).verify(text, NOW)).isInstanceOf(Valid.class);
  }

  @Test
  void opensslSm2KeysGivenApartAreReadAndTheirSignaturesVerify() {
    QrKeys keys = QrKeys.fromPem(OPENSSL_SM2_PRIVATE_PEM, OPENSSL_SM2_PUBLIC_PEM);
    // r‖s of `openssl dgst -sm3 -sign -sigopt distid:1234567812345678` over the message
    byte[] opensslSignature =
        HexFormat.of()
            .parseHex(
                "2bd35d0943fd8f0601a56124ab85fbc15b0e2efa1a9ae904a3efcd1481143b0a"
                    + "596010c4eb26d8c84ba41efcb474080d9a9a27aaa17749c33946bf00ef6efd91");
    byte[] message = "govchain qr sm2 vector".getBytes(StandardCharsets.US_ASCII);

    assertThat(keys.algorithm()).isEqualTo(QrSignatureAlgorithm.SM2);
    assertThat(QrSignatureAlgorithm.SM2.verify(keys.publicKey().key(), message, opensslSignature))
        .isTrue();
    assertThat(
            QrSignatureAlgorithm.SM2.verify(
                keys.publicKey().key(),
                "another message".getBytes(StandardCharsets.US_ASCII),
                opensslSignature))
        .isFalse();
  }

  @Test
  void blocksMayComeInEitherOrder() {
    QrKeys keys = QrKeys.fromPem(OPENSSL_SM2_PUBLIC_PEM + OPENSSL_SM2_PRIVATE_PEM);

    assertThat(keys.keyId()).isEqualTo(QrPublicKey.fromPem(OPENSSL_SM2_PUBLIC_PEM).keyId());
  }

  @ParameterizedTest
  @EnumSource(QrSignatureAlgorithm.class)
  void privateKeyOfAnotherPairIsRefused(QrSignatureAlgorithm algorithm, @TempDir Path dir)
      throws IOException {
    Path a = dir.resolve("a.pem");
    Path b = dir.resolve("b.pem");
    QrKeys.generate(algorithm, RANDOM).writePem(a);
    QrKeys.generate(algorithm, RANDOM).writePem(b);
    String privateOfA = Files.readString(a).split("(?=-----BEGIN PUBLIC KEY-----)")[0];
    String publicOfB = QrKeys.readPem(b).publicKeyPem();

    assertThatThrownBy(() -> QrKeys.fromPem(privateOfA, publicOfB))
        .isInstanceOf(QrKeyException.class)
        .hasMessageContaining("does not belong");
  }

  @Test
  void privateKeyOfAnotherAlgorithmIsRefused() {
    String ed25519Private = RFC8032_PEM.split("(?=-----BEGIN PUBLIC KEY-----)")[0];

    assertThatThrownBy(() -> QrKeys.fromPem(ed25519Private, OPENSSL_SM2_PUBLIC_PEM))
        .isInstanceOf(QrKeyException.class)
        .hasMessageContaining("ED25519 private key with a SM2 public key");
  }

  @Test
  void keysOfOtherAlgorithmsAreRefused() throws Exception {
    KeyPairGenerator p256 = KeyPairGenerator.getInstance("EC");
    p256.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);

    assertThatThrownBy(() -> QrPublicKey.of(p256.generateKeyPair().getPublic()))
        .isInstanceOf(QrKeyException.class)
        .hasMessageContaining("unsupported key algorithm");
    assertThatThrownBy(() -> QrPublicKey.of(rsa.generateKeyPair().getPublic()))
        .isInstanceOf(QrKeyException.class)
        .hasMessageContaining("unsupported key algorithm");
  }

  @Test
  void malformedOrIncompletePemIsRefused() {
    String publicOnly = QrKeys.fromPem(RFC8032_PEM).publicKeyPem();

    assertThatThrownBy(() -> QrKeys.fromPem(publicOnly))
        .isInstanceOf(QrKeyException.class)
        .hasMessageContaining("no PRIVATE KEY block");
    assertThatThrownBy(() -> QrKeys.fromPem(""))
        .isInstanceOf(QrKeyException.class)
        .hasMessageContaining("no PUBLIC KEY block");
    assertThatThrownBy(
            () ->
                QrPublicKey.fromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"))
        .isInstanceOf(QrKeyException.class);
    assertThatThrownBy(
            () ->
                QrPublicKey.fromPem("-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n"))
        .isInstanceOf(QrKeyException.class);
    assertThatThrownBy(() -> QrKeys.fromPem(RFC8032_PEM + RFC8032_PEM))
        .isInstanceOf(QrKeyException.class)
        .hasMessageContaining("more than one");
  }

  @Test
  void keysShowNoKeyMaterialWhenPrinted() {
    QrKeys keys = QrKeys.fromPem(RFC8032_PEM);

    assertThat(keys).hasToString("QrKeys[ED25519 06e3fd8f]");
    assertThat(keys.publicKey()).hasToString("QrPublicKey[ED25519 06e3fd8f]");
  }

  private static QrVerifier.Verification verify(QrKeys signer, QrKeys verifier) {
    QrPayload payload =
        new QrIssuer(signer).issue(UUID.randomUUID(), NOW, QrIssuer.DEFAULT_VALIDITY, RANDOM);
    return QrVerifier.of(verifier.publicKey()).verify(payload.encode(), NOW);
  }
}
