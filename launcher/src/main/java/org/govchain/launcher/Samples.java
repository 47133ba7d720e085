package org.govchain.launcher;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.govchain.anchor.canonical.Jcs;

/**
 * Writes the files the printed walkthrough uses, so it works by copy and paste: a seal image (PNG),
 * a one-page PDF to stamp, a seal-creation request body with a valid credit code, a card to issue,
 * and for the accounting service the demo unit's registration and a voucher of the current month.
 */
final class Samples {

  /**
   * A made-up unified social credit code (GB 32100-2015) with a correct check character, for the
   * sample organisation; it names no real organisation.
   */
  static final String SAMPLE_CREDIT_CODE = "91110108MA01GCH013";

  /**
   * The unit the auth server's demo accounting clerks are bound to: its default {@code
   * GOVCHAIN_AUTH_DEMO_ACCOUNTING_UNIT} (a fictional prefecture finance bureau).
   */
  static final String DEMO_ACCOUNTING_UNIT = "115132000088000108";

  private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

  private static final int IMAGE_SIZE = 240;

  private final Path dir;

  Samples(Path dir) {
    this.dir = dir;
  }

  Path sealImage() {
    return dir.resolve("seal.png");
  }

  Path document() {
    return dir.resolve("document.pdf");
  }

  Path createSealRequest() {
    return dir.resolve("create-seal.json");
  }

  Path issueCardRequest() {
    return dir.resolve("issue-card.json");
  }

  Path registerUnitRequest() {
    return dir.resolve("register-unit.json");
  }

  Path quotaVoucherRequest() {
    return dir.resolve("quota-voucher.json");
  }

  /** The accounting period of the sample voucher: the month of the start, in China. */
  static String samplePeriod(Instant now) {
    return java.time.YearMonth.from(now.atZone(CHINA)).toString();
  }

  /** Writes (or rewrites) the sample files; the request's validity starts now. */
  void write(Instant now) throws IOException {
    Files.createDirectories(dir);
    byte[] png = sealPng();
    Files.write(sealImage(), png);
    Files.write(document(), onePagePdf());
    Instant from = now.truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "示例单位公章 (GovChain dev sample)");
    body.put("organisation", "示例单位 (GovChain dev sample organisation)");
    body.put("creditCode", SAMPLE_CREDIT_CODE);
    body.put("type", "OFFICIAL");
    body.put("validFrom", from.toString());
    body.put("validUntil", from.plus(3 * 365, ChronoUnit.DAYS).toString());
    body.put("imagePng", Base64.getEncoder().encodeToString(png));
    Files.write(createSealRequest(), Jcs.serialize(body));
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("name", "张示例");
    card.put("idNumber", sampleCitizenId(now));
    card.put("issuingRegion", "360502");
    card.put("phone", "13800000000");
    Files.write(issueCardRequest(), Jcs.serialize(card));
    String period = samplePeriod(now);
    Map<String, Object> unit = new LinkedHashMap<>();
    unit.put("creditCode", DEMO_ACCOUNTING_UNIT);
    unit.put("name", "示例州财政局 (GovChain dev sample unit)");
    unit.put("region", "513200");
    unit.put("type", "ADMINISTRATIVE");
    unit.put("firstPeriod", period);
    Files.write(registerUnitRequest(), Jcs.serialize(unit));
    String amount = "1000000.00";
    Map<String, Object> voucher = new LinkedHashMap<>();
    voucher.put("period", period);
    voucher.put("date", now.atZone(CHINA).toLocalDate().toString());
    voucher.put("summary", "收到财政授权支付额度 (dev sample)");
    voucher.put(
        "lines",
        List.of(
            line("1011", "DEBIT", amount),
            line("4001", "CREDIT", amount),
            line("8001", "DEBIT", amount),
            line("6001", "CREDIT", amount)));
    Files.write(quotaVoucherRequest(), Jcs.serialize(voucher));
  }

  private static Map<String, Object> line(String account, String side, String amount) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("account", account);
    line.put("side", side);
    line.put("amount", amount);
    return line;
  }

  /**
   * A made-up citizen ID (GB 11643) for the sample card, different at every start (one card in
   * force per person): Xinyu's Yushui district, a birth date and sequence from the start time, and
   * the MOD 11-2 check character. Sample data only; the service's CitizenId validates.
   */
  static String sampleCitizenId(Instant now) {
    long seconds = now.getEpochSecond();
    java.time.LocalDate birth = java.time.LocalDate.of(1970, 1, 1).plusDays(seconds % 18_000);
    String first17 =
        String.format(
            "360502%04d%02d%02d%03d",
            birth.getYear(),
            birth.getMonthValue(),
            birth.getDayOfMonth(),
            (seconds / 18_000) % 1000);
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  /** A red round seal: ring, inner ring and a five-pointed star, on a transparent background. */
  static byte[] sealPng() throws IOException {
    BufferedImage image = new BufferedImage(IMAGE_SIZE, IMAGE_SIZE, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(new Color(0xD0, 0x10, 0x10));
      g.setStroke(new BasicStroke(10f));
      g.drawOval(8, 8, IMAGE_SIZE - 16, IMAGE_SIZE - 16);
      g.setStroke(new BasicStroke(3f));
      g.drawOval(26, 26, IMAGE_SIZE - 52, IMAGE_SIZE - 52);
      g.fillPolygon(star(IMAGE_SIZE / 2.0, IMAGE_SIZE / 2.0, 62, 24));
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, "png", out)) {
      throw new IOException("no PNG writer in this JDK");
    }
    return out.toByteArray();
  }

  private static Polygon star(double cx, double cy, double outer, double inner) {
    Polygon star = new Polygon();
    for (int i = 0; i < 10; i++) {
      double r = i % 2 == 0 ? outer : inner;
      double angle = -Math.PI / 2 + i * Math.PI / 5;
      star.addPoint(
          (int) Math.round(cx + r * Math.cos(angle)), (int) Math.round(cy + r * Math.sin(angle)));
    }
    return star;
  }

  /** A valid one-page A4 PDF 1.7 with a line of text, cross-reference offsets computed. */
  static byte[] onePagePdf() {
    String text =
        "BT /F1 18 Tf 72 760 Td (GovChain sample document) Tj 0 -28 Td /F1 11 Tf"
            + " (Stamp me with ./govchain's walkthrough; dev only.) Tj ET";
    List<String> objects = new ArrayList<>();
    objects.add("<< /Type /Catalog /Pages 2 0 R >>");
    objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    objects.add(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
            + " /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>");
    objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    objects.add("<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream");
    StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.length());
      pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) {
      pdf.append(String.format("%010d 00000 n \n", offset));
    }
    pdf.append("trailer\n<< /Size ")
        .append(objects.size() + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
