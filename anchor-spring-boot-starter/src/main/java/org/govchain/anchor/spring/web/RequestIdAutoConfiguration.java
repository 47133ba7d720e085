package org.govchain.anchor.spring.web;

import io.micrometer.context.ContextRegistry;
import org.govchain.anchor.web.requestid.RequestIdWebFilter;
import org.govchain.anchor.web.requestid.RequestIds;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Hooks;

/**
 * Adds {@link RequestIdWebFilter} to every reactive web application that uses the starter, and puts
 * the request id in the logging MDC (key {@code requestId}) of every operator that handles the
 * request, through Reactor's automatic context propagation; a service shows it on every line with a
 * log pattern such as {@code logging.pattern.correlation: "[%X{requestId:-}] "}. Off with {@code
 * govchain.request-id.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "govchain.request-id.enabled", matchIfMissing = true)
public class RequestIdAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  RequestIdWebFilter govchainRequestIdWebFilter() {
    propagateToMdc();
    return new RequestIdWebFilter();
  }

  private static synchronized void propagateToMdc() {
    ContextRegistry registry = ContextRegistry.getInstance();
    if (registry.getThreadLocalAccessors().stream()
        .noneMatch(a -> RequestIds.CONTEXT_KEY.equals(a.key()))) {
      registry.registerThreadLocalAccessor(new RequestIdMdcAccessor());
    }
    // idempotent; what spring.reactor.context-propagation=auto does
    Hooks.enableAutomaticContextPropagation();
  }
}
