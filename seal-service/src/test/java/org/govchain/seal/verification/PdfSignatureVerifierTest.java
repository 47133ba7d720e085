package org.govchain.seal.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.cms.CMSSignedData;
import org.govchain.seal.ca.SealCertificateAuthority;
import org.govchain.seal.keys.SignatureAlgorithm;
import org.govchain.seal.sealing.InvalidPdfException;
import org.govchain.seal.sealing.PdfSealer;
import org.govchain.seal.sealing.SealPlacement;
import org.govchain.seal.seals.SealStatus;
import org.govchain.seal.seals.StatusChange;
import org.govchain.seal.testing.TestSeals;
import org.govchain.seal.testing.TestSeals.Seal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfSignatureVerifierTest {
  static final long MAX = 10L * 1024 * 1024;
  static final Duration DAY = Duration.ofDays(1);
  static SealCertificateAuthority ca;
  static Seal ecdsa;
  static Seal sm2;
  static byte[] sealed;

  final PdfSealer sealer = new PdfSealer(MAX);

  @BeforeAll
  static void sealOnce() {
    ca = TestSeals.devCa();
    ecdsa = TestSeals.seal(ca, SignatureAlgorithm.ECDSA_P256_SHA256);
    sm2 = TestSeals.seal(ca, SignatureAlgorithm.SM2_SM3);
    sealed = stamp(TestSeals.pdf(2), ecdsa);
  }

  static byte[] stamp(byte[] pdf, Seal seal) {
    return new PdfSealer(MAX)
        .seal(
            pdf,
            SealPlacement.of(1, 130, 230, 40),
            TestSeals.sealImage(),
            seal.signingKey(),
            TestSeals.SIGNING_TIME);
  }

  PdfVerificationReport verify(byte[] pdf, Seal... known) {
    return new PdfSignatureVerifier(ca.validator(), TestSeals.directoryOf(known), MAX).verify(pdf);
  }

  @Test
  void sealedPdfIsValidWithEveryCheckPassed() {
    PdfVerificationReport report = verify(sealed, ecdsa);
    assertThat(report.verdict()).isEqualTo(Verdict.SIGNATURE_VALID);
    SignatureReport signature = report.signatures().get(0);
    assertThat(signature.findings())
        .hasSize(Check.values().length)
        .allMatch(f -> f.outcome() == Outcome.PASSED);
    assertThat(signature.sealId()).contains(ecdsa.id());
    assertThat(signature.signingTime()).contains(TestSeals.SIGNING_TIME);
    assertThat(signature.signer().orElseThrow()).contains("914403001922038216");
  }

  @Test
  void sm2SealedPdfIsValid() {
    PdfVerificationReport report = verify(stamp(TestSeals.pdf(1), sm2), sm2);
    assertThat(report.verdict()).isEqualTo(Verdict.SIGNATURE_VALID);
  }

  @Test
  void oneChangedByteInTheSignedRangeIsAltered() {
    byte[] altered = replace(sealed, "Contract 2026", "Contract 2027");
    SignatureReport signature = verify(altered, ecdsa).signatures().get(0);
    assertThat(signature.verdict()).isEqualTo(Verdict.ALTERED);
    assertThat(signature.finding(Check.MESSAGE_DIGEST).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(signature.finding(Check.MESSAGE_DIGEST).expected())
        .isNotEqualTo(signature.finding(Check.MESSAGE_DIGEST).actual());
    assertThat(signature.finding(Check.SIGNATURE_VALUE).outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void incrementalUpdateAppendedAfterSealingIsAltered() throws Exception {
    byte[] appended;
    try (PDDocument document = Loader.loadPDF(sealed)) {
      document.getDocumentInformation().setTitle("Contract 2099");
      document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      appended = out.toByteArray();
    }
    try (PDDocument reread = Loader.loadPDF(appended)) {
      assertThat(reread.getDocumentInformation().getTitle()).isEqualTo("Contract 2099");
    }
    PdfVerificationReport report = verify(appended, ecdsa);
    assertThat(report.verdict()).isEqualTo(Verdict.ALTERED);
    Finding range = report.signatures().get(0).finding(Check.BYTE_RANGE);
    assertThat(range.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(range.actual()).contains((appended.length - sealed.length) + " bytes were added");
    assertThat(report.signatures().get(0).finding(Check.MESSAGE_DIGEST).outcome())
        .isEqualTo(Outcome.PASSED);
  }

  @Test
  void sealFromAKeyNotCertifiedByOurCaIsForged() {
    Seal impostor = TestSeals.seal(TestSeals.devCa(), SignatureAlgorithm.ECDSA_P256_SHA256);
    SignatureReport signature =
        verify(stamp(TestSeals.pdf(1), impostor), impostor).signatures().get(0);
    assertThat(signature.verdict()).isEqualTo(Verdict.FORGED);
    assertThat(signature.finding(Check.CERTIFICATE_CHAIN).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(signature.finding(Check.SEAL_KNOWN).outcome()).isEqualTo(Outcome.SKIPPED);
  }

  @Test
  void changedSignatureValueIsForged() throws Exception {
    byte[] signatureValue;
    try (PDDocument document = Loader.loadPDF(sealed);
        ASN1InputStream in =
            new ASN1InputStream(document.getSignatureDictionaries().get(0).getContents(sealed))) {
      CMSSignedData cms = new CMSSignedData(in.readObject().getEncoded());
      signatureValue = cms.getSignerInfos().getSigners().iterator().next().getSignature();
    }
    String hex = HexFormat.of().withUpperCase().formatHex(signatureValue);
    String text = new String(sealed, StandardCharsets.ISO_8859_1);
    int at = text.indexOf(hex);
    if (at < 0) {
      hex = hex.toLowerCase(java.util.Locale.ROOT);
      at = text.indexOf(hex);
    }
    assertThat(at).isPositive();
    byte[] forged = sealed.clone();
    int digit = at + hex.length() - 10;
    forged[digit] = (byte) (forged[digit] == '0' ? '1' : '0');
    SignatureReport signature = verify(forged, ecdsa).signatures().get(0);
    assertThat(signature.verdict()).isEqualTo(Verdict.FORGED);
    assertThat(signature.finding(Check.SIGNATURE_VALUE).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(signature.finding(Check.MESSAGE_DIGEST).outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void genuineCertificateOfNoKnownSealIsUnknownSeal() {
    SignatureReport signature = verify(sealed).signatures().get(0);
    assertThat(signature.verdict()).isEqualTo(Verdict.UNKNOWN_SEAL);
    assertThat(signature.finding(Check.CERTIFICATE_CHAIN).outcome()).isEqualTo(Outcome.PASSED);
    assertThat(signature.finding(Check.SEAL_KNOWN).actual())
        .contains(ecdsa.certificate().getSerialNumber().toString(16));
  }

  @Test
  void sealingAfterRevocationIsRevokedBeforeSigning() {
    Seal revoked =
        TestSeals.seal(
            ca,
            SignatureAlgorithm.ECDSA_P256_SHA256,
            StatusChange.revoked(TestSeals.SIGNING_TIME.minus(DAY), "key compromised"));
    SignatureReport signature =
        verify(stamp(TestSeals.pdf(1), revoked), revoked).signatures().get(0);
    assertThat(signature.verdict()).isEqualTo(Verdict.REVOKED_BEFORE_SIGNING);
    Finding status = signature.finding(Check.SEAL_STATUS_AT_SIGNING);
    assertThat(status.expected()).startsWith("ACTIVE");
    assertThat(status.actual()).startsWith("REVOKED").contains("key compromised");
  }

  @Test
  void revocationAfterSealingDoesNotInvalidateTheSealing() {
    Seal laterRevoked =
        TestSeals.seal(
            ca,
            SignatureAlgorithm.ECDSA_P256_SHA256,
            StatusChange.revoked(TestSeals.SIGNING_TIME.plus(DAY), "organisation dissolved"));
    PdfVerificationReport report = verify(stamp(TestSeals.pdf(1), laterRevoked), laterRevoked);
    assertThat(report.verdict()).isEqualTo(Verdict.SIGNATURE_VALID);
  }

  @Test
  void sealingWhileSuspendedIsNotActiveButAfterResumeIsValid() {
    Seal suspended =
        TestSeals.seal(
            ca,
            SignatureAlgorithm.ECDSA_P256_SHA256,
            StatusChange.of(TestSeals.SIGNING_TIME.minus(DAY), SealStatus.SUSPENDED));
    assertThat(verify(stamp(TestSeals.pdf(1), suspended), suspended).verdict())
        .isEqualTo(Verdict.SEAL_NOT_ACTIVE_AT_SIGNING);
    Seal resumed =
        TestSeals.seal(
            ca,
            SignatureAlgorithm.ECDSA_P256_SHA256,
            StatusChange.of(
                TestSeals.SIGNING_TIME.minus(DAY.multipliedBy(2)), SealStatus.SUSPENDED),
            StatusChange.of(TestSeals.SIGNING_TIME.minus(DAY), SealStatus.ACTIVE));
    assertThat(verify(stamp(TestSeals.pdf(1), resumed), resumed).verdict())
        .isEqualTo(Verdict.SIGNATURE_VALID);
  }

  @Test
  void pdfWithoutSignaturesIsNotSigned() {
    PdfVerificationReport report = verify(TestSeals.pdf(1), ecdsa);
    assertThat(report.verdict()).isEqualTo(Verdict.NOT_SIGNED);
    assertThat(report.signatures()).isEmpty();
  }

  @Test
  void twoSealsInTurnAreBothValidAndTheFirstIsCoveredByTheSecond() {
    byte[] twice = stamp(sealed, sm2);
    PdfVerificationReport report = verify(twice, ecdsa, sm2);
    assertThat(report.verdict()).isEqualTo(Verdict.SIGNATURE_VALID);
    assertThat(report.signatures()).hasSize(2);
    assertThat(report.signatures().get(0).sealId()).contains(ecdsa.id());
    assertThat(report.signatures().get(0).finding(Check.BYTE_RANGE).actual())
        .contains("covered by a later signature");
    assertThat(report.signatures().get(1).sealId()).contains(sm2.id());
  }

  @Test
  void rejectsUploadThatIsNotAPdf() {
    assertThatThrownBy(() -> verify("hello".getBytes(StandardCharsets.US_ASCII), ecdsa))
        .isInstanceOf(InvalidPdfException.class);
  }

  static byte[] replace(byte[] pdf, String from, String to) {
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    int at = text.indexOf(from);
    assertThat(at).as("'%s' in the PDF", from).isNotNegative();
    byte[] copy = pdf.clone();
    byte[] replacement = to.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(replacement, 0, copy, at, replacement.length);
    return copy;
  }
}
