package org.govchain.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class GatewaySecurityConfigurationTest {

  private static Jwt token(String issuer, List<String> audience) {
    Instant now = Instant.now();
    Jwt.Builder builder =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("clerk")
            .issuedAt(now)
            .expiresAt(now.plusSeconds(300));
    if (issuer != null) {
      builder.issuer(issuer);
    }
    if (audience != null) {
      builder.audience(audience);
    }
    return builder.build();
  }

  @Test
  void acceptsATokenWhoseAudienceContainsGovChain() {
    OAuth2TokenValidator<Jwt> validator = GatewaySecurityConfiguration.validator("", "govchain");
    assertThat(validator.validate(token(null, List.of("other", "govchain"))).hasErrors()).isFalse();
  }

  @Test
  void refusesATokenForAnotherAudienceOrNone() {
    OAuth2TokenValidator<Jwt> validator = GatewaySecurityConfiguration.validator("", "govchain");
    assertThat(validator.validate(token(null, List.of("other"))).hasErrors()).isTrue();
    assertThat(validator.validate(token(null, null)).hasErrors()).isTrue();
  }

  @Test
  void checksTheIssuerWhenOneIsConfigured() {
    OAuth2TokenValidator<Jwt> validator =
        GatewaySecurityConfiguration.validator("http://localhost:9000", "govchain");
    assertThat(validator.validate(token("http://localhost:9000", List.of("govchain"))).hasErrors())
        .isFalse();
    assertThat(validator.validate(token("http://evil:9000", List.of("govchain"))).hasErrors())
        .isTrue();
  }

  @Test
  void mapsTheRolesClaimToAuthorities() {
    Jwt jwt =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("clerk")
            .claim("roles", List.of("seal-clerk", "auditor"))
            .claim("scope", "openid admin")
            .build();
    var authentication = new JwtRolesConverter().convert(jwt).block();
    assertThat(authentication.getName()).isEqualTo("clerk");
    assertThat(authentication.getAuthorities())
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("ROLE_seal-clerk", "ROLE_auditor", "ROLE_admin");
  }
}
