package org.govchain.gateway.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway requires of a token beyond a valid signature and lifetime.
 *
 * @param audience a value the token's {@code aud} claim must contain
 */
@Validated
@ConfigurationProperties("govchain.gateway.jwt")
public record JwtProperties(@NotBlank String audience) {}
