package org.govchain.gateway.resilience;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The circuit breaker and time limit every route gets (one breaker per route, by name).
 *
 * @param timeout time allowed until the service's answer begins (all retries included)
 * @param failureRateThreshold percentage of failed calls that opens the breaker
 * @param slidingWindowSize calls the failure rate is computed over
 * @param minimumNumberOfCalls calls needed before the failure rate counts
 * @param waitInOpenState how long an open breaker refuses calls before trying again
 * @param permittedCallsInHalfOpenState trial calls while half open
 */
@Validated
@ConfigurationProperties("govchain.gateway.resilience")
public record ResilienceProperties(
    @NotNull Duration timeout,
    @Min(1) @Max(100) float failureRateThreshold,
    @Min(1) int slidingWindowSize,
    @Min(1) int minimumNumberOfCalls,
    @NotNull Duration waitInOpenState,
    @Min(1) int permittedCallsInHalfOpenState) {}
