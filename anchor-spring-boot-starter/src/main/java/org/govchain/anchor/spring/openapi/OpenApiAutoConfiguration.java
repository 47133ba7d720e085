package org.govchain.anchor.spring.openapi;

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
import org.govchain.anchor.web.problem.ProblemKind;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A service's OpenAPI 3 document (springdoc, at {@code {prefix}/v3/api-docs}) set up from {@link
 * ServiceApiProperties}: its title and description, the bearer JWT scheme on every operation but
 * the public ones, their 401/403 answers, the 429 the gateway's rate limiter may give, and RFC 9457
 * problems as the body of every error answer. Present when the service depends on springdoc.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@EnableConfigurationProperties(ServiceApiProperties.class)
public class OpenApiAutoConfiguration {

  /** The name of the security scheme in the document. */
  public static final String BEARER = "bearer-jwt";

  /** The problem schema's name in the document's components. */
  public static final String PROBLEM = "Problem";

  private static final String PROBLEM_JSON = "application/problem+json";

  private static final String CONVENTIONS =
      "\n\nEvery change of a record is an entry of the service's RFC 9162 Merkle log, anchored on"
          + " an Ethereum-compatible chain; `…/proof` and `log/…` give the proofs (format"
          + " govchain.proof/v1). Errors are RFC 9457 problems with type "
          + ProblemKind.TYPE_BASE
          + "<kind> and the request's X-Request-Id as requestId.";

  @Bean
  @ConditionalOnMissingBean
  OpenAPI govchainOpenApi(ServiceApiProperties properties, Environment env) {
    String audience = env.getProperty("govchain.security.jwt.audience", "govchain");
    return new OpenAPI()
        .info(
            new Info()
                .title(properties.title())
                .version(env.getProperty("spring.application.version", "development"))
                .description(properties.description().strip() + CONVENTIONS)
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
                                + " contain `"
                                + audience
                                + "`, `sub` names the caller, `roles` (JSON array) grants the"
                                + " roles.")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }

  /**
   * Adds the problem schema, marks public operations as needing no token, adds the 401/403 answers
   * of the others and 429 to all, and gives every error answer the problem body.
   */
  @Bean
  OpenApiCustomizer govchainProblemResponses(ServiceApiProperties properties) {
    Set<String> publicOperations = Set.copyOf(properties.publicOperations());
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
                          (method, operation) ->
                              complete(
                                  publicOperations.contains(method.name() + " " + path),
                                  operation)));
    };
  }

  private static void complete(boolean open, Operation operation) {
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    if (open) {
      operation.setSecurity(List.of());
    } else {
      responses.putIfAbsent(
          "401", new ApiResponse().description("no token, or an invalid one (unauthorized)"));
      responses.putIfAbsent(
          "403", new ApiResponse().description("the token's roles do not allow this (forbidden)"));
    }
    responses.putIfAbsent(
        "429",
        new ApiResponse()
            .description("rate-limited: the gateway's limit for the caller; see Retry-After"));
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
            new StringSchema().format("uri").example(ProblemKind.TYPE_BASE + "invalid-request"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema().format("uri-reference"))
        .addProperty("requestId", new StringSchema().description("the request's X-Request-Id"))
        .addProperty("errors", errors);
  }
}
