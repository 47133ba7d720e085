package org.govchain.seal.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.govchain.seal.ca.SealCertificateAuthority;
import org.govchain.seal.keys.SignatureAlgorithm;
import org.govchain.seal.sealing.DocumentHash;
import org.govchain.seal.sealing.HashSigner;
import org.govchain.seal.seals.StatusChange;
import org.govchain.seal.testing.TestSeals;
import org.govchain.seal.testing.TestSeals.Seal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DetachedSignatureVerifierTest {
  static final byte[] DOCUMENT =
      "采购合同 No. 2026-0042, amount 1200.00 CNY".getBytes(StandardCharsets.UTF_8);
  static SealCertificateAuthority ca;

  @BeforeAll
  static void ca() {
    ca = TestSeals.devCa();
  }

  static byte[] sign(Seal seal, byte[] document) {
    return new HashSigner()
        .sign(
            DocumentHash.of(seal.signingKey().algorithm(), document),
            seal.signingKey(),
            TestSeals.SIGNING_TIME);
  }

  static DetachedSignatureVerifier verifier(Seal... known) {
    return new DetachedSignatureVerifier(ca.validator(), TestSeals.directoryOf(known));
  }

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void hashSignatureVerifiesAgainstTheDocumentAndItsHash(SignatureAlgorithm algorithm) {
    Seal seal = TestSeals.seal(ca, algorithm);
    byte[] signature = sign(seal, DOCUMENT);
    SignatureReport report = verifier(seal).verify(DOCUMENT, signature);
    assertThat(report.verdict()).isEqualTo(Verdict.SIGNATURE_VALID);
    assertThat(report.signingTime()).contains(TestSeals.SIGNING_TIME);
    assertThat(report.finding(Check.BYTE_RANGE).outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(report.finding(Check.SIGNING_TIME).actual()).contains("CMS signing-time");
    assertThat(verifier(seal).verify(DocumentHash.of(algorithm, DOCUMENT), signature).verdict())
        .isEqualTo(Verdict.SIGNATURE_VALID);
  }

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void changedDocumentIsAltered(SignatureAlgorithm algorithm) {
    Seal seal = TestSeals.seal(ca, algorithm);
    byte[] signature = sign(seal, DOCUMENT);
    byte[] changed = DOCUMENT.clone();
    changed[changed.length - 5] ^= 1;
    SignatureReport report = verifier(seal).verify(changed, signature);
    assertThat(report.verdict()).isEqualTo(Verdict.ALTERED);
    assertThat(report.finding(Check.MESSAGE_DIGEST).outcome()).isEqualTo(Outcome.FAILED);
  }

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void changedSignatureBytesAreForged(SignatureAlgorithm algorithm) {
    Seal seal = TestSeals.seal(ca, algorithm);
    byte[] signature = sign(seal, DOCUMENT);
    byte[] tampered = signature.clone();
    tampered[tampered.length - 3] ^= 0x01;
    SignatureReport report = verifier(seal).verify(DOCUMENT, tampered);
    assertThat(report.verdict()).isEqualTo(Verdict.FORGED);
  }

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void hashInTheOtherDigestIsAltered(SignatureAlgorithm algorithm) {
    Seal seal = TestSeals.seal(ca, algorithm);
    byte[] signature = sign(seal, DOCUMENT);
    SignatureAlgorithm other =
        algorithm == SignatureAlgorithm.SM2_SM3
            ? SignatureAlgorithm.ECDSA_P256_SHA256
            : SignatureAlgorithm.SM2_SM3;
    SignatureReport report = verifier(seal).verify(DocumentHash.of(other, DOCUMENT), signature);
    assertThat(report.verdict()).isEqualTo(Verdict.ALTERED);
  }

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void revokedBeforeSigningAndUnknownSealHaveTheirOwnVerdicts(SignatureAlgorithm algorithm) {
    Seal revoked =
        TestSeals.seal(
            ca, algorithm, StatusChange.revoked(TestSeals.SIGNING_TIME.minusSeconds(1), "lost"));
    byte[] signature = sign(revoked, DOCUMENT);
    assertThat(verifier(revoked).verify(DOCUMENT, signature).verdict())
        .isEqualTo(Verdict.REVOKED_BEFORE_SIGNING);
    assertThat(verifier().verify(DOCUMENT, signature).verdict()).isEqualTo(Verdict.UNKNOWN_SEAL);
  }

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void signatureOfAnotherCaIsForged(SignatureAlgorithm algorithm) {
    Seal impostor = TestSeals.seal(TestSeals.devCa(), algorithm);
    SignatureReport report = verifier(impostor).verify(DOCUMENT, sign(impostor, DOCUMENT));
    assertThat(report.verdict()).isEqualTo(Verdict.FORGED);
    assertThat(report.finding(Check.CERTIFICATE_CHAIN).outcome()).isEqualTo(Outcome.FAILED);
  }

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void garbageIsForgedWithAnUnreadableCms(SignatureAlgorithm algorithm) {
    SignatureReport report =
        verifier().verify(DOCUMENT, "not a signature".getBytes(StandardCharsets.US_ASCII));
    assertThat(report.verdict()).isEqualTo(Verdict.FORGED);
    assertThat(report.finding(Check.CMS_STRUCTURE).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(report.signer()).isEmpty();
  }
}
