package org.govchain.seal.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.govchain.seal.ca.SealCertificateAuthority;
import org.govchain.seal.keys.SignatureAlgorithm;
import org.govchain.seal.seals.SealImage;
import org.govchain.seal.seals.SealImageLimits;
import org.govchain.seal.seals.ValidityPeriod;
import org.govchain.seal.testing.Poppler;
import org.govchain.seal.testing.TestSeals;
import org.govchain.seal.testing.TestSeals.Seal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PdfSealerTest {
  static final long MAX = 10L * 1024 * 1024;
  static SealCertificateAuthority ca;
  static Seal ecdsa;
  static Seal sm2;
  final PdfSealer sealer = new PdfSealer(MAX);

  @BeforeAll
  static void seals() {
    ca = TestSeals.devCa();
    ecdsa = TestSeals.seal(ca, SignatureAlgorithm.ECDSA_P256_SHA256);
    sm2 = TestSeals.seal(ca, SignatureAlgorithm.SM2_SM3);
  }

  byte[] sealPage2(Seal seal) {
    return sealer.seal(
        TestSeals.pdf(3),
        SealPlacement.of(2, 120, 200, 42),
        TestSeals.sealImage(),
        seal.signingKey(),
        TestSeals.SIGNING_TIME);
  }

  @Test
  void sealedPdfHasOneCadesSignatureWithVisibleWidgetOnTheChosenPage() throws IOException {
    byte[] sealed = sealPage2(ecdsa);
    try (PDDocument document = Loader.loadPDF(sealed)) {
      List<PDSignature> signatures = document.getSignatureDictionaries();
      assertThat(signatures).hasSize(1);
      PDSignature signature = signatures.get(0);
      assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
      assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
      assertThat(signature.getSignDate().toInstant()).isEqualTo(TestSeals.SIGNING_TIME);
      assertThat(signature.getByteRange()[2] + signature.getByteRange()[3])
          .isEqualTo(sealed.length);

      PDSignatureField field = document.getSignatureFields().get(0);
      PDAnnotationWidget widget = field.getWidgets().get(0);
      PDPage page2 = document.getPage(1);
      assertThat(page2.getAnnotations()).anyMatch(a -> a.getCOSObject() == widget.getCOSObject());
      assertThat(document.getPage(0).getAnnotations()).isEmpty();
      assertThat(document.getPage(2).getAnnotations()).isEmpty();

      PDRectangle rect = widget.getRectangle();
      double k = SealPlacement.POINTS_PER_MM;
      assertThat(rect.getLowerLeftX()).isCloseTo((float) (120 * k), aHundredth());
      assertThat(rect.getWidth()).isCloseTo((float) (42 * k), aHundredth());
      assertThat(rect.getHeight()).isCloseTo((float) (42 * k), aHundredth());
      assertThat(rect.getUpperRightY())
          .isCloseTo((float) (PDRectangle.A4.getHeight() - 200 * k), aHundredth());
      var appearance = widget.getAppearance().getNormalAppearance().getAppearanceStream();
      List<Object> images = new java.util.ArrayList<>();
      for (var name : appearance.getResources().getXObjectNames()) {
        images.add(appearance.getResources().getXObject(name));
      }
      assertThat(images).hasSize(1).allMatch(x -> x instanceof PDImageXObject);
    }
  }

  /** The CMS in /Contents, without the zero padding after it. */
  static CMSSignedData cms(byte[] contents) throws Exception {
    try (var in = new org.bouncycastle.asn1.ASN1InputStream(contents)) {
      return new CMSSignedData(in.readObject().getEncoded());
    }
  }

  private static org.assertj.core.data.Offset<Float> aHundredth() {
    return org.assertj.core.data.Offset.offset(0.01f);
  }

  /**
   * Renders the sealed page with PDFBox and finds the seal image (red only in its top-left
   * quadrant) where the clerk placed it on the page as displayed, upright, for every /Rotate.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 90, 180, 270})
  void sealAppearsUprightWhereItWasPlacedOnThePageAsDisplayed(int rotation) throws IOException {
    byte[] rotated;
    try (PDDocument document = Loader.loadPDF(TestSeals.pdf(1))) {
      document.getPage(0).setRotation(rotation);
      var out = new java.io.ByteArrayOutputStream();
      document.save(out);
      rotated = out.toByteArray();
    }
    SealImage quadrant = SealImage.fromPng(topLeftQuadrantPng(), SealImageLimits.defaults());
    byte[] sealed =
        sealer.seal(
            rotated,
            SealPlacement.of(1, 30, 50, 40),
            quadrant,
            ecdsa.signingKey(),
            TestSeals.SIGNING_TIME);
    BufferedImage page;
    try (PDDocument document = Loader.loadPDF(sealed)) {
      page = new PDFRenderer(document).renderImage(0, 1f); // 72 dpi: one pixel per point
    }
    double k = SealPlacement.POINTS_PER_MM;
    int[] red = redBounds(page);
    assertThat(red[0]).isCloseTo((int) Math.round(30 * k), within(2));
    assertThat(red[1]).isCloseTo((int) Math.round(50 * k), within(2));
    assertThat(red[2]).isCloseTo((int) Math.round(50 * k), within(2));
    assertThat(red[3]).isCloseTo((int) Math.round(70 * k), within(2));
  }

  /** A 100x100 PNG, opaque red in its top-left quadrant, transparent elsewhere. */
  static byte[] topLeftQuadrantPng() throws IOException {
    BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.RED);
    g.fillRect(0, 0, 50, 50);
    g.dispose();
    var out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** [minX, minY, maxX + 1, maxY + 1] of the clearly red pixels. */
  static int[] redBounds(BufferedImage image) {
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xff) > 200 && ((rgb >> 8) & 0xff) < 60 && (rgb & 0xff) < 60) {
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
        }
      }
    }
    assertThat(maxX).as("red pixels on the rendered page").isNotNegative();
    return new int[] {minX, minY, maxX + 1, maxY + 1};
  }

  /**
   * The contents the sealer hands back are what a reader of the sealed PDF finds in its newest
   * signature, also when the document was sealed before (the service stores them and their hash,
   * and finds a sealing by the hash a verification computes from the PDF).
   */
  @Test
  void sealWithContentsReturnsTheNewSignaturesContentsAsAReaderFindsThem() throws IOException {
    byte[] once = sealPage2(ecdsa);
    PdfSealer.Sealed twice =
        sealer.sealWithContents(
            once,
            SealPlacement.of(1, 20, 20, 40),
            TestSeals.sealImage(),
            sm2.signingKey(),
            TestSeals.SIGNING_TIME);
    byte[] read;
    try (PDDocument document = Loader.loadPDF(twice.pdf())) {
      assertThat(document.getSignatureDictionaries()).hasSize(2);
      read = document.getLastSignatureDictionary().getContents(twice.pdf());
    }
    assertThat(twice.signatureContents()).isEqualTo(read).hasSize(PdfSealer.SIGNATURE_SIZE);
    List<byte[]> digests =
        org.govchain.seal.sealing.web.SealingService.signatureDigests(twice.pdf(), MAX);
    assertThat(digests).hasSize(2);
    assertThat(digests.get(1)).isEqualTo(sha256(twice.signatureContents()));
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void sealingIsAnIncrementalUpdateThatKeepsTheOriginalBytes() {
    byte[] original = TestSeals.pdf(1);
    byte[] sealed =
        sealer.seal(
            original,
            SealPlacement.of(1, 20, 20, 40),
            TestSeals.sealImage(),
            ecdsa.signingKey(),
            TestSeals.SIGNING_TIME);
    assertThat(Arrays.copyOf(sealed, original.length)).isEqualTo(original);
  }

  @Test
  void cmsCarriesPadesSignedAttributesAndTheChainButNoSigningTime() throws Exception {
    byte[] sealed = sealPage2(ecdsa);
    try (PDDocument document = Loader.loadPDF(sealed)) {
      CMSSignedData cms = cms(document.getSignatureDictionaries().get(0).getContents(sealed));
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      var attributes = signer.getSignedAttributes();
      assertThat(attributes.get(CMSAttributes.contentType)).isNotNull();
      assertThat(attributes.get(CMSAttributes.messageDigest)).isNotNull();
      assertThat(attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
      assertThat(attributes.get(CMSAttributes.signingTime)).isNull();
      assertThat(cms.getCertificates().getMatches(null)).hasSize(2);
      assertThat(cms.isDetachedSignature()).isTrue();
    }
  }

  @Test
  void sm2SealSignsPdfsWithSm2AndSm3() throws Exception {
    byte[] sealed = sealPage2(sm2);
    try (PDDocument document = Loader.loadPDF(sealed)) {
      CMSSignedData cms = cms(document.getSignatureDictionaries().get(0).getContents(sealed));
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      assertThat(signer.getDigestAlgOID()).isEqualTo("1.2.156.10197.1.401");
      assertThat(signer.getEncryptionAlgOID()).isEqualTo("1.2.156.10197.1.501");
    }
  }

  /**
   * Runs poppler's pdfsig on a sealed PDF. Only the pdfsig assertion is skipped (assumption) when
   * pdfsig is not on the PATH; the seal is made and checked by PDFBox either way.
   */
  @Test
  void popplerPdfsigReportsTheSignatureAsValid_skippedWithoutPdfsig(@TempDir Path dir)
      throws Exception {
    byte[] sealed = sealPage2(ecdsa);
    try (PDDocument document = Loader.loadPDF(sealed)) {
      assertThat(document.getSignatureDictionaries()).hasSize(1);
    }
    assumeTrue(Poppler.hasPdfsig(), "pdfsig (poppler-utils) is not on the PATH");
    String output = Poppler.pdfsig(dir, sealed);
    assertThat(output)
        .contains("Signature #1")
        .contains("Signature Validation: Signature is Valid.")
        .contains("Total document signed")
        .contains("Signer full Distinguished Name:");
  }

  /**
   * With the seal root trusted in an NSS database, poppler also accepts the seal certificate (it
   * checks it at the current time, so this seal and CA are valid around now). Skipped (assumption)
   * without pdfsig and NSS's certutil (Debian: poppler-utils, libnss3-tools).
   */
  @Test
  void popplerTrustsTheSealOnceTheRootIsInItsNssDatabase_skippedWithoutPdfsigOrCertutil(
      @TempDir Path dir) throws Exception {
    Instant now = Instant.now();
    SealCertificateAuthority current =
        SealCertificateAuthority.generateDevRoot(now, TestSeals.RANDOM);
    Seal seal =
        TestSeals.seal(
            current,
            SignatureAlgorithm.ECDSA_P256_SHA256,
            ValidityPeriod.of(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))));
    byte[] sealed =
        sealer.seal(
            TestSeals.pdf(1),
            SealPlacement.of(1, 20, 20, 40),
            TestSeals.sealImage(),
            seal.signingKey(),
            now);
    assumeTrue(Poppler.hasPdfsigAndCertutil(), "pdfsig or certutil is not on the PATH");
    assertThat(Poppler.pdfsigTrusting(dir, sealed, current.root()))
        .contains("Signature Validation: Signature is Valid.")
        .contains("Certificate Validation: Certificate is Trusted.");
  }

  /**
   * Documents what poppler makes of an SM2 seal (its NSS back-end has no SM2): it finds the
   * signature but cannot call it valid. Skipped (assumption) without pdfsig.
   */
  @Test
  void popplerPdfsigCannotValidateSm2Seals_skippedWithoutPdfsig(@TempDir Path dir)
      throws Exception {
    byte[] sealed = sealPage2(sm2);
    assumeTrue(Poppler.hasPdfsig(), "pdfsig (poppler-utils) is not on the PATH");
    String output = Poppler.pdfsig(dir, sealed);
    assertThat(output).contains("Signature #1").doesNotContain("Signature is Valid.");
  }

  @Test
  void rejectsUploadThatIsNotAPdf() {
    assertThatThrownBy(
            () ->
                sealer.seal(
                    TestSeals.png(100, 100),
                    SealPlacement.of(1, 10, 10, 40),
                    TestSeals.sealImage(),
                    ecdsa.signingKey(),
                    TestSeals.SIGNING_TIME))
        .isInstanceOfSatisfying(
            InvalidPdfException.class,
            e -> assertThat(e.problem()).isEqualTo(InvalidPdfException.Problem.NOT_PDF));
  }

  @Test
  void rejectsCorruptPdf() {
    byte[] corrupt =
        "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> seal(corrupt, 1))
        .isInstanceOfSatisfying(
            InvalidPdfException.class,
            e -> assertThat(e.problem()).isEqualTo(InvalidPdfException.Problem.CORRUPT));
  }

  @Test
  void rejectsPasswordProtectedAndEncryptedPdfs() throws IOException {
    for (String userPassword : List.of("secret", "")) {
      byte[] encrypted;
      try (PDDocument document = Loader.loadPDF(TestSeals.pdf(1))) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy("owner", userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        document.protect(policy);
        var out = new java.io.ByteArrayOutputStream();
        document.save(out);
        encrypted = out.toByteArray();
      }
      assertThatThrownBy(() -> seal(encrypted, 1))
          .isInstanceOfSatisfying(
              InvalidPdfException.class,
              e -> assertThat(e.problem()).isEqualTo(InvalidPdfException.Problem.ENCRYPTED));
    }
  }

  @Test
  void rejectsPageBeyondTheLastWithThePageCount() {
    assertThatThrownBy(() -> seal(TestSeals.pdf(2), 3))
        .isInstanceOfSatisfying(
            PageOutOfRangeException.class,
            e -> {
              assertThat(e.page()).isEqualTo(3);
              assertThat(e.pageCount()).isEqualTo(2);
            });
  }

  @Test
  void rejectsSealThatWouldLeaveThePage() {
    assertThatThrownBy(
            () ->
                sealer.seal(
                    TestSeals.pdf(1),
                    SealPlacement.of(1, 190, 10, 40),
                    TestSeals.sealImage(),
                    ecdsa.signingKey(),
                    TestSeals.SIGNING_TIME))
        .isInstanceOfSatisfying(
            PlacementOutsidePageException.class,
            e ->
                assertThat(e.pageWidthMm())
                    .isCloseTo(210, org.assertj.core.data.Offset.offset(0.5)));
  }

  @Test
  void rejectsOversizedUploadWithSizeAndLimit() {
    PdfSealer small = new PdfSealer(100);
    byte[] pdf = TestSeals.pdf(1);
    assertThatThrownBy(
            () ->
                small.seal(
                    pdf,
                    SealPlacement.of(1, 10, 10, 40),
                    TestSeals.sealImage(),
                    ecdsa.signingKey(),
                    TestSeals.SIGNING_TIME))
        .isInstanceOfSatisfying(
            DocumentTooLargeException.class,
            e -> {
              assertThat(e.actualBytes()).isEqualTo(pdf.length);
              assertThat(e.maxBytes()).isEqualTo(100);
            });
  }

  private byte[] seal(byte[] pdf, int page) {
    return sealer.seal(
        pdf,
        SealPlacement.of(page, 10, 10, 40),
        TestSeals.sealImage(),
        ecdsa.signingKey(),
        TestSeals.SIGNING_TIME);
  }
}
