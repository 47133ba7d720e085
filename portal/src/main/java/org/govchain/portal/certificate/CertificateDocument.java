package org.govchain.portal.certificate;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders an evidence certificate (存证证书): one A4 page, Chinese first and English beside or below,
 * stating that a record is an entry of an append-only log whose checkpoint is anchored on chain,
 * listing every value that statement rests on and telling the reader how to check it again — with
 * the QR code of the portal page that verifies the record anew, and an empty spot for the platform
 * seal, which the seal service stamps and signs afterwards ({@link #SEAL_PLACEMENT}).
 *
 * <p>Text is set in Noto Sans SC (SIL OFL 1.1), embedded as subsets so the file stays small. Values
 * are set in Courier, one of the standard fonts every PDF reader has, so that hashes read as code
 * and copy out of the PDF exactly; characters of a value beyond printable ASCII fall back to Noto
 * Sans SC. The upper part (title, statement, table of values) flows from the top and is set smaller
 * when long values need more lines; the lower part (QR code, verification instructions, seal,
 * footer) hangs from the seal's top edge, so the seal's spot stays empty whatever the values.
 */
public final class CertificateDocument {

  /**
   * Where the seal service should stamp the platform seal, as its sealing API takes it.
   *
   * @param page the page, 1-based
   * @param x the seal's left edge, millimetres from the page's left edge
   * @param y the seal's top edge, millimetres from the page's top edge
   * @param width the seal's width in millimetres (its height follows the seal image's aspect)
   */
  public record SealPlacement(int page, double x, double y, double width) {}

  /**
   * The lower right spot the layout leaves empty for the seal: 40 mm wide and, for the square
   * impressions the portal makes, as high; right-aligned with the text, beside the verification
   * instructions, with a light label under it.
   */
  public static final SealPlacement SEAL_PLACEMENT = new SealPlacement(1, 150, 200, 40);

  private static final String REGULAR_FONT = "fonts/NotoSansSC_400Regular.ttf";
  private static final String BOLD_FONT = "fonts/NotoSansSC_700Bold.ttf";

  // The page, in points from its top-left corner.
  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN = mm(20);
  private static final float TOP = mm(18);
  private static final float RIGHT = PAGE.getWidth() - MARGIN;
  private static final float CONTENT_WIDTH = RIGHT - MARGIN;

  /** The bottom of the footer's last line. */
  private static final float BOTTOM = PAGE.getHeight() - mm(14);

  private static final float SEAL_LEFT = mm(SEAL_PLACEMENT.x());
  private static final float SEAL_TOP = mm(SEAL_PLACEMENT.y());
  private static final float SEAL_SIZE = mm(SEAL_PLACEMENT.width());

  /** The room between the verification instructions and the seal. */
  private static final float SEAL_GUTTER = mm(6);

  /** The QR code's width without its quiet zone. */
  private static final float QR_WIDTH = mm(40);

  private static final float LABEL_WIDTH = mm(46);
  private static final float CELL_PADDING = mm(2);
  private static final float STEP_INDENT = mm(4);
  private static final float STEP_GAP = 3;

  /** How much the upper part may shrink, step by step, to leave the lower part its room. */
  private static final float[] SCALES = {1f, 0.95f, 0.9f, 0.85f, 0.8f, 0.75f, 0.7f};

  /** The verification URL's sizes under the QR code, tried in turn until it fits. */
  private static final float[] URL_SIZES = {6f, 5.5f, 5f, 4.5f};

  private static final Color INK = new Color(0x1A, 0x1A, 0x1A);
  private static final Color SECONDARY = new Color(0x55, 0x5B, 0x63);
  private static final Color FAINT = new Color(0x9A, 0xA0, 0xA8);
  private static final Color NAVY = new Color(0x1F, 0x3A, 0x5F);
  private static final Color RULE = new Color(0xD5, 0xDA, 0xE1);
  private static final Color SHADE = new Color(0xEE, 0xF2, 0xF7);

  /** Punctuation a line must not start with: it stays with the character before it. */
  private static final String CLOSING = "，。、；：！？）》」』,.;:!?)";

  /** Punctuation a line must not end with: it stays with the character after it. */
  private static final String OPENING = "（《「『(";

  private CertificateDocument() {}

  /**
   * The certificate of {@code content}, unsealed, as PDF bytes.
   *
   * @throws IllegalArgumentException when a value has a character the fonts cannot show, when the
   *     values are too long for one page even set smaller, or when the verification URL is not
   *     ASCII or too long to print under its QR code
   */
  public static byte[] render(CertificateContent content) {
    try (PDDocument document = new PDDocument()) {
      Fonts fonts = Fonts.load(document);
      PDPage page = new PDPage(PAGE);
      document.addPage(page);
      Canvas canvas = layOut(content, fonts);
      try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
        canvas.draw(stream);
      }
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("存证证书 Evidence Certificate " + content.certificateNumber());
      info.setSubject(content.recordType() + " " + content.recordId());
      info.setCreator("GovChain auditor's portal");
      document.getDocumentCatalog().setLanguage("zh-CN");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "rendering certificate " + content.certificateNumber() + " failed", e);
    }
  }

  /** The page: its lower part, then its upper part at the largest scale that fits above it. */
  private static Canvas layOut(CertificateContent content, Fonts fonts) {
    Canvas page = new Canvas();
    frame(page);
    float lowerTop = lowerPart(page, content, new Styles(fonts, 1));
    for (float scale : SCALES) {
      Canvas upper = new Canvas();
      if (upperPart(upper, content, new Styles(fonts, scale)) <= lowerTop) {
        page.addAll(upper);
        return page;
      }
    }
    throw new IllegalArgumentException(
        "certificate "
            + content.certificateNumber()
            + ": its values are too long for one page (record id of "
            + content.recordId().length()
            + " characters)");
  }

  /** A double rule around the page, as printed certificates have. */
  private static void frame(Canvas page) {
    float outer = mm(10);
    float inner = mm(11.2f);
    page.stroke(
        outer, outer, PAGE.getWidth() - 2 * outer, PAGE.getHeight() - 2 * outer, 1.1f, NAVY);
    page.stroke(
        inner, inner, PAGE.getWidth() - 2 * inner, PAGE.getHeight() - 2 * inner, 0.35f, NAVY);
  }

  /** Title, statement and the table of values from the top of the page; answers their end. */
  private static float upperPart(Canvas canvas, CertificateContent c, Styles s) {
    float y = TOP;
    y = canvas.paragraph(List.of(s.title("存证证书")), MARGIN, y, CONTENT_WIDTH, s.size(28), true);
    y =
        canvas.paragraph(
            List.of(s.subtitle("Evidence Certificate")),
            MARGIN,
            y,
            CONTENT_WIDTH,
            s.size(15),
            true);
    y += s.size(3);
    List<Run> number = new ArrayList<>();
    number.add(s.label("证书编号 "));
    number.add(s.labelEnglish("Certificate No.  "));
    number.addAll(s.valueBold(c.certificateNumber()));
    y = canvas.paragraph(number, MARGIN, y, CONTENT_WIDTH, s.size(13), true);
    y += s.size(5);
    canvas.rule(MARGIN, y, CONTENT_WIDTH, 1.2f, NAVY);
    canvas.rule(MARGIN, y + 2.2f, CONTENT_WIDTH, 0.4f, NAVY);
    y += s.size(10);

    y = canvas.paragraph(statementZh(c, s), MARGIN, y, CONTENT_WIDTH, s.size(13.5f), false);
    y += s.size(3);
    y = canvas.paragraph(statementEn(c, s), MARGIN, y, CONTENT_WIDTH, s.size(11), false);
    y += s.size(9);

    y = group(canvas, s, y, "存证记录", "Record", recordRows(c, s));
    y = group(canvas, s, y, "日志", "Merkle log", logRows(c, s));
    y = group(canvas, s, y, "链上锚定", "On-chain anchor", anchorRows(c, s));
    canvas.rule(MARGIN, y, CONTENT_WIDTH, 0.8f, NAVY);
    return y;
  }

  private static List<Run> statementZh(CertificateContent c, Styles s) {
    return new Sentence(s, s::body)
        .run(s.bodyBold("兹证明："))
        .text("记录 ")
        .value(c.recordId())
        .text("（")
        .value(c.recordType())
        .text("，第 ")
        .value(c.recordVersion())
        .text(" 版）的规范事件信封（其 SHA-256 叶子哈希见下表）是日志 ")
        .value(c.logOrigin())
        .text(" 中序号为 ")
        .value(c.leafIndex())
        .text(" 的条目；该日志大小为 ")
        .value(c.treeSize())
        .text("、根哈希为 ")
        .value(c.rootHash())
        .text(" 的检查点已锚定于链 ")
        .value(c.chainId())
        .text(" 上的存证合约 ")
        .value(c.registryAddress())
        .text("，交易 ")
        .value(c.transactionHash())
        .text("，区块 ")
        .value(c.blockNumber())
        .text("，区块时间 ")
        .value(c.blockTime())
        .text("。本证书出具时已核验上述全部内容，其时该区块已有 ")
        .value(c.confirmations())
        .text(" 个确认。")
        .runs();
  }

  private static List<Run> statementEn(CertificateContent c, Styles s) {
    return new Sentence(s, s::bodyEnglish)
        .text("This certifies that the canonical event envelope of record ")
        .value(c.recordId())
        .text(" (")
        .value(c.recordType())
        .text(", version ")
        .value(c.recordVersion())
        .text("), whose SHA-256 leaf hash is given below, is the entry at index ")
        .value(c.leafIndex())
        .text(" of log ")
        .value(c.logOrigin())
        .text("; the log's checkpoint of size ")
        .value(c.treeSize())
        .text(" with root hash ")
        .value(c.rootHash())
        .text(" is anchored on chain ")
        .value(c.chainId())
        .text(" in registry ")
        .value(c.registryAddress())
        .text(", transaction ")
        .value(c.transactionHash())
        .text(", block ")
        .value(c.blockNumber())
        .text(" at ")
        .value(c.blockTime())
        .text(". All of this was verified when the certificate was issued, with ")
        .value(c.confirmations())
        .text(" confirmations.")
        .runs();
  }

  /** One row of the table: its label in both languages and its value. */
  private record Row(String zh, String en, List<Run> value) {}

  private static List<Row> recordRows(CertificateContent c, Styles s) {
    return List.of(
        new Row("记录类型", "Record type", s.value(c.recordType())),
        new Row("记录标识", "Record ID", s.value(c.recordId())),
        new Row("记录版本", "Version", s.value(Long.toString(c.recordVersion()))),
        new Row("记录时间", "Record time", s.value(c.recordTime())),
        new Row("叶子哈希", "Leaf hash", s.value(c.leafHash())),
        new Row(
            "哈希算法",
            "Hash algorithm",
            List.of(
                s.valueProse(
                    "SHA-256, RFC 9162 leaf hash: SHA-256(0x00 ‖ RFC 8785 canonical event"
                        + " envelope)"))));
  }

  private static List<Row> logRows(CertificateContent c, Styles s) {
    return List.of(
        new Row("日志名称", "Log origin", s.value(c.logOrigin())),
        new Row("条目序号", "Leaf index", s.value(Long.toString(c.leafIndex()))),
        new Row("检查点大小", "Tree size", s.value(Long.toString(c.treeSize()))),
        new Row("根哈希", "Root hash", s.value(c.rootHash())));
  }

  private static List<Row> anchorRows(CertificateContent c, Styles s) {
    return List.of(
        new Row("链标识", "Chain ID", s.value(Long.toString(c.chainId()))),
        new Row("存证合约", "Registry", s.value(c.registryAddress())),
        new Row("日志标识", "Log ID", s.value(c.logId())),
        new Row("交易哈希", "Transaction", s.value(c.transactionHash())),
        new Row("区块高度", "Block", s.value(Long.toString(c.blockNumber()))),
        new Row("区块时间", "Block time", s.value(c.blockTime())),
        new Row("确认数", "Confirmations", s.value(Long.toString(c.confirmations()))),
        new Row("核验节点", "Verified via", s.value(c.rpcUrl())));
  }

  /** A shaded group heading and its rows, ruled apart; answers where the group ends. */
  private static float group(
      Canvas canvas, Styles s, float top, String zh, String en, List<Row> rows) {
    float leading = s.size(10);
    float padding = s.size(1.8f);
    float headingHeight = leading + 2 * padding;
    canvas.fill(MARGIN, top, CONTENT_WIDTH, headingHeight, SHADE);
    canvas.paragraph(
        List.of(s.heading(zh + "  "), s.headingEnglish(en)),
        MARGIN + CELL_PADDING,
        top + padding,
        CONTENT_WIDTH - 2 * CELL_PADDING,
        leading,
        false);
    float valueLeft = MARGIN + LABEL_WIDTH;
    float y = top + headingHeight;
    for (Row row : rows) {
      float labelBottom =
          canvas.paragraph(
              List.of(s.label(row.zh() + " "), s.labelEnglish(row.en())),
              MARGIN + CELL_PADDING,
              y + padding,
              LABEL_WIDTH - 2 * CELL_PADDING,
              leading,
              false);
      float valueBottom =
          canvas.paragraph(
              row.value(),
              valueLeft,
              y + padding,
              RIGHT - CELL_PADDING - valueLeft,
              leading,
              false);
      y = Math.max(labelBottom, valueBottom) + padding;
      canvas.rule(MARGIN, y, CONTENT_WIDTH, 0.4f, RULE);
    }
    return y;
  }

  /**
   * The QR code with the verification URL under it, the verification instructions beside it and the
   * seal's label, all hanging from the seal's top edge, and the footer on the bottom line; answers
   * the top of the lower part, which the upper part must not pass.
   */
  private static float lowerPart(Canvas canvas, CertificateContent c, Styles s) {
    float footerTop = footer(canvas, c, s);

    QrCode qr = QrCode.of(c.verificationUrl());
    float module = QR_WIDTH / qr.size();
    float quietZone = Math.max(4 * module, mm(3));
    canvas.qr(qr, MARGIN, SEAL_TOP, module);
    verificationUrl(canvas, c, s, SEAL_TOP + QR_WIDTH + quietZone, footerTop - mm(2));

    float instructionsLeft = MARGIN + QR_WIDTH + quietZone + mm(2);
    instructions(canvas, s, instructionsLeft, SEAL_TOP, SEAL_LEFT - SEAL_GUTTER - instructionsLeft);

    float labelTop = SEAL_TOP + SEAL_SIZE + mm(1.5f);
    canvas.paragraph(List.of(s.sealLabel("（平台电子印章）")), SEAL_LEFT, labelTop, SEAL_SIZE, 10, true);
    canvas.paragraph(
        List.of(s.sealLabelEnglish("platform e-seal")),
        SEAL_LEFT,
        labelTop + 10,
        SEAL_SIZE,
        9,
        true);
    return SEAL_TOP - quietZone;
  }

  /**
   * The verification URL in full under the QR code, as large as fits above {@code bottom}.
   *
   * @throws IllegalArgumentException when it does not fit even small
   */
  private static void verificationUrl(
      Canvas canvas, CertificateContent c, Styles s, float top, float bottom) {
    float y =
        canvas.paragraph(
            List.of(s.label("验证网址 "), s.labelEnglish("Verification URL")),
            MARGIN,
            top,
            QR_WIDTH,
            11,
            false);
    for (float size : URL_SIZES) {
      List<Run> url = s.code(c.verificationUrl(), size);
      float leading = size + 1.5f;
      if (y + Canvas.height(url, QR_WIDTH, leading) <= bottom) {
        canvas.paragraph(url, MARGIN, y, QR_WIDTH, leading, false);
        return;
      }
    }
    throw new IllegalArgumentException(
        "certificate "
            + c.certificateNumber()
            + ": the verification URL of "
            + c.verificationUrl().length()
            + " characters is too long to print under its QR code");
  }

  /** The numbered verification instructions in the column beside the QR code. */
  private static void instructions(Canvas canvas, Styles s, float x, float top, float width) {
    float y =
        canvas.paragraph(
            List.of(s.heading("验证方法  "), s.headingEnglish("How to verify")),
            x,
            top,
            width,
            12,
            false);
    y += 3;
    y =
        step(
            canvas,
            s,
            x,
            y,
            width,
            "1",
            List.of(s.instruction("扫描左侧二维码，或打开其下印出的网址：该页面在您自己的浏览器中重新计算全部哈希，并直接向区块链查询。")),
            List.of(
                s.instructionEnglish(
                    "Scan the QR code or open the URL printed under it: the page recomputes"
                        + " everything in your own browser and asks the chain directly.")));
    y += STEP_GAP;
    y =
        step(
            canvas,
            s,
            x,
            y,
            width,
            "2",
            List.of(s.instruction("或使用 govchain-verify 离线验证本记录的证明包：")),
            List.of(s.instructionEnglish("Or offline with govchain-verify:")));
    y =
        canvas.paragraph(
            s.code(
                "java -jar govchain-verify.jar verify <bundle.json> --rpc <your node>"
                    + " --log-key <the log's key>",
                6.5f),
            x + STEP_INDENT,
            y,
            width - STEP_INDENT,
            8.5f,
            false);
    y += STEP_GAP;
    step(
        canvas,
        s,
        x,
        y,
        width,
        "3",
        List.of(
            s.instruction("验证结果须为 VALID。本证书上的印章是 PAdES 电子签名，任何 PDF 阅读器（或 "),
            s.instructionCode("pdfsig"),
            s.instruction("）均可核验。")),
        List.of(
            s.instructionEnglish(
                "The result must be VALID. The seal on this certificate is a PAdES signature"
                    + " any PDF reader (or "),
            s.instructionCode("pdfsig"),
            s.instructionEnglish(") can check.")));
  }

  /** One numbered instruction, its number hanging left, Chinese then English; answers its end. */
  private static float step(
      Canvas canvas,
      Styles s,
      float x,
      float top,
      float width,
      String number,
      List<Run> zh,
      List<Run> en) {
    canvas.paragraph(List.of(s.instruction(number + ".")), x, top, STEP_INDENT, 11.5f, false);
    float y = canvas.paragraph(zh, x + STEP_INDENT, top, width - STEP_INDENT, 11.5f, false);
    return canvas.paragraph(en, x + STEP_INDENT, y, width - STEP_INDENT, 9.5f, false);
  }

  /**
   * The footer, its last line ending on {@link #BOTTOM}: when the certificate was issued and what
   * it asserts; answers its top.
   */
  private static float footer(Canvas canvas, CertificateContent c, Styles s) {
    List<Run> issued = new ArrayList<>();
    issued.add(s.footer("出具时间 "));
    issued.add(s.footerEnglish("Issued at  "));
    issued.addAll(s.code(c.issuedAt(), 7.5f));
    List<Run> zh = List.of(s.footer("本证书证明上述记录不晚于其区块时间已经存在，且自该时起未被篡改。"));
    List<Run> en =
        List.of(
            s.footerEnglish(
                "This certificate asserts that the record existed no later than the block time"
                    + " and has not been altered since."));
    float leading = 10.5f;
    float top =
        BOTTOM
            - Canvas.height(issued, CONTENT_WIDTH, leading)
            - Canvas.height(zh, CONTENT_WIDTH, leading)
            - Canvas.height(en, CONTENT_WIDTH, leading);
    canvas.rule(MARGIN, top - mm(1), CONTENT_WIDTH, 0.4f, RULE);
    float y = canvas.paragraph(issued, MARGIN, top, CONTENT_WIDTH, leading, false);
    y = canvas.paragraph(zh, MARGIN, y, CONTENT_WIDTH, leading, false);
    canvas.paragraph(en, MARGIN, y, CONTENT_WIDTH, leading, false);
    return top - mm(1);
  }

  private static float mm(double millimetres) {
    return (float) (millimetres * 72 / 25.4);
  }

  /**
   * Has PDFBox find the system fonts it draws the standard Courier with, now rather than in the
   * first certificate's request: the first {@code PDType1Font} of a process makes PDFBox's font
   * mapper read every font file on the machine (seconds where a browser's fonts are installed, more
   * on a busy machine) — a fresh-clone CI run's first certificate took 10.4 s, past the gateway's
   * 10 s time limit, while it did so. Called once as the portal starts.
   */
  static void prepareFonts() {
    new PDType1Font(Standard14Fonts.FontName.COURIER);
    new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
  }

  /** The document's fonts: Noto Sans SC embedded as subsets, Courier as a standard font. */
  private record Fonts(PDFont regular, PDFont bold, PDFont mono, PDFont monoBold) {

    static Fonts load(PDDocument document) throws IOException {
      return new Fonts(
          embed(document, REGULAR_FONT),
          embed(document, BOLD_FONT),
          new PDType1Font(Standard14Fonts.FontName.COURIER),
          new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD));
    }

    private static PDFont embed(PDDocument document, String resource) throws IOException {
      try (InputStream in = CertificateDocument.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(
              "font resource "
                  + resource
                  + " is missing: the portal's build copies it from portal/fonts");
        }
        return PDType0Font.load(document, in, true);
      }
    }
  }

  /** A font, its size and colour. */
  private record Style(PDFont font, float size, Color color) {

    /** The width of {@code text} in points. */
    float width(String text) {
      try {
        return font.getStringWidth(text) / 1000 * size;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "the certificate's fonts cannot show \"" + text + "\": " + e.getMessage(), e);
      }
    }
  }

  /** A piece of text in one style. */
  private record Run(String text, Style style) {}

  /** The certificate's styles; the sizes of those the upper part uses follow {@code scale}. */
  private record Styles(Fonts fonts, float scale) {

    float size(float points) {
      return points * scale;
    }

    Run title(String text) {
      return new Run(text, new Style(fonts.bold(), size(24), NAVY));
    }

    Run subtitle(String text) {
      return new Run(text, new Style(fonts.regular(), size(13), NAVY));
    }

    Run heading(String text) {
      return new Run(text, new Style(fonts.bold(), size(9), NAVY));
    }

    Run headingEnglish(String text) {
      return new Run(text, new Style(fonts.regular(), size(8), NAVY));
    }

    Run body(String text) {
      return new Run(text, new Style(fonts.regular(), size(9), INK));
    }

    Run bodyBold(String text) {
      return new Run(text, new Style(fonts.bold(), size(9), INK));
    }

    Run bodyEnglish(String text) {
      return new Run(text, new Style(fonts.regular(), size(8), SECONDARY));
    }

    Run label(String text) {
      return new Run(text, new Style(fonts.regular(), size(8.5f), INK));
    }

    Run labelEnglish(String text) {
      return new Run(text, new Style(fonts.regular(), size(7.5f), SECONDARY));
    }

    /** A value of the table that is prose, not code. */
    Run valueProse(String text) {
      return new Run(text, new Style(fonts.regular(), size(8), INK));
    }

    Run instruction(String text) {
      return new Run(text, new Style(fonts.regular(), 8.5f, INK));
    }

    Run instructionEnglish(String text) {
      return new Run(text, new Style(fonts.regular(), 7.5f, SECONDARY));
    }

    Run instructionCode(String text) {
      return new Run(text, new Style(fonts.mono(), 8, INK));
    }

    Run footer(String text) {
      return new Run(text, new Style(fonts.regular(), 7.5f, SECONDARY));
    }

    Run footerEnglish(String text) {
      return new Run(text, new Style(fonts.regular(), 7, SECONDARY));
    }

    Run sealLabel(String text) {
      return new Run(text, new Style(fonts.regular(), 7.5f, FAINT));
    }

    Run sealLabelEnglish(String text) {
      return new Run(text, new Style(fonts.regular(), 6.5f, FAINT));
    }

    /** A value in the statement or the table. */
    List<Run> value(String text) {
      return monospaced(text, fonts.mono(), size(8.5f));
    }

    List<Run> valueBold(String text) {
      return monospaced(text, fonts.monoBold(), size(10.5f));
    }

    /** Code at a fixed size: a command, the verification URL. */
    List<Run> code(String text, float size) {
      return monospaced(text, fonts.mono(), size);
    }

    /** Courier for printable ASCII, which it shows; Noto Sans SC for anything else. */
    private List<Run> monospaced(String text, PDFont mono, float size) {
      Style courier = new Style(mono, size, INK);
      Style fallback = new Style(fonts.regular(), size, INK);
      List<Run> runs = new ArrayList<>();
      StringBuilder piece = new StringBuilder();
      Style current = courier;
      for (int codePoint : text.codePoints().toArray()) {
        Style style = codePoint >= 0x20 && codePoint < 0x7F ? courier : fallback;
        if (style != current && piece.length() > 0) {
          runs.add(new Run(piece.toString(), current));
          piece.setLength(0);
        }
        current = style;
        piece.appendCodePoint(codePoint);
      }
      runs.add(new Run(piece.toString(), current));
      return runs;
    }
  }

  /** Prose in one style with values set into it. */
  private static final class Sentence {

    private final Styles styles;
    private final Function<String, Run> prose;
    private final List<Run> runs = new ArrayList<>();

    Sentence(Styles styles, Function<String, Run> prose) {
      this.styles = styles;
      this.prose = prose;
    }

    Sentence run(Run run) {
      runs.add(run);
      return this;
    }

    Sentence text(String text) {
      return run(prose.apply(text));
    }

    Sentence value(String value) {
      runs.addAll(styles.value(value));
      return this;
    }

    Sentence value(long value) {
      return value(Long.toString(value));
    }

    List<Run> runs() {
      return runs;
    }
  }

  /** One character with its style and width: what line breaking works on. */
  private record Glyph(String text, Style style, float width) {

    boolean isSpace() {
      return text.equals(" ");
    }
  }

  /**
   * Breaks runs into lines no wider than {@code width}: after spaces, and around Chinese characters
   * except before closing and after opening punctuation; a word wider than a whole line (a long id
   * or URL) breaks between any two characters.
   */
  private static List<List<Glyph>> lines(List<Run> runs, float width) {
    float tolerance = 0.01f;
    List<List<Glyph>> lines = new ArrayList<>();
    List<Glyph> line = new ArrayList<>();
    float lineWidth = 0;
    for (List<Glyph> word : words(runs)) {
      float inked = width(word, true);
      if (lineWidth + inked <= width + tolerance) {
        line.addAll(word);
        lineWidth += width(word, false);
      } else if (inked <= width + tolerance) {
        lines.add(line);
        line = new ArrayList<>(word);
        lineWidth = width(word, false);
      } else {
        for (Glyph glyph : word) {
          // trailing spaces may hang past the edge: they are trimmed below
          if (!glyph.isSpace()
              && lineWidth + glyph.width() > width + tolerance
              && !line.isEmpty()) {
            lines.add(line);
            line = new ArrayList<>();
            lineWidth = 0;
          }
          line.add(glyph);
          lineWidth += glyph.width();
        }
      }
    }
    lines.add(line);
    for (List<Glyph> each : lines) {
      while (!each.isEmpty() && each.get(each.size() - 1).isSpace()) {
        each.remove(each.size() - 1);
      }
    }
    return lines;
  }

  /** The runs cut into words that must not break, each with the spaces that follow it. */
  private static List<List<Glyph>> words(List<Run> runs) {
    List<List<Glyph>> words = new ArrayList<>();
    List<Glyph> word = new ArrayList<>();
    String previous = null;
    for (Run run : runs) {
      for (int codePoint : run.text().codePoints().toArray()) {
        String text = Character.toString(codePoint);
        if (previous != null && breaksBetween(previous, text)) {
          words.add(word);
          word = new ArrayList<>();
        }
        word.add(new Glyph(text, run.style(), run.style().width(text)));
        previous = text;
      }
    }
    words.add(word);
    return words;
  }

  private static boolean breaksBetween(String previous, String next) {
    if (next.equals(" ")) {
      return false;
    }
    if (previous.equals(" ")) {
      return true;
    }
    return (isWide(previous) || isWide(next))
        && !CLOSING.contains(next)
        && !OPENING.contains(previous);
  }

  /** Chinese characters and full-width punctuation, around which a line may break. */
  private static boolean isWide(String character) {
    return character.codePointAt(0) >= 0x2E80;
  }

  /** The width of {@code glyphs}, or of what they show without their trailing spaces. */
  private static float width(List<Glyph> glyphs, boolean inkedOnly) {
    int end = glyphs.size();
    while (inkedOnly && end > 0 && glyphs.get(end - 1).isSpace()) {
      end--;
    }
    float width = 0;
    for (Glyph glyph : glyphs.subList(0, end)) {
      width += glyph.width();
    }
    return width;
  }

  /** A QR code's modules, error correction level M (up to 15 % of the code may be lost). */
  private record QrCode(ByteMatrix matrix) {

    /**
     * @throws IllegalArgumentException for text that is not printable ASCII, which every QR reader
     *     reads the same (a URL is, percent-encoded), or too long for a QR code
     */
    static QrCode of(String text) {
      if (!text.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7F)) {
        throw new IllegalArgumentException(
            "the verification URL must be printable ASCII (percent-encoded): " + text);
      }
      try {
        return new QrCode(Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix());
      } catch (WriterException e) {
        throw new IllegalArgumentException(
            "no QR code holds a URL of " + text.length() + " characters", e);
      }
    }

    int size() {
      return matrix.getWidth();
    }

    boolean dark(int x, int y) {
      return matrix.get(x, y) == 1;
    }
  }

  /**
   * What the page shows, placed in points from the page's top-left corner as the layout measures,
   * kept until the layout is final and then drawn in the PDF's coordinates.
   */
  private static final class Canvas {

    private interface Mark {
      void draw(PDPageContentStream stream) throws IOException;
    }

    private final List<Mark> marks = new ArrayList<>();

    /** The height {@code runs} take set in lines of {@code leading} within {@code width}. */
    static float height(List<Run> runs, float width, float leading) {
      return lines(runs, width).size() * leading;
    }

    void addAll(Canvas other) {
      marks.addAll(other.marks);
    }

    /**
     * {@code runs} set in lines of {@code leading} from {@code top} within {@code width}, from its
     * left or centred; answers the bottom of the last line.
     */
    float paragraph(
        List<Run> runs, float x, float top, float width, float leading, boolean centred) {
      float y = top;
      for (List<Glyph> line : lines(runs, width)) {
        float left = centred ? x + (width - width(line, false)) / 2 : x;
        float size = 0;
        for (Glyph glyph : line) {
          size = Math.max(size, glyph.style().size());
        }
        // the text's middle, about 0.35 em above its baseline, in the middle of the line
        text(left, y + leading / 2 + 0.35f * size, line);
        y += leading;
      }
      return y;
    }

    private void text(float x, float baseline, List<Glyph> line) {
      List<Run> runs = new ArrayList<>();
      StringBuilder piece = new StringBuilder();
      Style style = null;
      for (Glyph glyph : line) {
        if (!glyph.style().equals(style) && piece.length() > 0) {
          runs.add(new Run(piece.toString(), style));
          piece.setLength(0);
        }
        style = glyph.style();
        piece.append(glyph.text());
      }
      if (piece.length() > 0) {
        runs.add(new Run(piece.toString(), style));
      }
      marks.add(
          stream -> {
            stream.beginText();
            stream.newLineAtOffset(x, PAGE.getHeight() - baseline);
            for (Run run : runs) {
              stream.setFont(run.style().font(), run.style().size());
              stream.setNonStrokingColor(run.style().color());
              stream.showText(run.text());
            }
            stream.endText();
          });
    }

    /** A horizontal rule centred on {@code y}. */
    void rule(float x, float y, float width, float thickness, Color color) {
      fill(x, y - thickness / 2, width, thickness, color);
    }

    void fill(float x, float top, float width, float height, Color color) {
      marks.add(
          stream -> {
            stream.setNonStrokingColor(color);
            stream.addRect(x, PAGE.getHeight() - top - height, width, height);
            stream.fill();
          });
    }

    void stroke(float x, float top, float width, float height, float thickness, Color color) {
      marks.add(
          stream -> {
            stream.setStrokingColor(color);
            stream.setLineWidth(thickness);
            stream.addRect(x, PAGE.getHeight() - top - height, width, height);
            stream.stroke();
          });
    }

    /** The QR code's dark modules as filled rectangles, each row's runs of them as one. */
    void qr(QrCode qr, float x, float top, float module) {
      marks.add(
          stream -> {
            stream.setNonStrokingColor(Color.BLACK);
            for (int row = 0; row < qr.size(); row++) {
              int column = 0;
              while (column < qr.size()) {
                int start = column;
                while (column < qr.size() && qr.dark(column, row)) {
                  column++;
                }
                if (column > start) {
                  float bottom = PAGE.getHeight() - top - (row + 1) * module;
                  stream.addRect(x + start * module, bottom, (column - start) * module, module);
                } else {
                  column++;
                }
              }
            }
            stream.fill();
          });
    }

    void draw(PDPageContentStream stream) throws IOException {
      for (Mark mark : marks) {
        mark.draw(stream);
      }
    }
  }
}
