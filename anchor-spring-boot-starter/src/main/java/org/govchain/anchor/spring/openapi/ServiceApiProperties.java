package org.govchain.anchor.spring.openapi;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service says about its OpenAPI document ({@code govchain.openapi.*}); the rest (bearer
 * scheme, problem schema, 401/403/429 answers) is the same for every service.
 *
 * @param title the document's title, e.g. {@code GovChain seal service}
 * @param description what the service does (Markdown); the log and problem conventions are added
 * @param publicOperations operations that need no token, as {@code METHOD path} exactly as in the
 *     document, e.g. {@code POST /api/seal/verifications}; they get no 401/403 answers
 */
@ConfigurationProperties("govchain.openapi")
public record ServiceApiProperties(
    @DefaultValue("GovChain service") String title,
    @DefaultValue("") String description,
    @DefaultValue List<String> publicOperations) {}
