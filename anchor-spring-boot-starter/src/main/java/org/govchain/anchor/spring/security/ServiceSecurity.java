package org.govchain.anchor.spring.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * Builds a service's {@link SecurityWebFilterChain} from the parts every GovChain service shares,
 * so that the service only states its own path → role rules: bearer JWTs only (no CSRF, sessions,
 * basic or form login), health public, the rest of the actuator for {@code admin}, 401/403 as
 * problems, and everything the rules do not name denied.
 */
public final class ServiceSecurity {

  /** Health, liveness and readiness: anyone may {@code GET} them. */
  public static final String[] PUBLIC_HEALTH = {
    "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"
  };

  private final ReactiveJwtDecoder decoder;
  private final SecurityProblems problems;

  public ServiceSecurity(ReactiveJwtDecoder decoder, SecurityProblems problems) {
    this.decoder = decoder;
    this.problems = problems;
  }

  /**
   * The chain: {@code GET} {@link #PUBLIC_HEALTH} for everyone, any other {@code /actuator/**} for
   * {@code admin}, then {@code rules}, then {@code anyExchange().denyAll()} — so {@code rules} must
   * not call {@code anyExchange()} itself (Spring Security then refuses to start). Other settings
   * of {@code http} made before the call (e.g. CORS) are kept.
   */
  public SecurityWebFilterChain filterChain(
      ServerHttpSecurity http, Customizer<ServerHttpSecurity.AuthorizeExchangeSpec> rules) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(
            exchanges -> {
              exchanges
                  .pathMatchers(HttpMethod.GET, PUBLIC_HEALTH)
                  .permitAll()
                  .pathMatchers("/actuator", "/actuator/**")
                  .hasRole(GovChainRole.ADMIN.claimValue());
              rules.customize(exchanges);
              exchanges.anyExchange().denyAll();
            })
        .oauth2ResourceServer(
            oauth2 ->
                oauth2
                    .jwt(
                        jwt ->
                            jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(new JwtRolesConverter()))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }
}
