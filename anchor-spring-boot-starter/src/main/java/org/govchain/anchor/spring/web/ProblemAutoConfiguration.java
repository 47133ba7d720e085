package org.govchain.anchor.spring.web;

import org.govchain.anchor.web.problem.ProblemErrorHandler;
import org.govchain.anchor.web.problem.ProblemExchangeRejectedHandler;
import org.govchain.anchor.web.problem.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error a service answers is a GovChain problem carrying the request id, and request bodies
 * have one limit: the {@link ProblemWriter}, the last-resort {@link ProblemErrorHandler} (unknown
 * paths, wrong methods or content types, unreadable or oversized bodies, unexpected failures) and,
 * with Spring Security, a problem for requests its firewall refuses.
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
  ProblemErrorHandler govchainProblemErrorHandler(ProblemWriter writer, Environment env) {
    return new ProblemErrorHandler(writer, maxRequestBytes(env));
  }

  /**
   * One request body limit for the gateway and every service: {@code govchain.web.max-request-size}
   * ({@code GOVCHAIN_MAX_REQUEST_SIZE}, default 2 MB) is what the JSON and form codecs buffer at
   * most; a larger body is answered 413 {@code payload-too-large} with the limit.
   */
  @Bean
  CodecCustomizer govchainRequestSizeCodecs(Environment env) {
    int limit = (int) Math.min(Integer.MAX_VALUE, maxRequestBytes(env));
    return configurer -> configurer.defaultCodecs().maxInMemorySize(limit);
  }

  static long maxRequestBytes(Environment env) {
    DataSize size =
        env.getProperty(
            ProblemErrorHandler.MAX_REQUEST_SIZE,
            DataSize.class,
            DataSize.ofBytes(ProblemErrorHandler.DEFAULT_MAX_REQUEST_BYTES));
    return size.toBytes();
  }

  /** The problem handler of the service's controllers. */
  @Bean
  @ConditionalOnMissingBean
  ServiceProblemAdvice govchainServiceProblemAdvice(Environment env) {
    return new ServiceProblemAdvice(maxRequestBytes(env));
  }

  /**
   * Request bodies name an enum's constant, never its index: Jackson reads {@code "type": 1} as the
   * second constant by default, so a body the API's schema refuses would be taken (found by the
   * hostile-input fuzzing of issue 14). Such a number is an unreadable body, 400.
   */
  @Bean
  JsonMapperBuilderCustomizer govchainEnumsByName() {
    return builder -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
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
