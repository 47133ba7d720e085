package org.govchain.gateway.security;

import java.util.ArrayList;
import java.util.List;
import org.govchain.anchor.web.problem.ProblemWriter;
import org.govchain.anchor.web.requestid.RequestIds;
import org.govchain.anchor.web.security.BearerTokenSecurity;
import org.govchain.anchor.web.security.SecurityProblems;
import org.govchain.anchor.web.security.TokenValidation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway as an OAuth2 resource server: tokens checked and turned into roles exactly as the
 * services do ({@link TokenValidation}, {@link BearerTokenSecurity} from anchor-web), the rules of
 * {@link RouteAccessRules}, CORS for the configured front-ends, and 401/403 as problems. Browser
 * security headers come from {@code SecurityHeadersFilter}, so Spring Security's own header writer
 * is off.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class GatewaySecurityConfiguration {

  @Bean
  SecurityWebFilterChain gatewaySecurity(
      ServerHttpSecurity http,
      ReactiveJwtDecoder decoder,
      Environment env,
      ProblemWriter problems,
      CorsProperties cors) {
    return BearerTokenSecurity.apply(
            http, decoder, TokenValidation.rolesConverter(env), new SecurityProblems(problems))
        .headers(ServerHttpSecurity.HeaderSpec::disable)
        .cors(c -> c.configurationSource(corsSource(cors)))
        .authorizeExchange(RouteAccessRules::apply)
        .build();
  }

  /** Refuses to start without a token validation setting (see {@link TokenValidation}). */
  @Bean
  ReactiveJwtDecoder gatewayJwtDecoder(Environment env) {
    return TokenValidation.decoder(env);
  }

  /**
   * No Micrometer observations of Spring Security's own steps. By default every one of the ~15
   * security filters, the authentication and the authorization of each request is wrapped in an
   * observation (each start looks up or registers a long-task timer), which JFR showed as about an
   * eighth of the gateway's CPU per request. Request timings stay: {@code http.server.requests} and
   * the gateway's per-route metrics are separate observations.
   */
  @Bean
  static SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /** CORS for exactly the configured origins; with none configured, no origin is allowed. */
  static CorsConfigurationSource corsSource(CorsProperties properties) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    List<String> origins =
        properties.allowedOrigins().stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    if (origins.isEmpty()) {
      return source;
    }
    CorsConfiguration config = new CorsConfiguration();
    config.setAllowedOrigins(new ArrayList<>(origins));
    config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
    config.setAllowedHeaders(
        List.of(
            HttpHeaders.AUTHORIZATION,
            HttpHeaders.CONTENT_TYPE,
            "Idempotency-Key",
            RequestIds.HEADER));
    config.setExposedHeaders(
        List.of(
            RequestIds.HEADER,
            HttpHeaders.LOCATION,
            HttpHeaders.RETRY_AFTER,
            HttpHeaders.WWW_AUTHENTICATE,
            "Sealing-Id"));
    config.setAllowCredentials(false); // bearer tokens, no cookies
    config.setMaxAge(properties.maxAge());
    source.registerCorsConfiguration("/**", config);
    return source;
  }
}
