package org.govchain.gateway.security;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The municipal front-ends allowed to call the API from a browser.
 *
 * @param allowedOrigins exact origins (e.g. {@code https://seal.city.example}); none by default
 * @param maxAge how long a browser may cache a preflight answer
 */
@Validated
@ConfigurationProperties("govchain.gateway.cors")
public record CorsProperties(@NotNull List<String> allowedOrigins, @NotNull Duration maxAge) {}
