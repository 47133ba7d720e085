package org.govchain.testsupport.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile request bodies for one JSON write operation of an OpenAPI document (issue 14), made from
 * a valid body of it and the operation's request schema with a seeded {@link Random}: the same seed
 * makes the same cases. Every case breaks the API's rules in one way a correct service must refuse
 * — so every answer must be a 4xx problem and nothing may be written:
 *
 * <ul>
 *   <li>malformed JSON (cut short, bytes that are no JSON), a body that is not an object, nesting
 *       thousands deep, a body over the request size limit;
 *   <li>the right bytes under a wrong content type or charset;
 *   <li>one field of the valid body, chosen at random along the schema, made wrong: a control or
 *       bidi character or an unpaired surrogate in a text, a text far over any sane length, a value
 *       of the wrong JSON type, an enum value that is not one (its index included), a date no
 *       record can have, a number out of range, a required field removed or null.
 * </ul>
 *
 * Every text the cases put in carries {@link #MARKER}, which no answer and no log may echo.
 */
public final class HostileBodies {

  /** In every text a case writes: an answer or a log line holding it echoed the input. */
  public static final String MARKER = "FUZZ秘密";

  /** Characters no text field takes: controls (line breaks aside), bidi controls, surrogates. */
  private static final List<String> NEVER_IN_TEXT =
      List.of(
          "\u0000",
          "\u0007",
          "\u001b",
          "\u007f",
          "\u0085",
          "\u009b",
          "\u061c",
          "\u200e",
          "\u200f",
          "\u202a",
          "\u202e",
          "\u2066",
          "\u2069",
          "\ud800",
          "\udfff",
          "\udc00\ud800");

  /** Writes every non-ASCII character as an escape, so that lone surrogates survive as sent. */
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One hostile request: what it breaks, its content type (null: none) and its bytes. */
  public record Case(String kind, String contentType, byte[] body) {
    @Override
    public String toString() {
      return kind + " (" + body.length + " bytes, " + contentType + ")";
    }
  }

  private final JsonNode document;
  private final Random random;
  private final int maxRequestBytes;

  /**
   * @param document the service's OpenAPI document
   * @param seed the cases' seed
   * @param maxRequestBytes the service's request size limit (a larger body must be 413)
   */
  public HostileBodies(JsonNode document, long seed, int maxRequestBytes) {
    this.document = document;
    this.random = new Random(seed);
    this.maxRequestBytes = maxRequestBytes;
  }

  /** The JSON request schema of {@code method path}, or null when it takes no JSON body. */
  public JsonNode requestSchema(String method, String path) {
    JsonNode schema =
        document
            .path("paths")
            .path(path)
            .path(method.toLowerCase(Locale.ROOT))
            .path("requestBody")
            .path("content")
            .path("application/json")
            .path("schema");
    return schema.isMissingNode() ? null : resolve(schema);
  }

  /** {@code count} hostile bodies for {@code method path}, whose valid body is {@code valid}. */
  public List<Case> cases(String method, String path, Map<String, ?> valid, int count) {
    JsonNode schema = requestSchema(method, path);
    if (schema == null) {
      throw new IllegalArgumentException(method + " " + path + " takes no JSON body");
    }
    ObjectNode example = JSON.valueToTree(valid);
    // an operation whose body is optional takes an empty body or null as "no body"
    boolean bodyRequired =
        document
            .path("paths")
            .path(path)
            .path(method.toLowerCase(Locale.ROOT))
            .path("requestBody")
            .path("required")
            .asBoolean(false);
    List<Case> cases = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      cases.add(one(schema, example, bodyRequired));
    }
    return cases;
  }

  private Case one(JsonNode schema, ObjectNode example, boolean bodyRequired) {
    int pick = random.nextInt(100);
    if (pick < 8) {
      return malformed(example);
    }
    if (pick < 13) {
      return notAnObject(bodyRequired);
    }
    if (pick < 17) {
      return deeplyNested(example);
    }
    if (pick < 19) {
      return oversized(example);
    }
    if (pick < 26) {
      return wrongContentType(example);
    }
    return fieldMadeWrong(schema, example);
  }

  private Case malformed(ObjectNode example) {
    byte[] valid = bytes(example);
    if (random.nextBoolean()) {
      int cut = random.nextInt(valid.length - 1) + 1;
      byte[] cutShort = new byte[cut];
      System.arraycopy(valid, 0, cutShort, 0, cut);
      return json("malformed: cut short at byte " + cut, cutShort);
    }
    byte[] noise = new byte[1 + random.nextInt(256)];
    random.nextBytes(noise);
    noise[0] = (byte) "<#'x\u0000\u00ff".charAt(random.nextInt(6));
    return json("malformed: random bytes", noise);
  }

  private Case notAnObject(boolean bodyRequired) {
    String[] bodies =
        bodyRequired
            ? new String[] {"[]", "[{}]", "\"" + MARKER + "\"", "42", "null", "true", "", " "}
            : new String[] {"[]", "[{}]", "\"" + MARKER + "\"", "42", "true"};
    String body = bodies[random.nextInt(bodies.length)];
    return json("not an object: '" + body + "'", body.getBytes(StandardCharsets.UTF_8));
  }

  private Case deeplyNested(ObjectNode example) {
    int depth = new int[] {600, 1_001, 5_000, 50_000}[random.nextInt(4)];
    boolean arrays = random.nextBoolean();
    StringBuilder nested = new StringBuilder(depth * 6);
    for (int i = 0; i < depth; i++) {
      nested.append(arrays ? "[" : "{\"a\":");
    }
    nested.append("1");
    for (int i = 0; i < depth; i++) {
      nested.append(arrays ? "]" : "}");
    }
    String field = anyField(example);
    String body = bytesAsString(example);
    String replaced =
        body.replaceFirst(
            "\"" + java.util.regex.Pattern.quote(field) + "\":",
            java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + nested + ",\"x\":"));
    return json(
        "nested " + depth + " deep (" + (arrays ? "arrays" : "objects") + ") in " + field,
        replaced.getBytes(StandardCharsets.UTF_8));
  }

  private Case oversized(ObjectNode example) {
    ObjectNode copy = example.deepCopy();
    copy.put("padding", MARKER + "a".repeat(maxRequestBytes + 1 + random.nextInt(1 << 20)));
    return json("over the request size limit", bytes(copy));
  }

  private Case wrongContentType(ObjectNode example) {
    String[] types = {
      "text/plain",
      "application/xml",
      "application/x-www-form-urlencoded",
      "application/octet-stream",
      "multipart/form-data; boundary=fuzz",
      "image/png",
      null
    };
    String type = types[random.nextInt(types.length)];
    // (a charset parameter is not one: RFC 8259 defines none for application/json, and a
    // service reads the bytes as the UTF-8 they are)
    return new Case("content type " + type, type, bytes(example));
  }

  private Case fieldMadeWrong(JsonNode schema, ObjectNode example) {
    List<Field> fields = new ArrayList<>();
    collect(schema, example, "", fields, null);
    Field field = fields.get(random.nextInt(fields.size()));
    List<Function<JsonNode, JsonNode>> ways = new ArrayList<>();
    List<String> names = new ArrayList<>();
    String type = field.schema.path("type").asString("");
    if (field.required) {
      names.add("required, null");
      ways.add(v -> NODES.nullNode());
      names.add("required, left out");
      ways.add(v -> null);
    }
    if (type.equals("string")) {
      names.add("text with a character no text takes");
      ways.add(v -> NODES.stringNode(withHostileCharacter(v.asString(""))));
      names.add("text far over any length");
      ways.add(v -> NODES.stringNode(MARKER + "长".repeat(20_000 + random.nextInt(100_000))));
      names.add("an object for a text");
      ways.add(v -> NODES.objectNode().put("text", MARKER));
      names.add("an array for a text");
      ways.add(v -> NODES.arrayNode().add(MARKER));
      if (field.schema.has("enum")) {
        names.add("not one of the enum's values");
        ways.add(v -> NODES.stringNode(MARKER + "_NOT_A_VALUE"));
        names.add("an enum value given by its index");
        ways.add(v -> NODES.numberNode(random.nextInt(3)));
      }
      String format = field.schema.path("format").asString("");
      if (format.equals("date") || format.equals("date-time")) {
        String[] dates =
            format.equals("date")
                ? new String[] {"+999999-01-01", "-000001-01-01", "2026-02-30", "2026-13-01", "今天"}
                : new String[] {
                  "+999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "x"
                };
        names.add("a date no record can have");
        ways.add(v -> NODES.stringNode(dates[random.nextInt(dates.length)]));
      }
    } else if (type.equals("integer") || type.equals("number")) {
      names.add("text for a number");
      ways.add(v -> NODES.stringNode(MARKER));
      names.add("an object for a number");
      ways.add(v -> NODES.objectNode());
      names.add("a number out of any range");
      ways.add(v -> NODES.numberNode(new java.math.BigDecimal("1e400")));
      names.add("a negative number out of any range");
      ways.add(v -> NODES.numberNode(new java.math.BigDecimal("-92233720368547758080")));
    } else if (type.equals("boolean")) {
      names.add("text for a boolean");
      ways.add(v -> NODES.stringNode(MARKER));
      names.add("an array for a boolean");
      ways.add(v -> NODES.arrayNode());
    } else if (type.equals("array")) {
      names.add("text for an array");
      ways.add(v -> NODES.stringNode(MARKER));
      names.add("an object for an array");
      ways.add(v -> NODES.objectNode());
      names.add("an array of ten thousand copies");
      ways.add(
          v -> {
            ArrayNode many = NODES.arrayNode();
            JsonNode first = v.size() > 0 ? v.get(0) : NODES.stringNode(MARKER);
            for (int i = 0; i < 10_000; i++) {
              many.add(first.deepCopy());
            }
            return many;
          });
    } else {
      names.add("text for an object");
      ways.add(v -> NODES.stringNode(MARKER));
      names.add("an array for an object");
      ways.add(v -> NODES.arrayNode().add(MARKER));
    }
    int way = random.nextInt(ways.size());
    ObjectNode copy = example.deepCopy();
    replace(copy, field.pointer, ways.get(way));
    return json(names.get(way) + " at " + field.pointer, bytes(copy));
  }

  private String withHostileCharacter(String value) {
    String hostile = NEVER_IN_TEXT.get(random.nextInt(NEVER_IN_TEXT.size()));
    String base = MARKER + value;
    int at = random.nextInt(base.length() + 1);
    return base.substring(0, at) + hostile + base.substring(at);
  }

  /** A field of the valid body: its JSON pointer, its schema, and whether it is required. */
  private record Field(String pointer, JsonNode schema, boolean required) {}

  private void collect(
      JsonNode schema, JsonNode value, String pointer, List<Field> out, Boolean required) {
    JsonNode resolved = resolve(schema);
    if (required != null) {
      out.add(new Field(pointer, resolved, required));
    }
    if (value instanceof ObjectNode object) {
      JsonNode properties = resolved.path("properties");
      List<String> requiredNames = new ArrayList<>();
      resolved.path("required").forEach(n -> requiredNames.add(n.asString()));
      for (Map.Entry<String, JsonNode> property : object.properties()) {
        JsonNode propertySchema = properties.path(property.getKey());
        if (!propertySchema.isMissingNode()) {
          collect(
              propertySchema,
              property.getValue(),
              pointer + "/" + property.getKey(),
              out,
              requiredNames.contains(property.getKey()));
        }
      }
    } else if (value instanceof ArrayNode array && array.size() > 0) {
      collect(resolved.path("items"), array.get(0), pointer + "/0", out, false);
    }
  }

  /** Replaces (or, when {@code way} gives null, removes) the value at {@code pointer}. */
  private static void replace(ObjectNode root, String pointer, Function<JsonNode, JsonNode> way) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1);
    if (parent instanceof ObjectNode object) {
      JsonNode replacement = way.apply(object.path(last));
      if (replacement == null) {
        object.remove(last);
      } else {
        object.set(last, replacement);
      }
    } else if (parent instanceof ArrayNode array) {
      int index = Integer.parseInt(last);
      JsonNode replacement = way.apply(array.get(index));
      if (replacement == null) {
        array.remove(index);
      } else {
        array.set(index, replacement);
      }
    }
  }

  private String anyField(ObjectNode example) {
    List<String> names = new ArrayList<>(example.propertyNames());
    return names.get(random.nextInt(names.size()));
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
      String ref = current.path("$ref").asString();
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("not a local reference: " + ref);
      }
      current = document.at(ref.substring(1));
    }
    if (current.has("allOf") && current.path("allOf").size() == 1) {
      return resolve(current.path("allOf").get(0));
    }
    return current;
  }

  private static Case json(String kind, byte[] body) {
    return new Case(kind, "application/json", body);
  }

  private static byte[] bytes(JsonNode node) {
    return bytesAsString(node).getBytes(StandardCharsets.UTF_8);
  }

  private static String bytesAsString(JsonNode node) {
    return JSON.writeValueAsString(node);
  }

  /** The valid body as the service would get it, for a control request. */
  public static byte[] valid(Map<String, ?> body) {
    return bytes(JSON.valueToTree(new LinkedHashMap<>(body)));
  }
}
