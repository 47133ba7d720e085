package org.govchain.gateway.size;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Request body limits: {@code max} for every request, {@code uploadMax} for the upload paths
 * (Spring path patterns, e.g. {@code /api/seal/seals/{id}/sealings}).
 *
 * @param max the limit for every other request
 * @param uploadMax the limit for the upload paths
 * @param uploadPaths the paths that accept documents
 */
@Validated
@ConfigurationProperties("govchain.gateway.request-size")
public record RequestSizeProperties(
    @NotNull DataSize max, @NotNull DataSize uploadMax, @NotNull List<String> uploadPaths) {}
