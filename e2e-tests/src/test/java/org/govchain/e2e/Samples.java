package org.govchain.e2e;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Request bodies for the seal service: a seal image, a PDF, a seal creation request. */
final class Samples {

  /** Huawei's published unified social credit code (valid check character). */
  static final String CREDIT_CODE = "914403001922038216";

  private Samples() {}

  /** The JSON body creating an ECDSA official seal valid for a year. */
  static Map<String, Object> sealRequest(String name) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("name", name);
    request.put("organisation", "华为技术有限公司");
    request.put("creditCode", CREDIT_CODE);
    request.put("type", "OFFICIAL");
    request.put("validFrom", now.minus(Duration.ofMinutes(5)).toString());
    request.put("validUntil", now.plus(Duration.ofDays(365)).toString());
    request.put("imagePng", Base64.getEncoder().encodeToString(sealPng()));
    return request;
  }

  /** A 200×200 red ring, like a seal impression. */
  static byte[] sealPng() {
    BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.drawOval(2, 2, 196, 196);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A one-page A4 PDF with a line of text. */
  static byte[] pdf(String text) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
        content.newLineAtOffset(72, 760);
        content.showText(text);
        content.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
