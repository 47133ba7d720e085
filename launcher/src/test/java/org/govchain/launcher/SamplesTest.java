package org.govchain.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.govchain.anchor.canonical.Jcs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesTest {

  private static final String CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  @TempDir Path dir;

  @Test
  void sampleCreditCodeHasTheCheckCharacterOfGb32100() {
    String code = Samples.SAMPLE_CREDIT_CODE;
    int sum = 0;
    int weight = 1;
    for (int i = 0; i < 17; i++) {
      sum += CREDIT_CODE_CHARS.indexOf(code.charAt(i)) * weight;
      weight = weight * 3 % 31;
    }
    assertThat(code).hasSize(18);
    assertThat(code.charAt(17)).isEqualTo(CREDIT_CODE_CHARS.charAt((31 - sum % 31) % 31));
  }

  @Test
  void sealImageIsASquarePngWithTransparency() throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(Samples.sealPng()));

    assertThat(image.getWidth()).isEqualTo(image.getHeight()).isBetween(64, 2048);
    assertThat(image.getColorModel().hasAlpha()).isTrue();
    assertThat(image.getRGB(0, 0) >>> 24).as("corner transparent").isZero();
    assertThat(image.getRGB(image.getWidth() / 2, image.getHeight() / 2) & 0xffffff)
        .as("red star in the middle")
        .isEqualTo(0xD01010);
  }

  @Test
  void pdfCrossReferenceOffsetsPointAtTheirObjects() {
    String pdf = new String(Samples.onePagePdf(), StandardCharsets.US_ASCII);
    Matcher startxref = Pattern.compile("startxref\n(\\d+)\n%%EOF\n$").matcher(pdf);
    assertThat(startxref.find()).isTrue();
    int xref = Integer.parseInt(startxref.group(1));
    assertThat(pdf.substring(xref)).startsWith("xref\n0 6\n");
    Matcher entry = Pattern.compile("(\\d{10}) 00000 n \n").matcher(pdf.substring(xref));
    int object = 1;
    while (entry.find()) {
      assertThat(pdf.substring(Integer.parseInt(entry.group(1)))).startsWith(object + " 0 obj\n");
      object++;
    }
    assertThat(object).isEqualTo(6);
    Matcher length = Pattern.compile("/Length (\\d+) >>\nstream\n").matcher(pdf);
    assertThat(length.find()).isTrue();
    int start = length.end();
    assertThat(pdf.substring(start + Integer.parseInt(length.group(1)))).startsWith("\nendstream");
  }

  @Test
  void createSealRequestCarriesTheImageAndAValidityFromNow() throws Exception {
    Instant now = Instant.parse("2026-01-02T03:04:05.678Z");
    Samples samples = new Samples(dir);
    samples.write(now);

    @SuppressWarnings("unchecked")
    Map<String, Object> body =
        (Map<String, Object>) Jcs.parse(Files.readAllBytes(samples.createSealRequest()));
    assertThat(body)
        .containsEntry("creditCode", Samples.SAMPLE_CREDIT_CODE)
        .containsEntry("type", "OFFICIAL")
        .containsEntry("validFrom", "2026-01-02T03:04:05Z")
        .containsEntry("validUntil", "2029-01-01T03:04:05Z");
    assertThat(Base64.getDecoder().decode((String) body.get("imagePng")))
        .isEqualTo(Files.readAllBytes(samples.sealImage()));
    assertThat(Files.readAllBytes(samples.document())).startsWith("%PDF-1.7".getBytes());
  }
}
