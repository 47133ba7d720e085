package org.govchain.seal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The OpenAPI 3 document at {@code /api/seal/v3/api-docs}: public, and describing the API. */
@WithPostgres
class SealOpenApiIT {

  private static final String DOCS = "/api/seal/v3/api-docs";
  private static SealApp app;
  private static Map<String, Object> document;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void start(PostgresServer.Database db) {
    app = SealApp.start(db);
    document =
        app.anonymous
            .get()
            .uri(DOCS)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void documentIsServedWithoutATokenAndDescribesTheService() {
    assertThat((String) document.get("openapi")).startsWith("3.");
    Map<String, Object> info = map(document, "info");
    assertThat(info.get("title")).isEqualTo("GovChain seal service");
    assertThat((String) info.get("version")).isNotBlank();
    assertThat((String) info.get("description")).contains("RFC 9457", "Merkle log");
  }

  @Test
  void listsTheSealSealingVerificationAndLogEndpoints() {
    assertThat(map(document, "paths"))
        .containsKeys(
            "/api/seal/seals",
            "/api/seal/seals/{id}",
            "/api/seal/seals/{id}/revoke",
            "/api/seal/seals/{id}/sealings",
            "/api/seal/seals/{id}/signatures",
            "/api/seal/sealings/{id}",
            "/api/seal/sealings/{id}/proof",
            "/api/seal/verifications",
            "/api/seal/log/checkpoint",
            "/api/seal/log/proofs/inclusion",
            "/api/seal/log/entries/{index}/bundle");
  }

  @Test
  void bearerJwtIsRequiredEverywhereButVerification() {
    Map<String, Object> scheme =
        map(map(map(document, "components"), "securitySchemes"), "bearer-jwt");
    assertThat(scheme).containsEntry("type", "http").containsEntry("scheme", "bearer");
    assertThat(scheme).containsEntry("bearerFormat", "JWT");
    assertThat(document.get("security")).isEqualTo(List.of(Map.of("bearer-jwt", List.of())));

    Map<String, Object> verify = operation("/api/seal/verifications", "post");
    assertThat(verify).containsEntry("security", List.of());
    assertThat(map(verify, "responses")).doesNotContainKeys("401", "403");
    Map<String, Object> create = operation("/api/seal/seals", "post");
    assertThat(create).doesNotContainKey("security");
    assertThat(map(create, "responses")).containsKeys("401", "403", "429");
    assertThat(map(verify, "responses")).containsKey("429");
  }

  @Test
  void requestBodiesAndProblemAnswersAreDescribed() {
    Map<String, Object> create = operation("/api/seal/seals", "post");
    assertThat(map(map(map(create, "requestBody"), "content"), "application/json"))
        .containsKey("schema");
    Map<String, Object> responses = map(create, "responses");
    assertThat(responses).containsKeys("201", "400", "413", "415", "422");
    assertThat(map(map(map(responses, "422"), "content"), "application/problem+json"))
        .containsEntry("schema", Map.of("$ref", "#/components/schemas/Problem"));

    Map<String, Object> stamp = operation("/api/seal/seals/{id}/sealings", "post");
    Map<String, Object> form =
        map(map(map(map(stamp, "requestBody"), "content"), "multipart/form-data"), "schema");
    assertThat(form).containsKey("$ref");
    String formName = ((String) form.get("$ref")).replace("#/components/schemas/", "");
    assertThat(map(map(map(document, "components"), "schemas"), formName).get("properties"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsKeys("document", "page", "x", "y", "width");
    assertThat(map(stamp, "responses")).containsKeys("201", "404", "409", "413", "415", "422");
    assertThat(map(map(map(map(stamp, "responses"), "201"), "content"), "application/pdf"))
        .isNotNull();

    Map<String, Object> problem = map(map(map(document, "components"), "schemas"), "Problem");
    assertThat(map(problem, "properties"))
        .containsKeys("type", "title", "status", "detail", "instance", "requestId", "errors");
  }

  @Test
  void yamlFormIsPublicToo() {
    String yaml =
        app.anonymous
            .get()
            .uri(DOCS + ".yaml")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(yaml).contains("/api/seal/verifications:");
  }

  private static Map<String, Object> operation(String path, String method) {
    return map(map(map(document, "paths"), path), method);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertThat(value).as("%s in %s", key, parent.keySet()).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
