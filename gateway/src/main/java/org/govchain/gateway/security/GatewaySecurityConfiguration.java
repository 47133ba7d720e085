package org.govchain.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.govchain.gateway.problem.ProblemResponses;
import org.govchain.gateway.requestid.RequestIdFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway as an OAuth2 resource server: JWTs checked against the issuer's keys and audience,
 * {@code roles} mapped to authorities, the rules of {@link RouteAccessRules}, CORS for the
 * configured front-ends, and 401/403 as problems. Browser security headers come from {@code
 * SecurityHeadersFilter}, so Spring Security's own header writer is off.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class GatewaySecurityConfiguration {

  static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

  @Bean
  SecurityWebFilterChain gatewaySecurity(
      ServerHttpSecurity http,
      ReactiveJwtDecoder decoder,
      ProblemResponses problemResponses,
      CorsProperties cors) {
    SecurityProblems problems = new SecurityProblems(problemResponses);
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .headers(ServerHttpSecurity.HeaderSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .cors(c -> c.configurationSource(corsSource(cors)))
        .authorizeExchange(RouteAccessRules::apply)
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
   * No Micrometer observations of Spring Security's own steps. By default every one of the ~15
   * security filters, the authentication and the authorization of each request is wrapped in an
   * observation (each start looks up or registers a long-task timer), which JFR showed as about an
   * eighth of the gateway's CPU per request. Request timings stay: {@code http.server.requests} and
   * the gateway's per-route metrics are separate observations.
   */
  @Bean
  static SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /** CORS for exactly the configured origins; with none configured, no origin is allowed. */
  static CorsConfigurationSource corsSource(CorsProperties properties) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    List<String> origins =
        properties.allowedOrigins().stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    if (origins.isEmpty()) {
      return source;
    }
    CorsConfiguration config = new CorsConfiguration();
    config.setAllowedOrigins(new ArrayList<>(origins));
    config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
    config.setAllowedHeaders(
        List.of(
            HttpHeaders.AUTHORIZATION,
            HttpHeaders.CONTENT_TYPE,
            "Idempotency-Key",
            RequestIdFilter.HEADER));
    config.setExposedHeaders(
        List.of(
            RequestIdFilter.HEADER,
            HttpHeaders.LOCATION,
            HttpHeaders.RETRY_AFTER,
            HttpHeaders.WWW_AUTHENTICATE,
            "Sealing-Id"));
    config.setAllowCredentials(false); // bearer tokens, no cookies
    config.setMaxAge(properties.maxAge());
    source.registerCorsConfiguration("/**", config);
    return source;
  }

  /**
   * Validates tokens with the first configured of {@code jwk-set-uri}, {@code public-key-location}
   * (an RSA public key PEM) and {@code issuer-uri} (OpenID discovery, on first use); {@code exp},
   * {@code nbf}, the audience and, when {@code issuer-uri} is set, {@code iss} are checked.
   *
   * @throws MissingJwtConfigurationException when none of the three is set
   */
  @Bean
  ReactiveJwtDecoder gatewayJwtDecoder(Environment env, JwtProperties properties) {
    String jwkSetUri = env.getProperty(JWT + "jwk-set-uri", "").strip();
    String publicKey = env.getProperty(JWT + "public-key-location", "").strip();
    String issuer = env.getProperty(JWT + "issuer-uri", "").strip();
    OAuth2TokenValidator<Jwt> validator = validator(issuer, properties.audience());
    if (!jwkSetUri.isEmpty()) {
      NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
      decoder.setJwtValidator(validator);
      return decoder;
    }
    if (!publicKey.isEmpty()) {
      NimbusReactiveJwtDecoder decoder =
          NimbusReactiveJwtDecoder.withPublicKey(readRsaPublicKey(publicKey)).build();
      decoder.setJwtValidator(validator);
      return decoder;
    }
    if (!issuer.isEmpty()) {
      return new SupplierReactiveJwtDecoder(
          () -> {
            NimbusReactiveJwtDecoder decoder =
                NimbusReactiveJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(validator);
            return decoder;
          });
    }
    throw new MissingJwtConfigurationException();
  }

  /** Lifetime (60 s skew), audience, and the issuer when one is configured. */
  static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
    OAuth2TokenValidator<Jwt> base =
        issuer.isEmpty()
            ? JwtValidators.createDefault()
            : JwtValidators.createDefaultWithIssuer(issuer);
    OAuth2TokenValidator<Jwt> audienceValidator =
        new JwtClaimValidator<List<String>>(
            JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience));
    return new DelegatingOAuth2TokenValidator<>(base, audienceValidator);
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
