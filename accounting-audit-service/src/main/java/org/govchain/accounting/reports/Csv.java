package org.govchain.accounting.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * CSV as the reports write it: RFC 4180 fields (quoted only when they hold a comma, a quote or a
 * line break), LF line ends, UTF-8 with a byte order mark so that spreadsheet programs open the
 * Chinese account names and summaries correctly.
 */
public final class Csv {

  /** {@code text/csv; charset=UTF-8}. */
  public static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);

  /** {@code text/csv}, as {@code produces} of a mapping. */
  public static final String TEXT_CSV = "text/csv";

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private Csv() {}

  /** One line: the fields joined by commas, each quoted if it must be, ending with a line feed. */
  public static String line(List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(fields.get(i)));
    }
    return line.append('\n').toString();
  }

  /** A field, quoted when it holds a comma, a quote or a line break; null is empty. */
  public static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }

  /** The document's bytes: the UTF-8 byte order mark, then the text in UTF-8. */
  public static byte[] withBom(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[BOM.length + body.length];
    System.arraycopy(BOM, 0, all, 0, BOM.length);
    System.arraycopy(body, 0, all, BOM.length, body.length);
    return all;
  }
}
