package org.govchain.anchor.spring.anchoring;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds, with the lowest precedence, the health status order that knows {@code DEGRADED} (between
 * OUT_OF_SERVICE and UP) and maps it to HTTP 200 (DOWN and OUT_OF_SERVICE keep 503); an
 * application's own settings win.
 */
public final class HealthStatusDefaults implements EnvironmentPostProcessor {

  static final String SOURCE = "govchainAnchoringHealthDefaults";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getPropertySources().contains(SOURCE)) {
      return;
    }
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                SOURCE,
                Map.of(
                    "management.endpoint.health.status.order",
                    "DOWN,OUT_OF_SERVICE,DEGRADED,UP,UNKNOWN",
                    // setting any mapping replaces Boot's defaults, so all three are given
                    "management.endpoint.health.status.http-mapping.down",
                    "503",
                    "management.endpoint.health.status.http-mapping.out-of-service",
                    "503",
                    "management.endpoint.health.status.http-mapping.degraded",
                    "200")));
  }
}
