package org.govchain.anchor.canonical;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Strict RFC 8259 / I-JSON reader over UTF-8 bytes that builds the immutable value model of {@link
 * Jcs#parse}.
 */
final class JsonReader {

  static final int MAX_DEPTH = 1000;

  private final byte[] in;
  private int pos;

  private JsonReader(byte[] in) {
    this.in = in;
  }

  static Object read(byte[] json) {
    JsonReader reader = new JsonReader(json);
    reader.skipWhitespace();
    Object value = reader.value(0);
    reader.skipWhitespace();
    if (reader.pos != json.length) {
      throw reader.fail("trailing data after the JSON value");
    }
    return value;
  }

  private Object value(int depth) {
    if (pos >= in.length) {
      throw fail("unexpected end of input, expected a value");
    }
    int b = in[pos] & 0xff;
    switch (b) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return null;
      default:
        if (b == '-' || (b >= '0' && b <= '9')) {
          return number();
        }
        throw fail("unexpected " + describe(b) + ", expected a value");
    }
  }

  private Map<String, Object> object(int depth) {
    checkDepth(depth);
    pos++; // '{'
    TreeMap<String, Object> members = new TreeMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return Collections.unmodifiableMap(members);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw fail("expected a string as member name");
      }
      int keyOffset = pos;
      String key = string();
      if (members.containsKey(key)) {
        pos = keyOffset;
        throw fail("duplicate member name \"" + key + "\"");
      }
      skipWhitespace();
      expect(':');
      skipWhitespace();
      members.put(key, value(depth));
      skipWhitespace();
      int b = peek();
      pos++;
      if (b == '}') {
        return Collections.unmodifiableMap(members);
      }
      if (b != ',') {
        pos--;
        throw fail("expected ',' or '}' in object");
      }
    }
  }

  private List<Object> array(int depth) {
    checkDepth(depth);
    pos++; // '['
    List<Object> elements = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return Collections.unmodifiableList(elements);
    }
    while (true) {
      skipWhitespace();
      elements.add(value(depth));
      skipWhitespace();
      int b = peek();
      pos++;
      if (b == ']') {
        return Collections.unmodifiableList(elements);
      }
      if (b != ',') {
        pos--;
        throw fail("expected ',' or ']' in array");
      }
    }
  }

  private String string() {
    int start = pos;
    pos++; // opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= in.length) {
        pos = start;
        throw fail("unterminated string");
      }
      int b = in[pos] & 0xff;
      if (b == '"') {
        pos++;
        return out.toString();
      } else if (b == '\\') {
        escape(out);
      } else if (b < 0x20) {
        throw fail("unescaped control character " + describe(b) + " in string");
      } else if (b < 0x80) {
        out.append((char) b);
        pos++;
      } else {
        out.appendCodePoint(utf8Sequence(b));
      }
    }
  }

  private void escape(StringBuilder out) {
    int start = pos;
    pos++; // backslash
    if (pos >= in.length) {
      throw fail("unterminated escape");
    }
    int b = in[pos++] & 0xff;
    switch (b) {
      case '"' -> out.append('"');
      case '\\' -> out.append('\\');
      case '/' -> out.append('/');
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'u' -> {
        char c = hex4();
        if (Character.isHighSurrogate(c)) {
          if (pos + 1 < in.length && in[pos] == '\\' && in[pos + 1] == 'u') {
            pos += 2;
            char low = hex4();
            if (Character.isLowSurrogate(low)) {
              out.append(c).append(low);
              return;
            }
          }
          pos = start;
          throw fail("lone high surrogate in \\u escape");
        }
        if (Character.isLowSurrogate(c)) {
          pos = start;
          throw fail("lone low surrogate in \\u escape");
        }
        out.append(c);
      }
      default -> {
        pos = start;
        throw fail("invalid escape \\" + (char) b);
      }
    }
  }

  private char hex4() {
    if (pos + 4 > in.length) {
      throw fail("truncated \\u escape");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(in[pos] & 0xff, 16);
      if (digit < 0 || (in[pos] & 0x80) != 0) {
        throw fail("invalid hex digit in \\u escape");
      }
      value = value * 16 + digit;
      pos++;
    }
    return (char) value;
  }

  /** Decodes one multi-byte UTF-8 sequence strictly (Unicode Table 3-7). */
  private int utf8Sequence(int lead) {
    int start = pos;
    int length;
    int min;
    int max = 0xBF;
    int codePoint;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      codePoint = lead & 0x1F;
      min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      codePoint = lead & 0x0F;
      min = lead == 0xE0 ? 0xA0 : 0x80;
      max = lead == 0xED ? 0x9F : 0xBF; // no UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      codePoint = lead & 0x07;
      min = lead == 0xF0 ? 0x90 : 0x80;
      max = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
      throw fail("invalid UTF-8 lead byte " + describe(lead));
    }
    for (int i = 1; i < length; i++) {
      int index = start + i;
      int b = index < in.length ? in[index] & 0xff : -1;
      int lo = i == 1 ? min : 0x80;
      int hi = i == 1 ? max : 0xBF;
      if (b < lo || b > hi) {
        throw fail("invalid UTF-8 sequence");
      }
      codePoint = (codePoint << 6) | (b & 0x3F);
    }
    pos = start + length;
    return codePoint;
  }

  private Object number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      while (isDigit(peek())) {
        pos++;
      }
    } else {
      throw fail("invalid number: expected a digit");
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw fail("invalid number: expected a digit after '.'");
      }
      while (isDigit(peek())) {
        pos++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw fail("invalid number: expected a digit in the exponent");
      }
      while (isDigit(peek())) {
        pos++;
      }
    }
    String text = new String(in, start, pos - start, StandardCharsets.US_ASCII);
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      pos = start;
      throw fail("number outside the IEEE 754 double range: " + text);
    }
    return Jcs.numberValue(value);
  }

  private void literal(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (pos + i >= in.length || in[pos + i] != word.charAt(i)) {
        throw fail("invalid literal, expected " + word);
      }
    }
    pos += word.length();
  }

  private void expect(char c) {
    if (peek() != c) {
      throw fail("expected '" + c + "'");
    }
    pos++;
  }

  private int peek() {
    return pos < in.length ? in[pos] & 0xff : -1;
  }

  private static boolean isDigit(int b) {
    return b >= '0' && b <= '9';
  }

  private void skipWhitespace() {
    while (pos < in.length) {
      int b = in[pos];
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return;
      }
      pos++;
    }
  }

  private void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw fail("nesting deeper than " + MAX_DEPTH);
    }
  }

  private CanonicalJsonException fail(String reason) {
    if (pos >= in.length && !reason.startsWith("unexpected end")) {
      reason = reason + " (at end of input)";
    }
    return CanonicalJsonException.atOffset(pos, reason);
  }

  private static String describe(int b) {
    if (b < 0) {
      return "end of input";
    }
    if (b >= 0x20 && b < 0x7F) {
      return String.format("'%c' (0x%02x)", (char) b, b);
    }
    return String.format("byte 0x%02x", b);
  }
}
