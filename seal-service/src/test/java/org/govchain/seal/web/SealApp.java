package org.govchain.seal.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.govchain.seal.SealServiceApplication;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.service.ServiceUnderTest;
import org.govchain.testsupport.tokens.TestIssuer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;

/**
 * The seal service running on a random port against a test database, with request fixtures.
 *
 * <p>Tests read every answer's body ({@code expectBody(Void.class)} when only the status matters):
 * an unread body keeps the client's Netty buffers, which the leak detector reports.
 */
final class SealApp implements AutoCloseable {

  /** Huawei's published unified social credit code. */
  static final String CREDIT_CODE = "914403001922038216";

  /** The subject of the seal clerk's token: the operator recorded for its sealings. */
  static final String CLERK = "clerk-wang";

  /** The subject of the auditor's token. */
  static final String AUDITOR = "auditor-li";

  /** The tables a seal write touches: seals, status changes, sealings, log entries, keys. */
  static final String[] WRITE_TABLES = {
    "seal", "seal_status_change", "sealing", "govchain_log_entry", "govchain_idempotency"
  };

  /** The running service (test-support's harness). */
  final ServiceUnderTest service;

  final ConfigurableApplicationContext context;
  final TestIssuer tokens;

  /** A client with a seal clerk's token ({@link #CLERK}, role {@code seal-clerk}). */
  final WebTestClient client;

  /** A client with an auditor's token ({@link #AUDITOR}, role {@code auditor}). */
  final WebTestClient auditor;

  /** A client without any token. */
  final WebTestClient anonymous;

  final PostgresServer.Database db;

  private SealApp(ServiceUnderTest service) {
    this.service = service;
    this.context = service.context();
    this.tokens = service.tokens();
    this.db = service.database();
    this.client = service.client(CLERK, "seal-clerk");
    this.auditor = service.client(AUDITOR, "auditor");
    this.anonymous = service.anonymous();
  }

  /** A client that sends {@code token} as its bearer token, or none if it is null. */
  WebTestClient withToken(String token) {
    return service.withToken(token);
  }

  /** {@code http://localhost:<port>} of the running service. */
  String baseUrl() {
    return service.baseUrl();
  }

  /**
   * The service on {@code db} with its own CA directory and a 300 KB PDF limit; {@code extra}
   * settings ({@code name=value}) win.
   */
  static SealApp start(PostgresServer.Database db, String... extra) {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("seal-data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> properties = new ArrayList<>();
    properties.add("govchain.seal.ca.data-dir=" + dataDir);
    properties.add("govchain.seal.uploads.max-pdf-size=300KB");
    properties.addAll(List.of(extra));
    return new SealApp(
        ServiceUnderTest.start(
            SealServiceApplication.class, db, properties.toArray(String[]::new)));
  }

  /** A JSON create request for an ECDSA official seal valid for a year. */
  static Map<String, Object> createRequest(String name) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return new java.util.LinkedHashMap<>(
        Map.of(
            "name",
            name,
            "organisation",
            "华为技术有限公司",
            "creditCode",
            CREDIT_CODE,
            "type",
            "OFFICIAL",
            "validFrom",
            now.minus(Duration.ofMinutes(5)).toString(),
            "validUntil",
            now.plus(Duration.ofDays(365)).toString(),
            "imagePng",
            Base64.getEncoder().encodeToString(png(200, 200, false))));
  }

  /** Creates a seal and returns its id. */
  String createSeal(Map<String, Object> request) {
    return client
        .post()
        .uri("/api/seal/seals")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(request)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody()
        .get("id")
        .toString();
  }

  /** Seals {@code pdf} on its first page with seal {@code sealId}; the sealed PDF. */
  byte[] sealPdf(String sealId, byte[] pdf) {
    return client
        .post()
        .uri("/api/seal/seals/{id}/sealings", sealId)
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .bodyValue(sealingForm(pdf, "1"))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(byte[].class)
        .returnResult()
        .getResponseBody();
  }

  /** A red seal-like PNG; with noise it does not compress (for size limits). */
  static byte[] png(int width, int height, boolean noise) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.drawOval(2, 2, width - 4, height - 4);
    g.dispose();
    if (noise) {
      Random random = new Random(42);
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          image.setRGB(x, y, random.nextInt() | 0xFF000000);
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A one-page A4 PDF made with PDFBox. */
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

  /** The multipart body of a sealing request. */
  static MultiValueMap<String, HttpEntity<?>> sealingForm(byte[] document, String page) {
    MultipartBodyBuilder form = new MultipartBodyBuilder();
    form.part("document", document).filename("document.pdf").contentType(MediaType.APPLICATION_PDF);
    form.part("page", page);
    form.part("x", "120");
    form.part("y", "200");
    form.part("width", "40");
    return form.build();
  }

  /** The multipart body of a verification request. */
  static MultiValueMap<String, HttpEntity<?>> verificationForm(byte[] document, byte[] signature) {
    MultipartBodyBuilder form = new MultipartBodyBuilder();
    form.part("document", document).filename("document");
    if (signature != null) {
      form.part("signature", signature).filename("signature.p7s");
    }
    return form.build();
  }

  /** Row counts of {@link #WRITE_TABLES}. */
  Map<String, Long> rowCounts() {
    return service.rowCounts(WRITE_TABLES);
  }

  long count(String sql) {
    return service.count(sql);
  }

  @Override
  public void close() {
    service.close();
  }
}
