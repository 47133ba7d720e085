package org.govchain.seal.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seal service as an OAuth2 resource server (DESIGN §4): every request but verification and
 * health needs a valid JWT, and each path the roles of the table in the README's Security section.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SealSecurityConfiguration {

  static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

  /** The setting naming the audience every token must carry in its {@code aud} claim. */
  static final String AUDIENCE = "govchain.security.jwt.audience";

  static final String DEFAULT_AUDIENCE = "govchain";

  private static final String SEAL_CLERK = SealRole.SEAL_CLERK.claimValue();
  private static final String AUDITOR = SealRole.AUDITOR.claimValue();
  private static final String ADMIN = SealRole.ADMIN.claimValue();

  @Bean
  SecurityWebFilterChain sealSecurity(
      ServerHttpSecurity http, ReactiveJwtDecoder decoder, JsonMapper json) {
    SecurityProblems problems = new SecurityProblems(json);
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(
            rules ->
                rules
                    // public
                    .pathMatchers(HttpMethod.POST, "/api/seal/verifications")
                    .permitAll()
                    .pathMatchers(
                        HttpMethod.GET,
                        "/api/seal/v3/api-docs",
                        "/api/seal/v3/api-docs.yaml",
                        "/api/seal/v3/api-docs/**")
                    .permitAll()
                    .pathMatchers(
                        HttpMethod.GET,
                        "/actuator/health",
                        "/actuator/health/liveness",
                        "/actuator/health/readiness")
                    .permitAll()
                    .pathMatchers("/actuator", "/actuator/**")
                    .hasRole(ADMIN)
                    // the log: full record data only for auditors; proofs for clerks too
                    .pathMatchers(HttpMethod.GET, "/api/seal/log/entries/{index}")
                    .hasAnyRole(AUDITOR, ADMIN)
                    .pathMatchers(HttpMethod.GET, "/api/seal/log/**")
                    .hasAnyRole(AUDITOR, SEAL_CLERK, ADMIN)
                    // reads (proofs included)
                    .pathMatchers(
                        HttpMethod.GET,
                        "/api/seal/seals",
                        "/api/seal/seals/**",
                        "/api/seal/sealings/**")
                    .hasAnyRole(SEAL_CLERK, AUDITOR, ADMIN)
                    // writes
                    .pathMatchers(
                        HttpMethod.POST,
                        "/api/seal/seals",
                        "/api/seal/seals/{id}/suspend",
                        "/api/seal/seals/{id}/resume",
                        "/api/seal/seals/{id}/revoke",
                        "/api/seal/seals/{id}/sealings",
                        "/api/seal/seals/{id}/signatures")
                    .hasRole(SEAL_CLERK)
                    .anyExchange()
                    .denyAll())
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

  /**
   * Validates tokens with the first configured of {@code jwk-set-uri}, {@code public-key-location}
   * (an RSA public key PEM) and {@code issuer-uri} (OpenID discovery, on first use); {@code exp},
   * {@code nbf}, {@code aud} (must contain the configured audience) and, when {@code issuer-uri} is
   * set, {@code iss} are checked.
   *
   * @throws MissingJwtConfigurationException when none of the three is set
   * @throws IllegalStateException when the audience is set to blank
   */
  @Bean
  ReactiveJwtDecoder sealJwtDecoder(Environment env) {
    String jwkSetUri = env.getProperty(JWT + "jwk-set-uri", "").strip();
    String publicKey = env.getProperty(JWT + "public-key-location", "").strip();
    String issuer = env.getProperty(JWT + "issuer-uri", "").strip();
    OAuth2TokenValidator<Jwt> validator = validator(issuer, audience(env));
    NimbusReactiveJwtDecoder decoder;
    if (!jwkSetUri.isEmpty()) {
      decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
    } else if (!publicKey.isEmpty()) {
      decoder = NimbusReactiveJwtDecoder.withPublicKey(readRsaPublicKey(publicKey)).build();
    } else if (!issuer.isEmpty()) {
      return new SupplierReactiveJwtDecoder(
          () -> {
            NimbusReactiveJwtDecoder discovered =
                (NimbusReactiveJwtDecoder) ReactiveJwtDecoders.fromIssuerLocation(issuer);
            discovered.setJwtValidator(validator);
            return discovered;
          });
    } else {
      throw new MissingJwtConfigurationException();
    }
    decoder.setJwtValidator(validator);
    return decoder;
  }

  /** The audience tokens must name ({@code GOVCHAIN_JWT_AUDIENCE}, default {@code govchain}). */
  static String audience(Environment env) {
    String audience = env.getProperty(AUDIENCE, DEFAULT_AUDIENCE).strip();
    if (audience.isEmpty()) {
      throw new IllegalStateException(
          "seal-service refuses an empty token audience: set GOVCHAIN_JWT_AUDIENCE ("
              + AUDIENCE
              + "), e.g. to "
              + DEFAULT_AUDIENCE);
    }
    return audience;
  }

  /** exp/nbf (60 s skew), the audience, and the issuer when one is configured. */
  static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
    OAuth2TokenValidator<Jwt> base =
        issuer.isEmpty()
            ? JwtValidators.createDefault()
            : JwtValidators.createDefaultWithIssuer(issuer);
    return new DelegatingOAuth2TokenValidator<>(base, new JwtAudienceValidator(audience));
  }

  /** Reads an X.509 SubjectPublicKeyInfo RSA key in PEM from a resource location. */
  static RSAPublicKey readRsaPublicKey(String location) {
    Resource resource = new DefaultResourceLoader().getResource(location);
    String pem;
    try (InputStream in = resource.getInputStream()) {
      pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JWT public key at " + location, e);
    }
    String base64 =
        pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException(
          "the JWT public key at " + location + " is not an RSA public key PEM", e);
    }
  }
}
