package org.govchain.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ClientRateLimitersTest {

  @Test
  void grantsTheLimitThenTellsHowLongToWait() {
    ClientRateLimiters limiters =
        new ClientRateLimiters("t", new RateLimitProperties.Limit(3, Duration.ofSeconds(30)), 10);
    for (int i = 0; i < 3; i++) {
      assertThat(limiters.acquire("a")).as("request %d", i + 1).isEmpty();
    }
    OptionalLong wait = limiters.acquire("a");
    assertThat(wait).isPresent();
    assertThat(wait.getAsLong()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30).toNanos());
  }

  @Test
  void eachClientHasItsOwnLimit() {
    ClientRateLimiters limiters =
        new ClientRateLimiters("t", new RateLimitProperties.Limit(1, Duration.ofSeconds(30)), 10);
    assertThat(limiters.acquire("a")).isEmpty();
    assertThat(limiters.acquire("a")).isPresent();
    assertThat(limiters.acquire("b")).isEmpty();
  }

  @Test
  void keepsAtMostMaxClientsLimitersDroppingTheLeastRecentlyUsed() {
    ClientRateLimiters limiters =
        new ClientRateLimiters("t", new RateLimitProperties.Limit(1, Duration.ofSeconds(30)), 100);
    assertThat(limiters.acquire("kept")).isEmpty();
    for (int i = 0; i < 10_000; i++) {
      limiters.acquire("random-" + i);
      if (i % 50 == 0) {
        limiters.acquire("kept"); // used recently, so never the eldest
      }
    }
    assertThat(limiters.size()).isEqualTo(100);
    assertThat(limiters.acquire("kept")).as("its limiter survived, still exhausted").isPresent();
    assertThat(limiters.acquire("random-0")).as("dropped, so a fresh limiter").isEmpty();
  }
}
