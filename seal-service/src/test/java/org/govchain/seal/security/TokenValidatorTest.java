package org.govchain.seal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenValidatorTest {

  @Test
  void audienceDefaultsToGovchainAndFollowsTheSetting() {
    assertThat(SealSecurityConfiguration.audience(environment(Map.of()))).isEqualTo("govchain");
    assertThat(
            SealSecurityConfiguration.audience(
                environment(Map.of(SealSecurityConfiguration.AUDIENCE, " seal-api "))))
        .isEqualTo("seal-api");
  }

  @Test
  void blankAudienceIsRefused() {
    assertThatThrownBy(
            () ->
                SealSecurityConfiguration.audience(
                    environment(Map.of(SealSecurityConfiguration.AUDIENCE, "  "))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GOVCHAIN_JWT_AUDIENCE");
  }

  @Test
  void validatorWantsTheAudienceAmongTheTokensAudiences() {
    OAuth2TokenValidator<Jwt> validator = SealSecurityConfiguration.validator("", "govchain");
    assertThat(validator.validate(jwt(Map.of("aud", List.of("govchain")))).hasErrors()).isFalse();
    assertThat(validator.validate(jwt(Map.of("aud", List.of("ssc", "govchain")))).hasErrors())
        .isFalse();
    assertThat(validator.validate(jwt(Map.of("aud", List.of("ssc")))).hasErrors()).isTrue();
    assertThat(validator.validate(jwt(Map.of("aud", List.of("govchainx")))).hasErrors()).isTrue();
    assertThat(validator.validate(jwt(Map.of())).hasErrors()).isTrue();
  }

  @Test
  void validatorChecksTheIssuerWhenOneIsConfigured() {
    OAuth2TokenValidator<Jwt> validator =
        SealSecurityConfiguration.validator("http://localhost:9000", "govchain");
    assertThat(
            validator
                .validate(jwt(Map.of("aud", List.of("govchain"), "iss", "http://localhost:9000")))
                .hasErrors())
        .isFalse();
    assertThat(
            validator
                .validate(jwt(Map.of("aud", List.of("govchain"), "iss", "http://evil.example")))
                .hasErrors())
        .isTrue();
  }

  private static Jwt jwt(Map<String, Object> claims) {
    Instant now = Instant.now();
    Jwt.Builder builder =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("clerk")
            .issuedAt(now)
            .expiresAt(now.plusSeconds(60));
    claims.forEach(builder::claim);
    return builder.build();
  }

  private static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(properties)));
    return env;
  }
}
