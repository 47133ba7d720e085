package org.govchain.anchor.spring.security;

import org.govchain.anchor.web.security.BearerTokenSecurity;
import org.govchain.anchor.web.security.JwtRolesConverter;
import org.govchain.anchor.web.security.Role;
import org.govchain.anchor.web.security.SecurityProblems;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Builds a service's {@link SecurityWebFilterChain} from the parts every GovChain application
 * shares ({@link BearerTokenSecurity}), so that the service only states its own path → role rules:
 * health public, the rest of the actuator for {@code admin}, then the service's rules, and
 * everything they do not name denied.
 */
public final class ServiceSecurity {

  /** Health, liveness and readiness: anyone may {@code GET} them. */
  public static final String[] PUBLIC_HEALTH = {
    "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"
  };

  private final ReactiveJwtDecoder decoder;
  private final JwtRolesConverter roles;
  private final SecurityProblems problems;

  public ServiceSecurity(
      ReactiveJwtDecoder decoder, JwtRolesConverter roles, SecurityProblems problems) {
    this.decoder = decoder;
    this.roles = roles;
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
    return BearerTokenSecurity.apply(http, decoder, roles, problems)
        .authorizeExchange(
            exchanges -> {
              exchanges
                  .pathMatchers(HttpMethod.GET, PUBLIC_HEALTH)
                  .permitAll()
                  .pathMatchers("/actuator", "/actuator/**")
                  .hasRole(Role.ADMIN.claimValue());
              rules.customize(exchanges);
              exchanges.anyExchange().denyAll();
            })
        .build();
  }
}
