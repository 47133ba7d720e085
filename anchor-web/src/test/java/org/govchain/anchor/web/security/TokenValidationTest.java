package org.govchain.anchor.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.govchain.testsupport.tokens.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** The token checks every service shares: audience, issuer, keys, and refusing to start. */
class TokenValidationTest {

  @Test
  void audienceDefaultsToGovchainAndFollowsTheSetting() {
    assertThat(TokenValidation.audience(environment(Map.of()))).isEqualTo("govchain");
    assertThat(
            TokenValidation.audience(environment(Map.of(TokenValidation.AUDIENCE, " seal-api "))))
        .isEqualTo("seal-api");
  }

  @Test
  void blankAudienceIsRefused() {
    assertThatThrownBy(
            () -> TokenValidation.audience(environment(Map.of(TokenValidation.AUDIENCE, "  "))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GOVCHAIN_JWT_AUDIENCE");
  }

  @Test
  void validatorWantsTheAudienceAmongTheTokensAudiences() {
    OAuth2TokenValidator<Jwt> validator = TokenValidation.validator("", "govchain");
    assertThat(validator.validate(jwt(Map.of("aud", List.of("govchain")))).hasErrors()).isFalse();
    assertThat(validator.validate(jwt(Map.of("aud", List.of("ssc", "govchain")))).hasErrors())
        .isFalse();
    assertThat(validator.validate(jwt(Map.of("aud", List.of("ssc")))).hasErrors()).isTrue();
    assertThat(validator.validate(jwt(Map.of("aud", List.of("govchainx")))).hasErrors()).isTrue();
    assertThat(validator.validate(jwt(Map.of())).hasErrors()).isTrue();
  }

  @Test
  void validatorWantsAnExpiry() {
    OAuth2TokenValidator<Jwt> validator = TokenValidation.validator("", "govchain");
    Instant now = Instant.now();
    Jwt control = jwt(Map.of("aud", List.of("govchain")));
    assertThat(validator.validate(control).hasErrors()).isFalse();
    Jwt noExpiry =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("clerk")
            .issuedAt(now)
            .audience(List.of("govchain"))
            .build();
    assertThat(validator.validate(noExpiry).getErrors())
        .anySatisfy(e -> assertThat(e.getDescription()).contains("exp"));
  }

  @Test
  void validatorChecksTheIssuerWhenOneIsConfigured() {
    OAuth2TokenValidator<Jwt> validator =
        TokenValidation.validator("http://localhost:9000", "govchain");
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

  @Test
  void decoderRefusesToStartWithoutAnyKeySettingAndNamesTheSettingsAndTheService() {
    assertThatThrownBy(
            () ->
                TokenValidation.decoder(
                    environment(
                        Map.of(
                            "spring.application.name",
                            "ssc-service",
                            TokenValidation.JWT + "issuer-uri",
                            " "))))
        .isInstanceOf(MissingJwtConfigurationException.class)
        .hasMessageStartingWith("ssc-service refuses to start")
        .hasMessageContaining("GOVCHAIN_JWT_ISSUER_URI")
        .hasMessageContaining("GOVCHAIN_JWT_JWK_SET_URI")
        .hasMessageContaining("GOVCHAIN_JWT_PUBLIC_KEY_LOCATION");
  }

  @Test
  void decoderFromAPublicKeyAcceptsItsTokensForTheAudienceOnly() {
    TestIssuer issuer = TestIssuer.generate();
    ReactiveJwtDecoder decoder =
        TokenValidation.decoder(
            environment(
                Map.of(TokenValidation.JWT + "public-key-location", issuer.publicKeyLocation())));
    Jwt jwt = decoder.decode(issuer.token("clerk-1", "ssc-clerk")).block();
    assertThat(jwt.getSubject()).isEqualTo("clerk-1");
    assertThat(jwt.getAudience()).containsExactly("govchain");
    assertThatThrownBy(
            () -> decoder.decode(issuer.sign("clerk-1", Map.of("aud", List.of("ssc")))).block())
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("aud");
    assertThatThrownBy(
            () -> decoder.decode(TestIssuer.generate().token("clerk-1", "ssc-clerk")).block())
        .isInstanceOf(BadJwtException.class);
  }

  @Test
  void tokensThatAreNotSignedJwtsAreBadTokensNotServerErrors() {
    TestIssuer issuer = TestIssuer.generate();
    ReactiveJwtDecoder decoder =
        TokenValidation.decoder(
            environment(
                Map.of(TokenValidation.JWT + "public-key-location", issuer.publicKeyLocation())));
    issuer
        .malformedTokens()
        .forEach(
            (shape, token) ->
                assertThatThrownBy(() -> decoder.decode(token).block())
                    .as(shape)
                    .isInstanceOf(BadJwtException.class));
  }

  @Test
  void scopeRolesSettingMapsScopesToKnownRolesOnly() {
    assertThat(TokenValidation.scopeRoles(environment(Map.of()))).isEmpty();
    assertThat(
            TokenValidation.scopeRoles(
                environment(
                    Map.of(
                        TokenValidation.SCOPE_ROLES,
                        " city.audit=auditor, city.seals = seal-clerk"))))
        .containsExactly(
            Map.entry("city.audit", Role.AUDITOR), Map.entry("city.seals", Role.SEAL_CLERK));
    assertThatThrownBy(
            () ->
                TokenValidation.scopeRoles(
                    environment(Map.of(TokenValidation.SCOPE_ROLES, "city.audit=superuser"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GOVCHAIN_JWT_SCOPE_ROLES")
        .hasMessageContaining("city.audit=superuser");
  }

  @Test
  void publicKeyThatIsNotRsaIsRefused() {
    Path ec = TestIssuer.pem(TestIssuer.keyPair("EC", 256).getPublic().getEncoded());
    assertThatThrownBy(() -> TokenValidation.readRsaPublicKey(ec.toUri().toString()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not an RSA public key PEM");
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
