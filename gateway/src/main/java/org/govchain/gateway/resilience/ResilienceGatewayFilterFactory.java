package org.govchain.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.govchain.anchor.web.problem.CommonProblem;
import org.govchain.anchor.web.problem.ProblemWriter;
import org.govchain.gateway.size.PayloadTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code Resilience=<service>} in a route: the call to the service runs under a resilience4j time
 * limit inside a circuit breaker named after the service; when it fails (refused or broken
 * connection, no answer in time, breaker open) and nothing was sent yet, the answer is 503 {@code
 * service-unavailable} at once instead of a hang. Answers the service does give, 5xx included, pass
 * through unchanged.
 */
@Component
public final class ResilienceGatewayFilterFactory
    extends AbstractGatewayFilterFactory<ResilienceGatewayFilterFactory.Config> {

  private static final Logger log = LoggerFactory.getLogger(ResilienceGatewayFilterFactory.class);

  private final CircuitBreakerRegistry breakers;
  private final TimeLimiterRegistry timeLimiters;
  private final ResilienceProperties properties;
  private final ProblemWriter problems;

  public ResilienceGatewayFilterFactory(
      CircuitBreakerRegistry breakers,
      TimeLimiterRegistry timeLimiters,
      ResilienceProperties properties,
      ProblemWriter problems) {
    super(Config.class);
    this.breakers = breakers;
    this.timeLimiters = timeLimiters;
    this.properties = properties;
    this.problems = problems;
  }

  @Override
  public List<String> shortcutFieldOrder() {
    return List.of("service");
  }

  @Override
  public GatewayFilter apply(Config config) {
    String service = config.getService();
    CircuitBreaker breaker = breakers.circuitBreaker(service);
    TimeLimiter timeLimiter = timeLimiters.timeLimiter(service);
    return (exchange, chain) ->
        chain
            .filter(exchange)
            .transformDeferred(TimeLimiterOperator.of(timeLimiter))
            .transformDeferred(CircuitBreakerOperator.of(breaker))
            .onErrorResume(
                e ->
                    !PayloadTooLargeException.isCauseOf(e) && !exchange.getResponse().isCommitted(),
                e -> unavailable(exchange, service, e));
  }

  private Mono<Void> unavailable(ServerWebExchange exchange, String service, Throwable error) {
    String detail;
    Map<String, String> headers = Map.of();
    if (error instanceof CallNotPermittedException) {
      long seconds = Math.max(1, properties.waitInOpenState().toSeconds());
      detail = "the " + service + " service is failing; calls are paused for a while";
      headers = Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    } else if (error instanceof TimeoutException) {
      detail = "the " + service + " service did not answer in time";
    } else {
      detail = "the " + service + " service cannot be reached";
    }
    log.warn("{} unavailable: {}", service, error.toString());
    return problems.write(exchange, CommonProblem.SERVICE_UNAVAILABLE, detail, Map.of(), headers);
  }

  /** The route's settings: the service name, which also names its circuit breaker. */
  public static final class Config {
    private String service;

    public String getService() {
      return service;
    }

    public void setService(String service) {
      this.service = service;
    }
  }
}
