package org.govchain.anchor.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes proof bundles as JSON and parses them strictly: every required field present with its
 * type, no unknown fields, no duplicate keys, hashes of the right length.
 *
 * <p>JSON shape: {@code format}, {@code origin}, {@code leafIndex}, {@code leafData} (standard
 * base64), {@code treeSize}, {@code rootHash} and {@code inclusionPath} (lowercase hex, no prefix),
 * optional {@code checkpoint} (the signed note text), and {@code anchor} with {@code chainId},
 * {@code contractAddress}, {@code logId} and {@code transactionHash} ({@code 0x}-prefixed, as
 * Ethereum tools show them), {@code blockNumber}, {@code blockTime} (RFC 3339 UTC).
 */
public final class ProofBundleJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(SerializationFeature.INDENT_OUTPUT);
  private static final HexFormat HEX = HexFormat.of();
  private static final Pattern HASH_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern PREFIXED_HASH = Pattern.compile("0x[0-9a-fA-F]{64}");

  /** RFC 3339 in UTC as {@link Instant#toString()} writes it: 'T', 'Z', 0 to 9 fraction digits. */
  private static final Pattern BLOCK_TIME =
      Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z");

  private static final Set<String> TOP_FIELDS =
      Set.of(
          "format",
          "origin",
          "leafIndex",
          "leafData",
          "treeSize",
          "rootHash",
          "inclusionPath",
          "checkpoint",
          "anchor");
  private static final Set<String> ANCHOR_FIELDS =
      Set.of("chainId", "contractAddress", "logId", "transactionHash", "blockNumber", "blockTime");

  private ProofBundleJson() {}

  /** The bundle as pretty-printed UTF-8 JSON, fields in a fixed order. */
  public static byte[] write(ProofBundle bundle) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", ProofBundle.FORMAT);
    root.put("origin", bundle.origin());
    root.put("leafIndex", bundle.leafIndex());
    root.put("leafData", Base64.getEncoder().encodeToString(bundle.leafData()));
    root.put("treeSize", bundle.treeSize());
    root.put("rootHash", HEX.formatHex(bundle.rootHash()));
    ArrayNode path = root.putArray("inclusionPath");
    bundle.inclusionPath().forEach(h -> path.add(HEX.formatHex(h)));
    if (bundle.checkpointNote() != null) {
      root.put("checkpoint", bundle.checkpointNote());
    }
    Anchor a = bundle.anchor();
    ObjectNode anchor = root.putObject("anchor");
    anchor.put("chainId", a.chainId());
    anchor.put("contractAddress", a.contractAddress());
    anchor.put("logId", "0x" + HEX.formatHex(a.logId()));
    anchor.put("transactionHash", "0x" + HEX.formatHex(a.transactionHash()));
    anchor.put("blockNumber", a.blockNumber());
    anchor.put("blockTime", a.blockTime().toString());
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a proof bundle", e);
    }
  }

  /**
   * Parses a bundle strictly.
   *
   * @throws MalformedBundleException naming the first field that is missing, unknown, of the wrong
   *     type or out of range
   */
  public static ProofBundle parse(byte[] json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new MalformedBundleException("$", "not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new MalformedBundleException("$", "cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new MalformedBundleException("$", "not a JSON object");
    }
    onlyKnownFields(root, TOP_FIELDS, "");
    String format = text(root, "format", "");
    if (!ProofBundle.FORMAT.equals(format)) {
      throw new MalformedBundleException(
          "format", "is '" + format + "', expected '" + ProofBundle.FORMAT + "'");
    }
    String origin = text(root, "origin", "");
    long leafIndex = whole(root, "leafIndex", "");
    byte[] leafData = base64(root, "leafData");
    long treeSize = whole(root, "treeSize", "");
    byte[] rootHash = hash(text(root, "rootHash", ""), "rootHash");
    List<byte[]> path = inclusionPath(root);
    String note = null;
    if (root.has("checkpoint")) {
      note = text(root, "checkpoint", "");
    }
    JsonNode anchorNode = root.get("anchor");
    if (anchorNode == null || !anchorNode.isObject()) {
      throw new MalformedBundleException("anchor", "missing or not an object");
    }
    onlyKnownFields(anchorNode, ANCHOR_FIELDS, "anchor.");
    Anchor anchor;
    try {
      anchor =
          new Anchor(
              whole(anchorNode, "chainId", "anchor."),
              text(anchorNode, "contractAddress", "anchor."),
              prefixedHash(anchorNode, "logId"),
              prefixedHash(anchorNode, "transactionHash"),
              whole(anchorNode, "blockNumber", "anchor."),
              instant(anchorNode));
    } catch (IllegalArgumentException e) {
      throw new MalformedBundleException("anchor", e.getMessage());
    }
    try {
      return new ProofBundle(origin, leafIndex, leafData, treeSize, rootHash, path, anchor, note);
    } catch (IllegalArgumentException e) {
      throw new MalformedBundleException("$", e.getMessage());
    }
  }

  /** Parses a bundle given as a UTF-8 string. */
  public static ProofBundle parse(String json) {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void onlyKnownFields(JsonNode node, Set<String> known, String prefix) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        throw new MalformedBundleException(prefix + name, "unknown field");
      }
    }
  }

  private static String text(JsonNode node, String field, String prefix) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new MalformedBundleException(prefix + field, "missing or not a string");
    }
    return v.textValue();
  }

  private static long whole(JsonNode node, String field, String prefix) {
    JsonNode v = node.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new MalformedBundleException(prefix + field, "missing or not a whole number");
    }
    long value = v.longValue();
    if (value < 0) {
      throw new MalformedBundleException(prefix + field, "is negative: " + value);
    }
    return value;
  }

  /** Standard base64 with its padding, and only the one spelling of the bytes (no stray bits). */
  private static byte[] base64(JsonNode node, String field) {
    String value = text(node, field, "");
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new MalformedBundleException(field, "not standard base64");
    }
    if (!Base64.getEncoder().encodeToString(bytes).equals(value)) {
      throw new MalformedBundleException(field, "not standard base64");
    }
    return bytes;
  }

  private static byte[] hash(String hex, String field) {
    if (!HASH_HEX.matcher(hex).matches()) {
      throw new MalformedBundleException(field, "not 64 lowercase hex digits: '" + hex + "'");
    }
    return HEX.parseHex(hex);
  }

  private static byte[] prefixedHash(JsonNode anchor, String field) {
    String value = text(anchor, field, "anchor.");
    if (!PREFIXED_HASH.matcher(value).matches()) {
      throw new MalformedBundleException(
          "anchor." + field, "not 0x and 64 hex digits: '" + value + "'");
    }
    return HEX.parseHex(value.substring(2).toLowerCase(java.util.Locale.ROOT));
  }

  private static Instant instant(JsonNode anchor) {
    String value = text(anchor, "blockTime", "anchor.");
    if (!BLOCK_TIME.matcher(value).matches()) {
      throw new MalformedBundleException("anchor.blockTime", "not an RFC 3339 UTC time: " + value);
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new MalformedBundleException("anchor.blockTime", "not an RFC 3339 UTC time: " + value);
    }
  }

  private static List<byte[]> inclusionPath(JsonNode root) {
    JsonNode v = root.get("inclusionPath");
    if (v == null || !v.isArray()) {
      throw new MalformedBundleException("inclusionPath", "missing or not an array");
    }
    List<byte[]> path = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode h = v.get(i);
      if (!h.isTextual()) {
        throw new MalformedBundleException("inclusionPath[" + i + "]", "not a string");
      }
      path.add(hash(h.textValue(), "inclusionPath[" + i + "]"));
    }
    return path;
  }
}
