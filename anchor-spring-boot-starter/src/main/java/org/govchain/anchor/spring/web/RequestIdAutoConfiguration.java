package org.govchain.anchor.spring.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Adds {@link RequestIdWebFilter} to every reactive web application that uses the starter. Off with
 * {@code govchain.request-id.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "govchain.request-id.enabled", matchIfMissing = true)
public class RequestIdAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  RequestIdWebFilter govchainRequestIdWebFilter() {
    return new RequestIdWebFilter();
  }
}
