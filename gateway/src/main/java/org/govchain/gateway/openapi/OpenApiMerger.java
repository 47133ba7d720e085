package org.govchain.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the services' OpenAPI 3 documents into one for the whole suite: paths side by side (each
 * service has its own prefix), components united, and a component that two services define
 * differently renamed {@code <service>.<name>} in the later service's document, its {@code $ref}s
 * rewritten to match. Tags are united; services whose document is an earlier one ({@code
 * info.x-govchain-stale}) or missing ({@code info.x-govchain-unavailable}) are named in the
 * description.
 */
final class OpenApiMerger {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OpenApiMerger() {}

  /**
   * The merged document.
   *
   * @param documents each service's document, by service name, in a stable order
   * @param stale services among {@code documents} whose document is an earlier one, because the
   *     latest could not be fetched, with what it is and why
   * @param missing services whose document could not be fetched and is left out, with the reason
   */
  static ObjectNode merge(
      Map<String, JsonNode> documents, Map<String, String> stale, Map<String, String> missing) {
    ObjectNode merged = NODES.objectNode();
    merged.put("openapi", openApiVersion(documents));
    ObjectNode info = merged.putObject("info");
    info.put("title", "GovChain API");
    info.put("version", "0.1.0");
    StringBuilder description =
        new StringBuilder(
            "All GovChain record services through the gateway, merged from each service's own"
                + " document ("
                + String.join(", ", documents.keySet())
                + ").");
    stale.forEach(
        (name, what) ->
            description
                .append(" The ")
                .append(name)
                .append(" service's document is ")
                .append(what)
                .append('.'));
    missing.forEach(
        (name, reason) ->
            description
                .append(" The ")
                .append(name)
                .append(" service's document is missing: ")
                .append(reason)
                .append('.'));
    info.put("description", description.toString());
    if (!stale.isEmpty()) {
      ArrayNode earlier = info.putArray("x-govchain-stale");
      stale.keySet().forEach(earlier::add);
    }
    if (!missing.isEmpty()) {
      ArrayNode unavailable = info.putArray("x-govchain-unavailable");
      missing.keySet().forEach(unavailable::add);
    }
    merged.putArray("servers").addObject().put("url", "/");
    ObjectNode paths = merged.putObject("paths");
    ObjectNode components = merged.putObject("components");
    Map<String, ObjectNode> tagsByName = new LinkedHashMap<>();
    List<JsonNode> security = new ArrayList<>();

    documents.forEach(
        (service, original) -> {
          JsonNode document = original.deepCopy();
          Map<String, String> renames = renames(service, document, components);
          if (!renames.isEmpty()) {
            rewriteRefs(document, renames);
          }
          document
              .path("components")
              .properties()
              .forEach(
                  section -> {
                    ObjectNode target =
                        components.has(section.getKey())
                            ? (ObjectNode) components.get(section.getKey())
                            : components.putObject(section.getKey());
                    section
                        .getValue()
                        .properties()
                        .forEach(
                            c -> {
                              String ref = "#/components/" + section.getKey() + "/" + c.getKey();
                              String name =
                                  renames.containsKey(ref)
                                      ? service + "." + c.getKey()
                                      : c.getKey();
                              target.set(name, c.getValue());
                            });
                  });
          document.path("paths").properties().forEach(p -> paths.set(p.getKey(), p.getValue()));
          for (JsonNode tag : document.path("tags")) {
            tagsByName.putIfAbsent(tag.path("name").asString(""), (ObjectNode) tag);
          }
          for (JsonNode requirement : document.path("security")) {
            if (!security.contains(requirement)) {
              security.add(requirement);
            }
          }
        });
    if (!tagsByName.isEmpty()) {
      ArrayNode tags = merged.putArray("tags");
      tagsByName.values().forEach(tags::add);
    }
    if (!security.isEmpty()) {
      ArrayNode requirements = merged.putArray("security");
      security.forEach(requirements::add);
    }
    return merged;
  }

  /** The highest {@code openapi} version among the documents (3.0.1 if none says). */
  private static String openApiVersion(Map<String, JsonNode> documents) {
    return documents.values().stream()
        .map(d -> d.path("openapi").asString(""))
        .filter(v -> !v.isEmpty())
        .max(String::compareTo)
        .orElse("3.0.1");
  }

  /**
   * The components of {@code document} whose names are taken by a different definition already in
   * {@code merged}: old {@code $ref} → new {@code $ref} ({@code <service>.<name>}).
   */
  private static Map<String, String> renames(String service, JsonNode document, ObjectNode merged) {
    Map<String, String> renames = new HashMap<>();
    document
        .path("components")
        .properties()
        .forEach(
            section ->
                section
                    .getValue()
                    .properties()
                    .forEach(
                        c -> {
                          JsonNode existing = merged.path(section.getKey()).path(c.getKey());
                          if (!existing.isMissingNode() && !existing.equals(c.getValue())) {
                            String prefix = "#/components/" + section.getKey() + "/";
                            renames.put(prefix + c.getKey(), prefix + service + "." + c.getKey());
                          }
                        }));
    return renames;
  }

  /** Replaces every {@code $ref} named in {@code renames}, anywhere in {@code node}. */
  private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isString() && renames.containsKey(ref.asString())) {
        object.put("$ref", renames.get(ref.asString()));
      }
      object.properties().forEach(e -> rewriteRefs(e.getValue(), renames));
    } else if (node instanceof ArrayNode array) {
      array.forEach(e -> rewriteRefs(e, renames));
    }
  }
}
