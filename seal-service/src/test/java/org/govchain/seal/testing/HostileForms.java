package org.govchain.seal.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.govchain.testsupport.fuzz.HostileBodies;
import org.govchain.testsupport.process.Http;

/**
 * Hostile multipart forms for the seal service's two uploads (issue 14), made with a seeded {@link
 * Random} from a valid form: a field with a value its rule refuses or left out, a document that is
 * no PDF or a PDF that lies, a body whose multipart structure is broken, the right body under a
 * wrong content type. Every case must be refused with a 4xx problem, writing nothing.
 */
public final class HostileForms {

  private static final String BOUNDARY = "govchain-fuzz-boundary";

  private final Random random;

  public HostileForms(long seed) {
    this.random = new Random(seed);
  }

  /** The form as sent: {@code multipart/form-data} with this class's boundary. */
  public static HostileBodies.Case valid(Map<String, Object> form) {
    return new HostileBodies.Case(
        "the valid form", "multipart/form-data; boundary=" + BOUNDARY, encode(form));
  }

  /**
   * {@code count} hostile variants of {@code valid} (field name → a text value or an {@link
   * Http.Part}); {@code invalidValues} lists, per text field, values its rule refuses.
   */
  public List<HostileBodies.Case> cases(
      Map<String, Object> valid, Map<String, List<String>> invalidValues, int count) {
    List<HostileBodies.Case> cases = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      cases.add(one(valid, invalidValues));
    }
    return cases;
  }

  private HostileBodies.Case one(Map<String, Object> valid, Map<String, List<String>> invalid) {
    int pick = random.nextInt(100);
    if (invalid.isEmpty() && (pick < 30 || (pick >= 62 && pick < 68))) {
      pick = 40 + random.nextInt(22); // no text fields to break: a hostile document instead
    }
    Map<String, Object> form = new LinkedHashMap<>(valid);
    if (pick < 30) {
      List<String> fields = new ArrayList<>(invalid.keySet());
      String field = fields.get(random.nextInt(fields.size()));
      List<String> values = invalid.get(field);
      String value = values.get(random.nextInt(values.size()));
      form.put(field, value);
      return form("field " + field + " = '" + printable(value) + "'", form);
    }
    if (pick < 40) {
      List<String> fields = new ArrayList<>(valid.keySet());
      String field = fields.get(random.nextInt(fields.size()));
      form.remove(field);
      return form("field " + field + " left out", form);
    }
    if (pick < 62) {
      String file = fileField(valid);
      String[] kinds = {
        "random bytes",
        "PDF header then noise",
        "a valid PDF cut short",
        "a cyclic page tree",
        "two billion pages claimed",
        "a looping field tree",
        "empty"
      };
      int kind = random.nextInt(kinds.length);
      byte[] document =
          switch (kind) {
            case 0 -> noise(1 + random.nextInt(4096));
            case 1 -> concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), noise(2048));
            case 2 -> cutShort(((Http.Part) valid.get(file)).content());
            case 3 -> HostilePdfs.cyclicPageTree();
            case 4 -> HostilePdfs.absurdPageCount();
            case 5 -> HostilePdfs.cyclicFieldTree();
            default -> new byte[0];
          };
      form.put(file, new Http.Part("document.pdf", "application/pdf", document));
      return form(file + ": " + kinds[kind], form);
    }
    if (pick < 68) {
      // a field twice, the second time with another value: which one would count?
      List<String> fields = new ArrayList<>(invalid.keySet());
      String field = fields.get(random.nextInt(fields.size()));
      byte[] body = encode(form);
      byte[] again =
          ("--"
                  + BOUNDARY
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field
                  + "\"\r\n\r\n"
                  + "2\r\n")
              .getBytes(StandardCharsets.UTF_8);
      return new HostileBodies.Case(
          "field " + field + " twice", contentType(), insertBeforeEnd(body, again));
    }
    if (pick < 85) {
      byte[] body = encode(form);
      return switch (random.nextInt(5)) {
        case 0 ->
            new HostileBodies.Case(
                "cut short",
                contentType(),
                java.util.Arrays.copyOf(body, random.nextInt(body.length)));
        case 1 ->
            new HostileBodies.Case(
                "another boundary in the content type",
                "multipart/form-data; boundary=not-the-one",
                body);
        case 2 -> new HostileBodies.Case("no boundary", "multipart/form-data", body);
        case 3 -> {
          int parts = 17 + random.nextInt(3_000);
          StringBuilder filler = new StringBuilder();
          for (int i = 0; i < parts; i++) {
            filler
                .append("--")
                .append(BOUNDARY)
                .append("\r\nContent-Disposition: form-data; name=\"filler")
                .append(i)
                .append("\"\r\n\r\nx\r\n");
          }
          yield new HostileBodies.Case(
              "the form and " + parts + " more parts (over the limit)",
              contentType(),
              insertBeforeEnd(body, filler.toString().getBytes(StandardCharsets.UTF_8)));
        }
        default ->
            new HostileBodies.Case(
                "no closing boundary",
                contentType(),
                java.util.Arrays.copyOf(body, body.length - BOUNDARY.length() - 6));
      };
    }
    String[] types = {"application/json", "text/plain", "application/x-www-form-urlencoded"};
    String type = types[random.nextInt(types.length)];
    return new HostileBodies.Case("the form as " + type, type, encode(form));
  }

  private static String fileField(Map<String, Object> valid) {
    return valid.entrySet().stream()
        .filter(e -> e.getValue() instanceof Http.Part)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  private byte[] noise(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private byte[] cutShort(byte[] pdf) {
    return java.util.Arrays.copyOf(pdf, 16 + random.nextInt(pdf.length / 2));
  }

  private static HostileBodies.Case form(String kind, Map<String, Object> form) {
    return new HostileBodies.Case(kind, contentType(), encode(form));
  }

  private static String contentType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  private static byte[] encode(Map<String, Object> form) {
    return Http.multipart(BOUNDARY, form);
  }

  /** {@code extra} inserted before the closing boundary of {@code body}. */
  private static byte[] insertBeforeEnd(byte[] body, byte[] extra) {
    int end = body.length - ("--" + BOUNDARY + "--\r\n").length();
    return concat(
        java.util.Arrays.copyOf(body, end),
        extra,
        java.util.Arrays.copyOfRange(body, end, body.length));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static String printable(String value) {
    String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
    StringBuilder text = new StringBuilder();
    shown
        .codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7f) {
                text.append(String.format("\\u%04x", c));
              } else {
                text.appendCodePoint(c);
              }
            });
    return text.toString();
  }
}
