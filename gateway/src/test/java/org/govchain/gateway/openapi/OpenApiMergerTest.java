package org.govchain.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OpenApiMergerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode doc(String json) {
    return JSON.readTree(json.replace('\'', '"'));
  }

  private final JsonNode seal =
      doc(
          "{'openapi':'3.1.0','paths':{'/api/seal/seals':{'get':{'responses':{'200':{'content':"
              + "{'application/json':{'schema':{'$ref':'#/components/schemas/Page'}}}}}}}},"
              + "'components':{'schemas':{'Page':{'type':'object','properties':{'items':{}}},"
              + "'Problem':{'type':'object'}},'securitySchemes':{'bearer':{'type':'http',"
              + "'scheme':'bearer'}}},'security':[{'bearer':[]}],'tags':[{'name':'seals'}]}");

  private final JsonNode ssc =
      doc(
          "{'openapi':'3.0.1','paths':{'/api/ssc/cards':{'get':{'responses':{'200':{'content':"
              + "{'application/json':{'schema':{'$ref':'#/components/schemas/Page'}}}}}}}},"
              + "'components':{'schemas':{'Page':{'type':'array'},'Problem':{'type':'object'}},"
              + "'securitySchemes':{'bearer':{'type':'http','scheme':'bearer'}}},"
              + "'security':[{'bearer':[]}],'tags':[{'name':'cards'}]}");

  @Test
  void putsEveryServicesPathsSideBySide() {
    ObjectNode merged = OpenApiMerger.merge(ordered(), Map.of(), Map.of());
    assertThat(merged.path("paths").has("/api/seal/seals")).isTrue();
    assertThat(merged.path("paths").has("/api/ssc/cards")).isTrue();
    assertThat(merged.path("openapi").asString()).isEqualTo("3.1.0");
    assertThat(merged.path("security").size()).isEqualTo(1);
    assertThat(merged.path("tags").size()).isEqualTo(2);
  }

  @Test
  void renamesAConflictingComponentAndRewritesItsReferences() {
    ObjectNode merged = OpenApiMerger.merge(ordered(), Map.of(), Map.of());
    JsonNode schemas = merged.path("components").path("schemas");
    assertThat(schemas.path("Page").path("type").asString()).isEqualTo("object");
    assertThat(schemas.path("ssc.Page").path("type").asString()).isEqualTo("array");
    assertThat(schemas.has("ssc.Problem")).as("identical definitions are shared").isFalse();
    assertThat(
            merged
                .at(
                    "/paths/~1api~1ssc~1cards/get/responses/200/content/application~1json/schema/$ref")
                .asString())
        .isEqualTo("#/components/schemas/ssc.Page");
    assertThat(
            merged
                .at(
                    "/paths/~1api~1seal~1seals/get/responses/200/content/application~1json/schema/$ref")
                .asString())
        .isEqualTo("#/components/schemas/Page");
  }

  @Test
  void namesTheServicesWhoseDocumentIsMissing() {
    ObjectNode merged =
        OpenApiMerger.merge(
            Map.of("seal", seal),
            Map.of(),
            Map.of("accounting", "it did not answer (not reachable)"));
    assertThat(merged.path("info").path("description").asString())
        .contains("accounting service's document is missing", "not reachable");
    assertThat(merged.path("info").path("x-govchain-unavailable").get(0).asString())
        .isEqualTo("accounting");
    assertThat(merged.path("info").has("x-govchain-stale")).isFalse();
    assertThat(merged.path("paths").has("/api/seal/seals")).isTrue();
  }

  @Test
  void keepsAnEarlierDocumentAndNamesItStale() {
    ObjectNode merged =
        OpenApiMerger.merge(
            ordered(),
            Map.of("ssc", "the one fetched at 2026-12-05T10:00:00Z; now it did not answer"),
            Map.of());
    assertThat(merged.path("paths").has("/api/ssc/cards")).isTrue();
    assertThat(merged.path("info").path("description").asString())
        .contains(
            "The ssc service's document is the one fetched at 2026-12-05T10:00:00Z; now it did"
                + " not answer.");
    assertThat(merged.path("info").path("x-govchain-stale").toString()).isEqualTo("[\"ssc\"]");
    assertThat(merged.path("info").has("x-govchain-unavailable")).isFalse();
  }

  private Map<String, JsonNode> ordered() {
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    documents.put("seal", seal);
    documents.put("ssc", ssc);
    return documents;
  }
}
