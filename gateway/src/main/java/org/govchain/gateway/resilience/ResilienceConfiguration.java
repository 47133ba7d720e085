package org.govchain.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.govchain.gateway.size.PayloadTooLargeException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The resilience4j registries behind the {@code Resilience} route filter, with their metrics. */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

  @Bean
  CircuitBreakerRegistry circuitBreakerRegistry(
      ResilienceProperties properties, MeterRegistry meters) {
    CircuitBreakerConfig config =
        CircuitBreakerConfig.custom()
            .failureRateThreshold(properties.failureRateThreshold())
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(properties.slidingWindowSize())
            .minimumNumberOfCalls(properties.minimumNumberOfCalls())
            .waitDurationInOpenState(properties.waitInOpenState())
            .permittedNumberOfCallsInHalfOpenState(properties.permittedCallsInHalfOpenState())
            .automaticTransitionFromOpenToHalfOpenEnabled(false)
            // a client sending too much is not the service failing
            .ignoreException(PayloadTooLargeException::isCauseOf)
            .build();
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    return registry;
  }

  @Bean
  TimeLimiterRegistry timeLimiterRegistry(ResilienceProperties properties) {
    return TimeLimiterRegistry.of(
        TimeLimiterConfig.custom()
            .timeoutDuration(properties.timeout())
            .cancelRunningFuture(true)
            .build());
  }
}
