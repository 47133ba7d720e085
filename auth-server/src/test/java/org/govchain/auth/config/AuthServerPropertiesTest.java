package org.govchain.auth.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.List;
import org.govchain.anchor.web.security.Role;
import org.junit.jupiter.api.Test;

/** The checks Bean Validation makes on the settings when they are bound. */
class AuthServerPropertiesTest {

  private static final String HASH =
      "{bcrypt}$2a$04$abcdefghijklmnopqrstuu5g1sQ0x1mX8XJrXhH2OaQv0J0iZ0D";

  private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

  @Test
  void aClientWithoutRolesIsRefusedUnlessItIsAResourceServer() {
    assertThat(messages(new AuthServerProperties.Client("front-desk", HASH, List.of())))
        .containsExactly("roles must not be empty, unless resource-server is true");
    assertThat(messages(new AuthServerProperties.Client("gateway", HASH, List.of(), "", true)))
        .isEmpty();
    assertThat(
            messages(
                new AuthServerProperties.Client(
                    "front-desk", HASH, List.of(Role.SERVICE_POINT), "", false)))
        .isEmpty();
  }

  @Test
  void theDefaultThrottleIsValid() {
    assertThat(messages(AuthServerProperties.Throttle.defaults())).isEmpty();
  }

  @Test
  void aThrottleWhoseCountsWouldRestartBeforeTheLongestLockEndsIsRefused() {
    assertThat(
            messages(
                new AuthServerProperties.Throttle(
                    5,
                    20,
                    Duration.ofSeconds(1),
                    Duration.ofMinutes(15),
                    Duration.ofMinutes(15),
                    10_000)))
        .singleElement()
        .satisfies(message -> assertThat(message).contains("reset-after longer than max-backoff"));
    assertThat(
            messages(
                new AuthServerProperties.Throttle(
                    5, 20, Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(15), 10_000)))
        .singleElement()
        .satisfies(message -> assertThat(message).contains("initial-backoff must be positive"));
    assertThat(
            messages(
                new AuthServerProperties.Throttle(
                    0,
                    20,
                    Duration.ofSeconds(1),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(15),
                    10_000)))
        .hasSize(1);
  }

  private List<String> messages(Object settings) {
    return validator.validate(settings).stream().map(ConstraintViolation::getMessage).toList();
  }
}
