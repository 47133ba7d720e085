package org.govchain.seal.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written PDFs whose page tree lies, with a correct cross-reference table, so that what a
 * reader trips over is the page tree and not a broken file it would have to reconstruct.
 */
public final class HostilePdfs {

  private static final String PAGE =
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>";

  private HostilePdfs() {}

  /** The root page node's only kid is a page node whose only kid is the root again. */
  public static byte[] cyclicPageTree() {
    return pdf(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>");
  }

  /** One real page under a root page node that claims {@code 2147483647} of them. */
  public static byte[] absurdPageCount() {
    return pdf(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>",
        PAGE);
  }

  /** A page node that lists one page a thousand times, with a count to match. */
  public static byte[] pageListedOverAndOver() {
    String kids = "3 0 R ".repeat(1000);
    return pdf(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [" + kids + "] /Count 1000 >>",
        PAGE);
  }

  /** A page under {@code depth} page nodes, each the only kid of the one above. */
  public static byte[] deepPageTree(int depth) {
    String[] objects = new String[depth + 2];
    objects[0] = "<< /Type /Catalog /Pages 2 0 R >>";
    for (int level = 0; level < depth; level++) {
      int self = level + 2;
      String parent = level == 0 ? "" : " /Parent " + (self - 1) + " 0 R";
      objects[level + 1] =
          "<< /Type /Pages" + parent + " /Kids [" + (self + 1) + " 0 R] /Count 1 >>";
    }
    objects[depth + 1] =
        "<< /Type /Page /Parent " + (depth + 1) + " 0 R /MediaBox [0 0 595 842] >>";
    return pdf(objects);
  }

  /** A one-page PDF whose form's field tree loops: a signature field is its own grandchild. */
  public static byte[] cyclicFieldTree() {
    return pdf(
        "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] /SigFlags 3 >> >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE,
        "<< /FT /Sig /T (a) /Kids [5 0 R] >>",
        "<< /FT /Sig /T (b) /Parent 4 0 R /Kids [4 0 R] >>");
  }

  /**
   * A one-page PDF whose page content and an image of its resources are Flate streams inflating to
   * {@code megabytes} MB each (of zeros, about a thousandth of that in the file): a decompression
   * bomb for whatever decodes a page.
   */
  public static byte[] decompressionBomb(int megabytes) {
    String zeros = new String(deflatedZeros(megabytes), StandardCharsets.ISO_8859_1);
    return pdf(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            + " /Resources << /XObject << /Im1 5 0 R >> >> >>",
        "<< /Length "
            + zeros.length()
            + " /Filter /FlateDecode >>\nstream\n"
            + zeros
            + "\nendstream",
        "<< /Type /XObject /Subtype /Image /Width 16384 /Height 16384 /ColorSpace /DeviceRGB"
            + " /BitsPerComponent 8 /Length "
            + zeros.length()
            + " /Filter /FlateDecode >>\nstream\n"
            + zeros
            + "\nendstream");
  }

  /** {@code megabytes} MB of zeros, deflated. */
  private static byte[] deflatedZeros(int megabytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    java.util.zip.Deflater deflater = new java.util.zip.Deflater(9);
    byte[] zeros = new byte[1 << 20];
    byte[] buffer = new byte[1 << 16];
    for (int i = 0; i < megabytes; i++) {
      deflater.setInput(zeros);
      while (!deflater.needsInput()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  /** A PDF of {@code objects} (numbered from 1, the first being the catalog) with its xref. */
  static byte[] pdf(String... objects) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.length; i++) {
      offsets.add(out.size());
      write(out, (i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n");
    }
    int xref = out.size();
    StringBuilder table = new StringBuilder();
    table.append("xref\n0 ").append(objects.length + 1).append('\n');
    table.append("0000000000 65535 f \n");
    for (int offset : offsets) {
      table.append(String.format("%010d 00000 n \n", offset));
    }
    table.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\n");
    table.append("startxref\n").append(xref).append("\n%%EOF\n");
    write(out, table.toString());
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
