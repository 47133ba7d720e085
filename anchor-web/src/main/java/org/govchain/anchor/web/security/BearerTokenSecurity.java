package org.govchain.anchor.web.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * The security settings the gateway and every service share: bearer JWTs only (no CSRF, sessions,
 * basic or form login, logout or request cache), tokens checked by {@code decoder} and turned into
 * roles by {@code roles}, 401/403 answered as problems. Each caller then adds its own rules.
 */
public final class BearerTokenSecurity {

  private BearerTokenSecurity() {}

  /** Applies the shared settings to {@code http} and returns it for the caller's own. */
  public static ServerHttpSecurity apply(
      ServerHttpSecurity http,
      ReactiveJwtDecoder decoder,
      JwtRolesConverter roles,
      SecurityProblems problems) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .oauth2ResourceServer(
            oauth2 ->
                oauth2
                    .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(roles))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
  }
}
