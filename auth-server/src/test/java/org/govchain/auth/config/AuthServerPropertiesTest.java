package org.govchain.auth.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks Bean Validation makes on the settings when they are bound. */
class AuthServerPropertiesTest {

  private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

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
