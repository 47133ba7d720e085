package org.govchain.anchor.spring.anchoring;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.govchain.anchor.chain.ChainUnavailableException;
import reactor.core.publisher.Mono;

/**
 * Turns web3j futures into guarded Monos: each attempt is a fresh {@code Mono.defer} of the call,
 * limited in time, counted once by the circuit breaker, and retried only when the chain was
 * unreachable or slow (never when it answered with an error).
 */
final class ChainCalls {

  private final TimeLimiter timeLimiter;
  private final CircuitBreaker circuitBreaker;
  private final Retry retry;

  ChainCalls(String name, AnchoringProperties.Resilience settings) {
    this.timeLimiter =
        TimeLimiter.of(
            name,
            TimeLimiterConfig.custom()
                .timeoutDuration(settings.callTimeout())
                .cancelRunningFuture(true)
                .build());
    this.circuitBreaker =
        CircuitBreaker.of(
            name,
            CircuitBreakerConfig.custom()
                .slidingWindowSize(settings.circuitWindow())
                .minimumNumberOfCalls(settings.circuitMinimumCalls())
                .failureRateThreshold(settings.circuitFailureRatePercent())
                .waitDurationInOpenState(settings.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(settings.circuitHalfOpenCalls())
                .recordException(ChainCalls::isOutage)
                .build());
    this.retry =
        Retry.of(
            name,
            RetryConfig.custom()
                .maxAttempts(settings.retryAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialBackoff(settings.retryBackoff(), 2.0))
                .retryOnException(ChainCalls::isOutage)
                .build());
  }

  /** Whether {@code error} means the chain could not be reached or did not answer in time. */
  static boolean isOutage(Throwable error) {
    Throwable cause = unwrap(error);
    return cause instanceof ChainUnavailableException || cause instanceof TimeoutException;
  }

  /** The call as a guarded Mono; {@code call} runs again for every subscription and retry. */
  <T> Mono<T> call(Supplier<CompletableFuture<T>> call) {
    return Mono.defer(() -> Mono.fromFuture(call.get(), true))
        .onErrorMap(error -> unwrap(error))
        .transformDeferred(TimeLimiterOperator.of(timeLimiter))
        .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
        .transformDeferred(RetryOperator.of(retry));
  }

  CircuitBreaker circuitBreaker() {
    return circuitBreaker;
  }

  Retry retry() {
    return retry;
  }

  static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
