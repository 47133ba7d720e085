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
 * @param replicas how many gateways share the limits (deployment's declaration): more than one
 *     needs {@code redis.url}, which the {@code prod} profile enforces
 * @param redis the store the replicas share; without a URL each gateway limits in memory alone
 */
@Validated
@ConfigurationProperties("govchain.gateway.rate-limit")
public record RateLimitProperties(
    @Valid @NotNull Limit authenticated,
    @Valid @NotNull Limit anonymous,
    @Min(1) int maxClients,
    @Min(1) int replicas,
    @Valid @NotNull Redis redis) {

  /**
   * At most {@code requests} per {@code period} for one client.
   *
   * @param requests permits per period
   * @param period the refresh period
   */
  public record Limit(@Min(1) int requests, @NotNull Duration period) {}

  /**
   * The Redis server the gateway replicas count their clients' requests in.
   *
   * @param url {@code redis://host:port} (or {@code rediss://}), no password in it; blank for none
   * @param password the server's password (a secret: environment or secret file), blank for none
   * @param timeout how long a count may take before the gateway limits in memory instead
   */
  public record Redis(String url, String password, @NotNull Duration timeout) {

    /** Whether a shared store is configured. */
    public boolean configured() {
      return url != null && !url.isBlank();
    }
  }
}
