package org.govchain.anchor.spring.web;

import org.govchain.anchor.web.problem.ProblemErrorHandler;
import org.govchain.anchor.web.problem.ProblemExchangeRejectedHandler;
import org.govchain.anchor.web.problem.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error a service answers is a GovChain problem carrying the request id: the {@link
 * ProblemWriter}, the last-resort {@link ProblemErrorHandler} (unknown paths, wrong methods or
 * content types, unreadable or oversized bodies, unexpected failures) and, with Spring Security, a
 * problem for requests its firewall refuses.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ProblemAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ProblemWriter govchainProblemWriter(ObjectProvider<JsonMapper> json) {
    return new ProblemWriter(json.getIfAvailable(() -> JsonMapper.builder().build()));
  }

  @Bean
  @ConditionalOnMissingBean
  ProblemErrorHandler govchainProblemErrorHandler(ProblemWriter writer) {
    return new ProblemErrorHandler(writer);
  }

  /** Spring Security's firewall rejections ({@code ..}, {@code ;}, {@code //}) as problems. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = "org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler")
  static class Firewall {

    @Bean
    @ConditionalOnMissingBean(
        type = "org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler")
    ProblemExchangeRejectedHandler govchainExchangeRejectedHandler(ProblemWriter writer) {
      return new ProblemExchangeRejectedHandler(writer);
    }
  }
}
