package org.govchain.anchor.web.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Turns a validated JWT into an authentication named by its {@code sub}, with a {@code ROLE_<name>}
 * authority per entry of its {@code roles} claim. Scopes grant no role of themselves (an identity
 * provider may let a client ask for any scope, one named {@code admin} included); only the scopes
 * an operator maps explicitly ({@link TokenValidation#SCOPE_ROLES}) do. A token without {@code sub}
 * is an invalid token (401).
 */
public final class JwtRolesConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

  /** The claim carrying the caller's role names: a JSON array (a space-separated string works). */
  public static final String ROLES_CLAIM = "roles";

  private final Map<String, Role> scopeRoles;

  /** Roles from the {@code roles} claim only. */
  public JwtRolesConverter() {
    this(Map.of());
  }

  /** Roles from the {@code roles} claim, plus the role each of these scopes is mapped to. */
  public JwtRolesConverter(Map<String, Role> scopeRoles) {
    this.scopeRoles = Map.copyOf(scopeRoles);
  }

  @Override
  public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
    String subject = jwt.getSubject();
    if (subject == null || subject.isBlank()) {
      return Mono.error(
          new OAuth2AuthenticationException(
              BearerTokenErrors.invalidToken("token has no subject")));
    }
    Set<GrantedAuthority> authorities = new LinkedHashSet<>();
    for (String role : names(jwt.getClaims().get(ROLES_CLAIM))) {
      authorities.add(new SimpleGrantedAuthority(Role.AUTHORITY_PREFIX + role));
    }
    if (!scopeRoles.isEmpty()) {
      for (String claim : List.of("scope", "scp")) {
        for (String scope : names(jwt.getClaims().get(claim))) {
          Role role = scopeRoles.get(scope);
          if (role != null) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
          }
        }
      }
    }
    return Mono.just(new JwtAuthenticationToken(jwt, authorities, subject));
  }

  /** The non-blank names of a claim that is an array of strings or a space-separated string. */
  static List<String> names(Object claim) {
    if (claim instanceof Collection<?> values) {
      return values.stream()
          .filter(String.class::isInstance)
          .map(v -> ((String) v).strip())
          .filter(v -> !v.isEmpty())
          .toList();
    }
    if (claim instanceof String value) {
      return List.of(value.strip().split("\\s+")).stream().filter(v -> !v.isEmpty()).toList();
    }
    return List.of();
  }
}
