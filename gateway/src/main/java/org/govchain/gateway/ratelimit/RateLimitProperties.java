package org.govchain.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Per-client rate limits: {@code authenticated} for callers with a token (keyed by its subject),
 * {@code anonymous} for callers without (the public verification routes; keyed by client address).
 *
 * @param authenticated the limit of each token subject
 * @param anonymous the limit of each client address without a token
 * @param maxClients how many clients' limiters are kept (least recently used ones are dropped)
 */
@Validated
@ConfigurationProperties("govchain.gateway.rate-limit")
public record RateLimitProperties(
    @Valid @NotNull Limit authenticated, @Valid @NotNull Limit anonymous, @Min(1) int maxClients) {

  /**
   * At most {@code requests} per {@code period} for one client.
   *
   * @param requests permits per period
   * @param period the refresh period
   */
  public record Limit(@Min(1) int requests, @NotNull Duration period) {}
}
