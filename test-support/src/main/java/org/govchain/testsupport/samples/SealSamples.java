package org.govchain.testsupport.samples;

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
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * What the seal service is sent in tests and benchmarks: a seal image, a seal creation request, and
 * PDFs of a chosen page count and size.
 */
public final class SealSamples {

  /** Huawei's published unified social credit code (valid check character). */
  public static final String CREDIT_CODE = "914403001922038216";

  private static final byte[] SEAL_PNG = ring();
  private static final String SEAL_PNG_BASE64 = Base64.getEncoder().encodeToString(SEAL_PNG);

  private SealSamples() {}

  /** The JSON body (as a map) creating an ECDSA official seal, valid from 5 minutes ago a year. */
  public static Map<String, Object> sealRequest(String name) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("name", name);
    request.put("organisation", "华为技术有限公司");
    request.put("creditCode", CREDIT_CODE);
    request.put("type", "OFFICIAL");
    request.put("validFrom", now.minus(Duration.ofMinutes(5)).toString());
    request.put("validUntil", now.plus(Duration.ofDays(365)).toString());
    request.put("imagePng", SEAL_PNG_BASE64);
    return request;
  }

  /** A 200×200 red ring, like a seal impression (PNG). */
  public static byte[] sealPng() {
    return SEAL_PNG.clone();
  }

  /** A one-page A4 PDF with a line of text. */
  public static byte[] pdf(String text) {
    return pdf(1, text, 0);
  }

  /**
   * An A4 PDF of {@code pages} pages, each with a heading and {@code text}, the first also with a
   * picture of random pixels about {@code imageBytes} long (they do not compress), none when 0.
   */
  public static byte[] pdf(int pages, String text, int imageBytes) {
    try (PDDocument document = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int p = 1; p <= pages; p++) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          if (p == 1 && imageBytes > 0) {
            PDImageXObject image = LosslessFactory.createFromImage(document, noise(imageBytes));
            content.drawImage(image, 72, 300, 450, 450);
          }
          content.beginText();
          content.setFont(font, 14);
          content.newLineAtOffset(72, 780);
          content.showText("Page " + p + " of " + pages);
          content.newLineAtOffset(0, -20);
          content.showText(text);
          content.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A square RGB picture of seeded random pixels, {@code bytes} of them before compression. */
  private static BufferedImage noise(int bytes) {
    int side = Math.max(1, (int) Math.sqrt(bytes / 3.0));
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    SplittableRandom random = new SplittableRandom(side);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        image.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    return image;
  }

  private static byte[] ring() {
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
}
