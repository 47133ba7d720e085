package org.govchain.gateway.web;

import org.govchain.anchor.web.problem.ProblemErrorHandler;
import org.govchain.anchor.web.problem.ProblemExchangeRejectedHandler;
import org.govchain.anchor.web.problem.ProblemWriter;
import org.govchain.anchor.web.requestid.RequestIdWebFilter;
import org.govchain.gateway.size.RequestSizeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway speaks the same web contract as the services (anchor-web): request ids on every
 * request and answer, and every error it answers itself — unknown paths, refused paths, limits,
 * failures — as a GovChain problem carrying the request id.
 */
@Configuration(proxyBeanMethods = false)
public class WebContractConfiguration {

  @Bean
  ProblemWriter problemWriter(JsonMapper json) {
    return new ProblemWriter(json);
  }

  @Bean
  RequestIdWebFilter requestIdWebFilter() {
    return new RequestIdWebFilter();
  }

  /** Bodies over the shared limit ({@code govchain.web.max-request-size}) are 413 problems. */
  @Bean
  ProblemErrorHandler problemErrorHandler(ProblemWriter writer, RequestSizeProperties sizes) {
    return new ProblemErrorHandler(writer, sizes.max().toBytes());
  }

  /** Spring Security's firewall rejections ({@code ..}, {@code ;}, {@code //}) as problems. */
  @Bean
  ProblemExchangeRejectedHandler exchangeRejectedHandler(ProblemWriter writer) {
    return new ProblemExchangeRejectedHandler(writer);
  }
}
