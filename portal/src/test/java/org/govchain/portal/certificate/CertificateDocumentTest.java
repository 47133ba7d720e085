package org.govchain.portal.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateDocumentTest {

  private static final float POINTS_PER_MM = 72 / 25.4f;

  /** The layout's right margin: text must end before it. */
  private static final float RIGHT_EDGE = PDRectangle.A4.getWidth() - 20 * POINTS_PER_MM;

  private static final String VERIFICATION_URL =
      "https://audit.govchain.example/portal/#/verify?evidence="
          + "L2FwaS9zZWFsfDQxfDNmMmE5YzBiN2QxZTRhNTU2YzhkOWUwZjFhMmIzYzRk"
          + "NWU2ZjcwODE5MmEzYjRjNWQ2ZTdmODA5MWEyYjNjNGQ"
          + ".q9X3mY0vVw8n2Zp1TgQe5Jr7Ls4Hk6Ud0Ca3Bf9Ei2M";

  private static final CertificateContent SAMPLE =
      sample("sealing-7f3c2a91-4b8e-4d0a-9c61-2e5d8f1a0b37");

  private static byte[] pdf;

  @BeforeAll
  static void render() throws IOException {
    pdf = CertificateDocument.render(SAMPLE);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      BufferedImage preview = new PDFRenderer(document).renderImageWithDPI(0, 100);
      Files.createDirectories(Path.of("target"));
      ImageIO.write(preview, "png", Path.of("target", "certificate-preview.png").toFile());
    }
  }

  @Test
  void isOneA4PageWellUnderAMegabyte() throws IOException {
    // the fonts are subsets: the whole fonts would be 20 MB
    assertThat(pdf.length).isLessThan(200_000);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      PDRectangle box = document.getPage(0).getMediaBox();
      assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(0.5f));
      assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within(0.5f));
    }
  }

  @Test
  void statesEveryValueInFull() throws IOException {
    String text = text(pdf);
    // values may wrap onto the next line: compare them without line breaks, and phrases with
    // every line break as one space
    String joined = text.replaceAll("\\s", "");
    String spaced = text.replaceAll("\\s+", " ");

    assertThat(text).contains("存证证书", "Evidence Certificate", "How to verify", "VALID");
    assertThat(spaced).contains("SHA-256(0x00 ‖ RFC 8785 canonical event envelope)");
    assertThat(spaced)
        .contains(
            "java -jar govchain-verify.jar verify <bundle.json> --rpc <your node>"
                + " --log-key <the log's key>");
    assertThat(joined)
        .contains(
            SAMPLE.certificateNumber(),
            SAMPLE.recordType(),
            SAMPLE.recordId(),
            SAMPLE.recordTime(),
            SAMPLE.leafHash(),
            SAMPLE.logOrigin(),
            SAMPLE.rootHash(),
            SAMPLE.registryAddress(),
            SAMPLE.logId(),
            SAMPLE.transactionHash(),
            SAMPLE.blockTime(),
            SAMPLE.issuedAt(),
            SAMPLE.verificationUrl(),
            SAMPLE.rpcUrl());
    // the numbers, each in the table next to its label
    assertThat(joined)
        .contains(
            "记录版本Version" + SAMPLE.recordVersion(),
            "条目序号Leafindex" + SAMPLE.leafIndex(),
            "检查点大小Treesize" + SAMPLE.treeSize(),
            "链标识ChainID" + SAMPLE.chainId(),
            "区块高度Block" + SAMPLE.blockNumber(),
            "确认数Confirmations" + SAMPLE.confirmations());
    // the hashes are short enough to stay on one line in the table, so they copy out whole
    assertThat(text.lines())
        .anySatisfy(line -> assertThat(line).contains(SAMPLE.leafHash()))
        .anySatisfy(line -> assertThat(line).contains(SAMPLE.rootHash()))
        .anySatisfy(line -> assertThat(line).contains(SAMPLE.logId()))
        .anySatisfy(line -> assertThat(line).contains(SAMPLE.transactionHash()));
  }

  @Test
  void embedsItsChineseFontsAsSubsets() throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDResources resources = document.getPage(0).getResources();
      List<String> embedded = new ArrayList<>();
      for (COSName name : resources.getFontNames()) {
        PDFont font = resources.getFont(name);
        if (font instanceof PDType0Font type0) {
          assertThat(type0.isEmbedded()).isTrue();
          embedded.add(type0.getName());
        } else {
          // the values' Courier: a standard font every reader has
          assertThat(font).isInstanceOf(PDType1Font.class);
          assertThat(((PDType1Font) font).isStandard14()).isTrue();
        }
      }
      assertThat(embedded)
          .hasSize(2)
          .allMatch(name -> name.matches("[A-Z]{6}\\+NotoSansSC-.+"), "a subset of Noto Sans SC")
          .anyMatch(name -> name.endsWith("Regular"))
          .anyMatch(name -> name.endsWith("Bold"));
    }
  }

  @Test
  void itsQrCodeOpensTheVerificationPage() throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200);
      Result result =
          new QRCodeReader()
              .decode(
                  new BinaryBitmap(new HybridBinarizer(new ImageLuminance(page))),
                  Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
      assertThat(result.getText()).isEqualTo(VERIFICATION_URL);

      // from the outer edge of the top-left finder pattern to that of the top-right one
      ResultPoint topLeft = result.getResultPoints()[1];
      ResultPoint topRight = result.getResultPoints()[2];
      int row = Math.round(topLeft.getY());
      int left = outerEdge(page, Math.round(topLeft.getX()), row, -1);
      int right = outerEdge(page, Math.round(topRight.getX()), row, 1);
      assertThat((right - left + 1) / 200.0 * 25.4)
          .as("the QR code's width in mm")
          .isBetween(39.8, 40.5);
    }
  }

  @Test
  void leavesTheSealsSpotEmpty() throws IOException {
    CertificateDocument.SealPlacement seal = CertificateDocument.SEAL_PLACEMENT;
    assertThat(seal.page()).isEqualTo(1);
    assertThat(seal.width()).isGreaterThanOrEqualTo(40);
    Rectangle2D spot = sealSpot();
    assertThat(new Rectangle2D.Double(0, 0, RIGHT_EDGE, PDRectangle.A4.getHeight()).contains(spot))
        .as("the seal lies within the page's margins")
        .isTrue();

    assertThat(glyphBoxes(pdf)).noneMatch(box -> box.intersects(spot));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      float dpi = 200;
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, dpi);
      double pixelsPerPoint = dpi / 72;
      for (int y = (int) (spot.getMinY() * pixelsPerPoint);
          y < spot.getMaxY() * pixelsPerPoint;
          y++) {
        for (int x = (int) (spot.getMinX() * pixelsPerPoint);
            x < spot.getMaxX() * pixelsPerPoint;
            x++) {
          assertThat(page.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(0xFFFFFF);
        }
      }
    }
  }

  @Test
  void aLongRecordIdWrapsWithinThePage() throws IOException {
    String recordId =
        "record-" + "0123456789abcdefghijklmnopqrstuvwxyz".repeat(4).substring(0, 113);
    assertThat(recordId).hasSize(120);
    byte[] certificate = CertificateDocument.render(sample(recordId));

    assertThat(text(certificate).replaceAll("\\s", "")).contains(recordId);
    List<Rectangle2D> boxes = glyphBoxes(certificate);
    assertThat(boxes)
        .isNotEmpty()
        .allSatisfy(
            box -> {
              assertThat(box.getMaxX()).isLessThanOrEqualTo(RIGHT_EDGE + 0.5);
              assertThat(box.getMaxY()).isLessThanOrEqualTo(PDRectangle.A4.getHeight());
            })
        .noneMatch(box -> box.intersects(sealSpot()));
  }

  @Test
  void refusesBlankValues() {
    assertThatThrownBy(() -> sample(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recordId");
  }

  /** Where the seal goes, in points from the top-left corner: square, as the impressions are. */
  private static Rectangle2D sealSpot() {
    CertificateDocument.SealPlacement seal = CertificateDocument.SEAL_PLACEMENT;
    return new Rectangle2D.Double(
        seal.x() * POINTS_PER_MM,
        seal.y() * POINTS_PER_MM,
        seal.width() * POINTS_PER_MM,
        seal.width() * POINTS_PER_MM);
  }

  /**
   * The last dark pixel from {@code x} on {@code row} going in {@code direction} before the QR
   * code's quiet zone (ten light pixels in a row: wider than a module, narrower than the zone).
   */
  private static int outerEdge(BufferedImage image, int x, int row, int direction) {
    int lastDark = x;
    for (int i = x, light = 0; light < 10; i += direction) {
      int rgb = image.getRGB(i, row);
      boolean dark = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 3 * 128;
      if (dark) {
        lastDark = i;
        light = 0;
      } else {
        light++;
      }
    }
    return lastDark;
  }

  private static CertificateContent sample(String recordId) {
    return new CertificateContent(
        "GC-3F2A9C0B7D1E4A55",
        "seal.sealing.created",
        recordId,
        3,
        "2026-11-28T17:59:58.123Z",
        "6c2d0b1f0a8e4d7f9e3c5b2a1d0e9f8c7b6a5d4c3b2a1f0e9d8c7b6a5f4e3d2c",
        41,
        "seal.govchain.example",
        100,
        "3f2a9c0b7d1e4a556c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d",
        31337,
        "0x5fbdb2315678afecb367f032d93f642f64180aa3",
        "0x8e4a1c2d3b4f5a69788776655443322110ffeeddccbbaa998877665544332211",
        "0xa1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90",
        12,
        "2026-11-28T18:00:00Z",
        7,
        "2026-11-28T18:03:12Z",
        VERIFICATION_URL,
        "http://localhost:8545");
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /** Every glyph's box on the first page, in points from the page's top-left corner. */
  private static List<Rectangle2D> glyphBoxes(byte[] pdf) throws IOException {
    List<Rectangle2D> boxes = new ArrayList<>();
    PDFTextStripper stripper =
        new PDFTextStripper() {
          @Override
          protected void processTextPosition(TextPosition text) {
            boxes.add(
                new Rectangle2D.Double(
                    text.getXDirAdj(),
                    text.getYDirAdj() - text.getHeightDir(),
                    text.getWidthDirAdj(),
                    text.getHeightDir()));
          }
        };
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDPage page = document.getPage(0);
      assertThat(page.getRotation()).isZero();
      stripper.getText(document);
    }
    return boxes;
  }

  /** The page's grey levels as ZXing reads them (its own image adapter is not in {@code core}). */
  private static final class ImageLuminance extends LuminanceSource {

    private final byte[] luminance;

    ImageLuminance(BufferedImage image) {
      super(image.getWidth(), image.getHeight());
      int[] pixels = image.getRGB(0, 0, getWidth(), getHeight(), null, 0, getWidth());
      luminance = new byte[pixels.length];
      for (int i = 0; i < pixels.length; i++) {
        int red = (pixels[i] >> 16) & 0xFF;
        int green = (pixels[i] >> 8) & 0xFF;
        int blue = pixels[i] & 0xFF;
        luminance[i] = (byte) ((299 * red + 587 * green + 114 * blue) / 1000);
      }
    }

    @Override
    public byte[] getRow(int y, byte[] row) {
      byte[] target = row == null || row.length < getWidth() ? new byte[getWidth()] : row;
      System.arraycopy(luminance, y * getWidth(), target, 0, getWidth());
      return target;
    }

    @Override
    public byte[] getMatrix() {
      return luminance;
    }
  }
}
