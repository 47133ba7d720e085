package org.govchain.portal.web;

import org.govchain.anchor.web.problem.ProblemErrorHandler;
import org.govchain.anchor.web.problem.ProblemWriter;
import org.govchain.anchor.web.requestid.RequestIdWebFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal speaks the suite's web contract (anchor-web): request ids on every request and answer,
 * every error as a problem+json carrying the request id.
 */
@Configuration(proxyBeanMethods = false)
class WebContractConfiguration {

  @Bean
  ProblemWriter problemWriter(JsonMapper json) {
    return new ProblemWriter(json);
  }

  @Bean
  RequestIdWebFilter requestIdWebFilter() {
    return new RequestIdWebFilter();
  }

  @Bean
  ProblemErrorHandler problemErrorHandler(
      ProblemWriter writer, @Value("${govchain.web.max-request-size:2MB}") DataSize maxRequest) {
    return new ProblemErrorHandler(writer, maxRequest.toBytes());
  }
}
