package org.govchain.anchor.spring.security;

import org.govchain.anchor.web.problem.ProblemWriter;
import org.govchain.anchor.web.security.SecurityProblems;
import org.govchain.anchor.web.security.TokenValidation;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * What {@link EnableServiceSecurity} imports: WebFlux security, the service's {@link
 * ReactiveJwtDecoder} and the {@link ServiceSecurity} chain builder. Deliberately not
 * {@code @Configuration}, so no component scan picks it up without the annotation.
 */
@EnableWebFluxSecurity
class ServiceSecurityConfiguration {

  /** Refuses to start without a token validation setting (see {@link TokenValidation}). */
  @Bean
  ReactiveJwtDecoder govchainJwtDecoder(Environment env) {
    return TokenValidation.decoder(env);
  }

  @Bean
  ServiceSecurity govchainServiceSecurity(
      ReactiveJwtDecoder decoder, Environment env, ProblemWriter problems) {
    return new ServiceSecurity(
        decoder,
        TokenValidation.rolesConverter(env),
        new SecurityProblems(problems),
        env.getProperty("govchain.log.api.prefix", ""));
  }
}
