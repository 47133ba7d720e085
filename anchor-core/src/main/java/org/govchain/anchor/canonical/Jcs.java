package org.govchain.anchor.canonical;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * RFC 8785 JSON Canonicalization Scheme: parses strict JSON and writes the one canonical UTF-8 form
 * that GovChain hashes.
 *
 * <p>Canonical form: no whitespace; object members sorted by the UTF-16 code units of their names;
 * strings escaped only where JSON requires it ({@code \"}, {@code \\}, {@code \b \f \n \r \t}, and
 * {@code \}{@code u00xx} with lowercase hex for the other control characters), everything else as
 * raw UTF-8; numbers as IEEE 754 doubles written the way ECMAScript's {@code Number.toString}
 * writes them (shortest round-trip digits, exponent form below 1e-6 and from 1e21 on, -0 as 0).
 *
 * <p>Rejected input: anything that is not a single JSON value (RFC 8259) with optional surrounding
 * whitespace, duplicate member names, invalid UTF-8, lone surrogates (raw or escaped), numbers
 * whose magnitude overflows a double, a byte-order mark, and nesting deeper than 1000.
 *
 * <p>Value model of {@link #parse}: objects are immutable {@code Map<String, Object>} iterating in
 * canonical key order, arrays immutable {@code List<Object>} (both may contain {@code null}), then
 * {@code String}, {@code Boolean}, {@code null}, and for numbers: a {@code Long} when the double is
 * an integer of magnitude at most 2^53 (so {@code 56.0} and {@code -0} become {@code 56L} and
 * {@code 0L}), a {@code Double} otherwise. Numbers that underflow (e.g. {@code 1e-400}) read as 0,
 * as in ECMAScript. {@code serialize(parse(x))} equals {@code canonicalize(x)}.
 */
public final class Jcs {

  private Jcs() {}

  /**
   * Canonicalizes JSON text.
   *
   * @param json UTF-8 JSON text, not null
   * @return the canonical UTF-8 bytes
   * @throws CanonicalJsonException if the text is not acceptable JSON (see class comment)
   */
  public static byte[] canonicalize(byte[] json) {
    return serialize(parse(json));
  }

  /**
   * Canonicalizes JSON text given as a Java string (encoded to UTF-8 first, so a lone surrogate in
   * {@code json} is rejected).
   *
   * @throws CanonicalJsonException if the text is not acceptable JSON (see class comment)
   */
  public static byte[] canonicalize(String json) {
    Objects.requireNonNull(json, "json");
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < json.length()
            && Character.isLowSurrogate(json.charAt(i + 1))) {
          i++;
        } else {
          throw CanonicalJsonException.atOffset(
              json.substring(0, i).getBytes(StandardCharsets.UTF_8).length,
              "lone surrogate in the text");
        }
      }
    }
    return canonicalize(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Parses JSON text into the immutable value model described in the class comment.
   *
   * @param json UTF-8 JSON text, not null
   * @throws CanonicalJsonException if the text is not acceptable JSON (see class comment)
   */
  public static Object parse(byte[] json) {
    Objects.requireNonNull(json, "json");
    return JsonReader.read(json);
  }

  /**
   * Writes a Java value as canonical JSON.
   *
   * <p>Accepted: {@code Map} with {@code String} keys (any order; serialized sorted), {@code List},
   * {@code String} (well-formed UTF-16), {@code Boolean}, {@code null}, {@code Integer}, {@code
   * Long}, {@code Short}, {@code Byte} and {@code BigInteger} of magnitude at most 2^53, finite
   * {@code Double}, and {@code BigDecimal} whose value is exactly the decimal that its nearest
   * double is written as (so {@code 0.1} and {@code 4.50} pass, {@code 0.10000000000000001} does
   * not). No value is silently rounded; anything else, including {@code Float}, is rejected.
   *
   * @throws CanonicalJsonException naming the JSON Pointer path of the offending value
   */
  public static byte[] serialize(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, "", 0);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Boxes a finite double as the value model's number: Long for exact integers ≤ 2^53. */
  static Object numberValue(double value) {
    if (value == Math.rint(value) && Math.abs(value) <= EsNumbers.MAX_EXACT_INTEGER) {
      return (long) value;
    }
    return value;
  }

  private static void write(Object value, StringBuilder out, String path, int depth) {
    if (depth > JsonReader.MAX_DEPTH) {
      throw CanonicalJsonException.atPath(
          path, "nesting deeper than " + JsonReader.MAX_DEPTH + " (a cycle?)");
    }
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (value instanceof String s) {
      writeString(s, out, path);
    } else if (value instanceof Number n) {
      out.append(number(n, path));
    } else if (value instanceof Map<?, ?> map) {
      writeObject(map, out, path, depth);
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(list.get(i), out, path + "/" + i, depth + 1);
      }
      out.append(']');
    } else {
      throw CanonicalJsonException.atPath(
          path, "unsupported Java type " + value.getClass().getName());
    }
  }

  private static void writeObject(Map<?, ?> map, StringBuilder out, String path, int depth) {
    TreeMap<String, Object> sorted = new TreeMap<>(); // String order = UTF-16 code unit order
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw CanonicalJsonException.atPath(path, "object key is not a String: " + entry.getKey());
      }
      sorted.put(key, entry.getValue());
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> entry : sorted.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      String memberPath = path + "/" + entry.getKey().replace("~", "~0").replace("/", "~1");
      writeString(entry.getKey(), out, memberPath);
      out.append(':');
      write(entry.getValue(), out, memberPath, depth + 1);
    }
    out.append('}');
  }

  private static void writeString(String s, StringBuilder out, String path) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            throw CanonicalJsonException.atPath(
                path, String.format("lone surrogate U+%04X in string", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static String number(Number n, String path) {
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      long v = n.longValue();
      if (Math.abs(v) > EsNumbers.MAX_EXACT_INTEGER || v == Long.MIN_VALUE) {
        throw CanonicalJsonException.atPath(path, "integer beyond ±2^53: " + v);
      }
      return Long.toString(v);
    }
    if (n instanceof BigInteger big) {
      if (big.abs().compareTo(BigInteger.valueOf(EsNumbers.MAX_EXACT_INTEGER)) > 0) {
        throw CanonicalJsonException.atPath(path, "integer beyond ±2^53: " + big);
      }
      return big.toString();
    }
    if (n instanceof Double d) {
      if (!Double.isFinite(d)) {
        throw CanonicalJsonException.atPath(path, "not a finite number: " + d);
      }
      return EsNumbers.format(d);
    }
    if (n instanceof BigDecimal decimal) {
      double d = decimal.doubleValue();
      if (!Double.isFinite(d)) {
        throw CanonicalJsonException.atPath(path, "outside the double range: " + decimal);
      }
      String text = EsNumbers.format(d);
      if (new BigDecimal(text).compareTo(decimal) != 0) {
        throw CanonicalJsonException.atPath(
            path, "decimal " + decimal + " is not exactly a double (nearest is " + text + ")");
      }
      return text;
    }
    throw CanonicalJsonException.atPath(
        path, "unsupported number type " + n.getClass().getName() + " (use Double or BigDecimal)");
  }
}
