package org.govchain.seal.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The seal API's OpenAPI 3 document (served at {@code /api/seal/v3/api-docs}): its description, the
 * bearer JWT scheme every operation but verification needs, and RFC 9457 problems as the body of
 * every error answer.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  /** The name of the security scheme in the document. */
  static final String BEARER = "bearer-jwt";

  /** The problem schema's name in the document's components. */
  static final String PROBLEM = "Problem";

  /** Operations open to everyone (method and path as in the document). */
  private static final Set<String> PUBLIC = Set.of("POST /api/seal/verifications");

  private static final String PROBLEM_JSON = "application/problem+json";

  @Bean
  OpenAPI sealOpenApi() {
    String version = OpenApiConfiguration.class.getPackage().getImplementationVersion();
    return new OpenAPI()
        .info(
            new Info()
                .title("GovChain seal service")
                .version(version == null ? "development" : version)
                .description(
                    "Electronic seals (电子印章): organisations' seals with keys and certificates"
                        + " from the seal CA, PAdES stamping of PDFs, detached signatures over"
                        + " document hashes, and public verification. Every change of a seal and"
                        + " every sealing is an entry of the service's RFC 9162 Merkle log,"
                        + " anchored on an Ethereum-compatible chain; `…/proof` and `log/…` give"
                        + " the proofs (format govchain.proof/v1). Errors are RFC 9457 problems"
                        + " with type https://govchain.example/problems/<kind>.")
                .license(new License().name("Apache-2.0")))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description(
                            "An RS256 JWT from the GovChain authorization server: `aud` must"
                                + " contain `govchain`, `sub` names the caller, `roles` (JSON"
                                + " array) grants seal-clerk, auditor or admin.")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }

  /**
   * Adds the problem schema, marks public operations as needing no token, adds the 401/403 answers
   * of the others, and gives every error answer the problem body.
   */
  @Bean
  OpenApiCustomizer sealProblemResponses() {
    return api -> {
      // added here, after springdoc has put the generated schemas in place
      if (api.getComponents() == null) {
        api.setComponents(new Components());
      }
      api.getComponents().addSchemas(PROBLEM, problemSchema());
      if (api.getPaths() == null) {
        return;
      }
      api.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach(
                          (method, operation) -> complete(method.name() + " " + path, operation)));
    };
  }

  private static void complete(String name, Operation operation) {
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    if (PUBLIC.contains(name)) {
      operation.setSecurity(List.of());
    } else {
      responses.putIfAbsent(
          "401", new ApiResponse().description("no token, or an invalid one (unauthorized)"));
      responses.putIfAbsent(
          "403", new ApiResponse().description("the token's roles do not allow this (forbidden)"));
    }
    responses.forEach(
        (code, response) -> {
          if (code.startsWith("4") || code.startsWith("5")) {
            response.setContent(
                new Content()
                    .addMediaType(
                        PROBLEM_JSON,
                        new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
          }
        });
  }

  private static Schema<?> problemSchema() {
    ArraySchema errors = new ArraySchema();
    errors.setDescription("field problems (400/422)");
    errors.setItems(
        new ObjectSchema()
            .addProperty("field", new StringSchema())
            .addProperty("message", new StringSchema()));
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty(
            "type",
            new StringSchema()
                .format("uri")
                .example("https://govchain.example/problems/seal-not-active"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema().format("uri-reference"))
        .addProperty("errors", errors);
  }
}
