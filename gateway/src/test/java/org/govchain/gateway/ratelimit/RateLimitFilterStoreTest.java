package org.govchain.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

/** Which shared store settings the gateway starts with, in and outside the {@code prod} profile. */
class RateLimitFilterStoreTest {

  private static final RateLimitProperties.Limit LIMIT =
      new RateLimitProperties.Limit(10, Duration.ofSeconds(1));

  @Test
  void prodRefusesSeveralReplicasWithoutASharedStore() {
    assertThatThrownBy(() -> filter(2, "", "prod"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GOVCHAIN_RATE_LIMIT_REDIS_URL")
        .hasMessageContaining("2 gateway replicas");
  }

  @Test
  void oneReplicaWithoutAStoreStartsInProdAndSeveralOutsideIt() {
    assertThatCode(() -> filter(1, "", "prod").destroy()).doesNotThrowAnyException();
    assertThatCode(() -> filter(3, "", "default").destroy()).doesNotThrowAnyException();
  }

  @Test
  void severalReplicasWithAStoreStartInProd() {
    // connecting is lazy: nothing listens there, and nothing is asked before a request
    assertThatCode(() -> filter(2, "redis://127.0.0.1:1", "prod").destroy())
        .doesNotThrowAnyException();
  }

  @Test
  void aStoreUrlWithAPasswordInItIsRefusedInAnyProfile() {
    for (String profile : new String[] {"prod", "default"}) {
      assertThatThrownBy(() -> filter(1, "redis://:s3cret@127.0.0.1:6379", profile))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("GOVCHAIN_RATE_LIMIT_REDIS_PASSWORD")
          .hasMessageNotContaining("s3cret");
    }
  }

  private static RateLimitFilter filter(int replicas, String url, String profile) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.setActiveProfiles(profile);
    RateLimitProperties properties =
        new RateLimitProperties(
            LIMIT,
            LIMIT,
            100,
            replicas,
            new RateLimitProperties.Redis(url, "", Duration.ofMillis(200)));
    return new RateLimitFilter(properties, null, environment);
  }
}
