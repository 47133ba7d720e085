package org.govchain.anchor.spring.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.govchain.anchor.web.security.BearerTokenSecurity;
import org.govchain.anchor.web.security.JwtRolesConverter;
import org.govchain.anchor.web.security.PublicPaths;
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

  private static final String AUDITOR = Role.AUDITOR.claimValue();
  private static final String ADMIN = Role.ADMIN.claimValue();

  /** Health, liveness and readiness: anyone may {@code GET} them ({@link PublicPaths#health}). */
  public static final String[] PUBLIC_HEALTH = PublicPaths.health();

  private final ReactiveJwtDecoder decoder;
  private final JwtRolesConverter roles;
  private final SecurityProblems problems;
  private final String prefix;

  /**
   * @param prefix the service's API prefix ({@code govchain.log.api.prefix}, e.g. {@code
   *     /api/seal}), under which its log API and OpenAPI document are served
   */
  public ServiceSecurity(
      ReactiveJwtDecoder decoder,
      JwtRolesConverter roles,
      SecurityProblems problems,
      String prefix) {
    this.decoder = decoder;
    this.roles = roles;
    this.problems = problems;
    this.prefix = prefix;
  }

  /**
   * The chain of a record service: {@link #filterChain(ServerHttpSecurity, Customizer)} with,
   * before {@code rules}, the rules every record service shares under its prefix: its OpenAPI
   * document public, JSON and YAML ({@code {prefix}/v3/api-docs}, {@code …/v3/api-docs.yaml},
   * {@link PublicPaths#apiDocs}, the same paths the gateway lets through); the log's signed
   * checkpoints and consistency proofs public (hashes only, as transparency logs publish them:
   * anyone may watch that the log only grows); the log's full entries ({@code
   * {prefix}/log/entries/{i}}, which hold whole records) for {@code auditor} and {@code admin}
   * only; the rest of its log API (inclusion proofs, bundles) for them and {@code logReaders}.
   */
  public SecurityWebFilterChain recordServiceChain(
      ServerHttpSecurity http,
      Collection<Role> logReaders,
      Customizer<ServerHttpSecurity.AuthorizeExchangeSpec> rules) {
    Set<String> readers = new LinkedHashSet<>(List.of(AUDITOR, ADMIN));
    logReaders.forEach(r -> readers.add(r.claimValue()));
    return filterChain(
        http,
        exchanges -> {
          exchanges
              .pathMatchers(HttpMethod.GET, PublicPaths.apiDocs(prefix))
              .permitAll()
              .pathMatchers(HttpMethod.GET, publicLogPaths(prefix))
              .permitAll()
              .pathMatchers(HttpMethod.GET, prefix + "/log/entries/{index}")
              .hasAnyRole(AUDITOR, ADMIN)
              .pathMatchers(HttpMethod.GET, prefix + "/log/**")
              .hasAnyRole(readers.toArray(String[]::new));
          rules.customize(exchanges);
        });
  }

  /**
   * The log paths anyone may read under {@code prefix}: the newest checkpoint, a checkpoint by
   * size, consistency proofs ({@link PublicPaths#logProofs}).
   */
  public static String[] publicLogPaths(String prefix) {
    return PublicPaths.logProofs(prefix);
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
