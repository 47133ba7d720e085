package org.govchain.seal.testing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.govchain.seal.ca.SealCertificateAuthority;
import org.govchain.seal.ca.SealSubject;
import org.govchain.seal.keys.SignatureAlgorithm;
import org.govchain.seal.sealing.SigningKey;
import org.govchain.seal.seals.CreditCode;
import org.govchain.seal.seals.SealImage;
import org.govchain.seal.seals.SealImageLimits;
import org.govchain.seal.seals.SealRecord;
import org.govchain.seal.seals.SealStatus;
import org.govchain.seal.seals.SealStatusHistory;
import org.govchain.seal.seals.SealType;
import org.govchain.seal.seals.StatusChange;
import org.govchain.seal.seals.ValidityPeriod;
import org.govchain.seal.verification.SealDirectory;

/** Test fixtures: a dev CA, seals with keys and histories, PNG seal images and plain PDFs. */
public final class TestSeals {
  public static final SecureRandom RANDOM = new SecureRandom();

  /** Huawei Technologies Co., Ltd.'s published unified social credit code. */
  public static final CreditCode CREDIT_CODE = CreditCode.parse("914403001922038216");

  public static final Instant CREATED = Instant.parse("2026-01-05T02:00:00Z");
  public static final Instant SIGNING_TIME = Instant.parse("2026-03-01T09:30:00Z");
  public static final ValidityPeriod VALIDITY =
      ValidityPeriod.of(CREATED, Instant.parse("2029-01-05T02:00:00Z"));

  /** A fresh development CA (created an hour before the seals). */
  public static SealCertificateAuthority devCa() {
    return SealCertificateAuthority.generateDevRoot(CREATED.minusSeconds(86_400), RANDOM);
  }

  /** A seal of the CA with its key, certificate and status history. */
  public record Seal(
      UUID id,
      KeyPair keys,
      X509Certificate certificate,
      SigningKey signingKey,
      SealRecord record) {}

  /** An ACTIVE seal created at {@link #CREATED}, then the given status changes. */
  public static Seal seal(
      SealCertificateAuthority ca, SignatureAlgorithm algorithm, StatusChange... laterChanges) {
    return seal(ca, algorithm, VALIDITY, laterChanges);
  }

  /** An ACTIVE seal valid for {@code validity}, created at its start, then the given changes. */
  public static Seal seal(
      SealCertificateAuthority ca,
      SignatureAlgorithm algorithm,
      ValidityPeriod validity,
      StatusChange... laterChanges) {
    UUID id = UUID.randomUUID();
    KeyPair keys = algorithm.generateKeyPair(RANDOM);
    SealSubject subject =
        new SealSubject(id, "华为技术有限公司合同专用章", SealType.CONTRACT, "华为技术有限公司", CREDIT_CODE);
    X509Certificate cert = ca.issue(subject, keys.getPublic(), validity);
    List<StatusChange> changes = new java.util.ArrayList<>();
    changes.add(StatusChange.of(validity.notBefore(), SealStatus.ACTIVE));
    changes.addAll(List.of(laterChanges));
    SealRecord record =
        new SealRecord(
            id,
            subject.sealName(),
            subject.organisation(),
            CREDIT_CODE,
            SealStatusHistory.of(validity, changes));
    return new Seal(id, keys, cert, SigningKey.of(keys.getPrivate(), ca.chainFor(cert)), record);
  }

  /** A directory that knows exactly the given seals (by certificate serial number). */
  public static SealDirectory directoryOf(Seal... seals) {
    Map<java.math.BigInteger, SealRecord> bySerial = new HashMap<>();
    for (Seal seal : seals) {
      bySerial.put(seal.certificate().getSerialNumber(), seal.record());
    }
    return certificate -> Optional.ofNullable(bySerial.get(certificate.getSerialNumber()));
  }

  /** A red ring seal image of {@code size}×{@code size} pixels with a transparent background. */
  public static byte[] png(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(200, 0, 0));
    g.setStroke(new BasicStroke(Math.max(2, width / 20f)));
    g.drawOval(width / 20, height / 20, width * 9 / 10, height * 9 / 10);
    g.fillOval(width * 2 / 5, height * 2 / 5, width / 5, height / 5);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static SealImage sealImage() {
    return SealImage.fromPng(png(200, 200), SealImageLimits.defaults());
  }

  /**
   * An A4 PDF of {@code pages} pages with a line of text each and the title "Contract 2026",
   * without object streams (so tests can find and change bytes).
   */
  public static byte[] pdf(int pages) {
    try (PDDocument document = new PDDocument()) {
      PDDocumentInformation info = new PDDocumentInformation();
      info.setTitle("Contract 2026");
      document.setDocumentInformation(info);
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
          content.newLineAtOffset(72, 760);
          content.showText("Supply contract, page " + i + " of " + pages);
          content.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private TestSeals() {}
}
