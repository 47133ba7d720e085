package org.govchain.anchor.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;

/** A token's {@code sub} and roles become the caller's name and authorities. */
class JwtRolesConverterTest {

  private final JwtRolesConverter converter = new JwtRolesConverter();

  @Test
  void rolesArrayBecomesRoleAuthoritiesAndSubjectTheName() {
    AbstractAuthenticationToken auth =
        converter
            .convert(jwt(Map.of("sub", "clerk-1", "roles", List.of("seal-clerk", "auditor"))))
            .block();
    assertThat(auth.getName()).isEqualTo("clerk-1");
    assertThat(authorities(auth)).containsExactly("ROLE_seal-clerk", "ROLE_auditor");
  }

  @Test
  void spaceSeparatedRolesStringIsAccepted() {
    assertThat(authorities(convert(Map.of("sub", "a", "roles", " admin  auditor "))))
        .containsExactly("ROLE_admin", "ROLE_auditor");
  }

  @Test
  void scopeNamedLikeARoleGrantsNothingWithoutAMapping() {
    // an identity provider may let any client ask for a scope called "admin"
    assertThat(
            authorities(
                convert(
                    Map.of(
                        "sub",
                        "a",
                        "scope",
                        "openid seal-clerk admin profile",
                        "scp",
                        List.of("admin", "auditor")))))
        .isEmpty();
  }

  @Test
  void explicitlyMappedScopesGrantTheirRoles() {
    JwtRolesConverter mapped =
        new JwtRolesConverter(Map.of("city.audit", Role.AUDITOR, "city.seals", Role.SEAL_CLERK));
    AbstractAuthenticationToken auth =
        mapped
            .convert(
                jwt(
                    Map.of(
                        "sub",
                        "a",
                        "roles",
                        List.of("ssc-clerk"),
                        "scope",
                        "openid city.audit admin",
                        "scp",
                        List.of("city.seals"))))
            .block();
    assertThat(authorities(auth))
        .containsExactly("ROLE_ssc-clerk", "ROLE_auditor", "ROLE_seal-clerk");
  }

  @Test
  void tokenWithoutRoleClaimsHasNoAuthorities() {
    assertThat(authorities(convert(Map.of("sub", "a", "roles", 42)))).isEmpty();
  }

  @Test
  void tokenWithoutSubjectIsRejectedAsInvalid() {
    assertThatThrownBy(() -> convert(Map.of("roles", List.of("seal-clerk"))))
        .isInstanceOf(OAuth2AuthenticationException.class)
        .hasMessageContaining("subject");
  }

  private AbstractAuthenticationToken convert(Map<String, Object> claims) {
    return converter.convert(jwt(claims)).block();
  }

  private static List<String> authorities(AbstractAuthenticationToken auth) {
    return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }

  private static Jwt jwt(Map<String, Object> claims) {
    Instant now = Instant.now();
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .claims(c -> c.putAll(claims))
        .issuedAt(now)
        .expiresAt(now.plusSeconds(60))
        .build();
  }
}
