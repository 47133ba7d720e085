package org.govchain.gateway.ratelimit;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One resilience4j {@link RateLimiter} per client key, in a map bounded to {@code maxClients}
 * entries (least recently used dropped), so random keys cannot exhaust memory. Never blocks: a
 * request either gets a permit at once or learns how long to wait.
 */
final class ClientRateLimiters {

  private final String name;
  private final RateLimiterConfig config;
  private final Map<String, AtomicRateLimiter> limiters;

  ClientRateLimiters(String name, RateLimitProperties.Limit limit, int maxClients) {
    this.name = name;
    this.config =
        RateLimiterConfig.custom()
            .limitForPeriod(limit.requests())
            .limitRefreshPeriod(limit.period())
            .timeoutDuration(Duration.ZERO)
            .build();
    this.limiters =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, AtomicRateLimiter> eldest) {
            return size() > maxClients;
          }
        };
  }

  /** Takes a permit for {@code client}: empty if granted, else the time to wait in nanoseconds. */
  OptionalLong acquire(String client) {
    AtomicRateLimiter limiter = limiterOf(client);
    if (limiter.acquirePermission()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.max(0, limiter.getDetailedMetrics().getNanosToWait()));
  }

  /** How many clients have a limiter now. */
  synchronized int size() {
    return limiters.size();
  }

  private synchronized AtomicRateLimiter limiterOf(String client) {
    return limiters.computeIfAbsent(client, key -> new AtomicRateLimiter(name + ":" + key, config));
  }
}
