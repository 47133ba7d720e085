package org.govchain.anchor.web.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;

/**
 * How the gateway and every service check a bearer token (docs/conventions.md, Tokens): the keys
 * from {@code spring.security.oauth2.resourceserver.jwt.*} (mapped to {@code GOVCHAIN_JWT_*}), only
 * signed JWTs, {@code exp} (required)/{@code nbf} with 60 s skew, {@code aud} containing the
 * configured audience and, when an issuer is configured, {@code iss}; roles from the {@code roles}
 * claim and from explicitly mapped scopes only.
 */
public final class TokenValidation {

  /** The prefix of Spring Boot's resource-server JWT settings. */
  public static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

  /** The setting naming the audience every token must carry ({@code GOVCHAIN_JWT_AUDIENCE}). */
  public static final String AUDIENCE = "govchain.security.jwt.audience";

  /** The audience when {@link #AUDIENCE} is not set. */
  public static final String DEFAULT_AUDIENCE = "govchain";

  /**
   * The setting mapping scopes to roles ({@code GOVCHAIN_JWT_SCOPE_ROLES}): comma-separated {@code
   * scope=role} pairs, e.g. {@code city.audit=auditor}. Empty by default: scopes grant nothing.
   */
  public static final String SCOPE_ROLES = "govchain.security.jwt.scope-roles";

  private TokenValidation() {}

  /**
   * A decoder for the first configured of {@code jwk-set-uri}, {@code public-key-location} (an RSA
   * public key PEM) and {@code issuer-uri} (OpenID discovery, on first use), accepting only signed
   * JWTs and validating them with {@link #validator}. While the keys cannot be fetched (the issuer
   * down) a token is refused with {@link TokenKeysUnavailableException}, a 503 problem. A token it
   * accepted is accepted again without a second check until its {@code exp} ({@link
   * VerifiedTokenCache}).
   *
   * @throws MissingJwtConfigurationException when none of the three is set
   * @throws IllegalStateException when the audience is set to blank
   */
  public static ReactiveJwtDecoder decoder(Environment env) {
    String jwkSetUri = env.getProperty(JWT + "jwk-set-uri", "").strip();
    String publicKey = env.getProperty(JWT + "public-key-location", "").strip();
    String issuer = env.getProperty(JWT + "issuer-uri", "").strip();
    OAuth2TokenValidator<Jwt> validator = validator(issuer, audience(env));
    ReactiveJwtDecoder decoder;
    if (!jwkSetUri.isEmpty()) {
      NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
      nimbus.setJwtValidator(validator);
      decoder = nimbus;
    } else if (!publicKey.isEmpty()) {
      NimbusReactiveJwtDecoder nimbus =
          NimbusReactiveJwtDecoder.withPublicKey(readRsaPublicKey(publicKey)).build();
      nimbus.setJwtValidator(validator);
      decoder = nimbus;
    } else if (!issuer.isEmpty()) {
      decoder =
          new SupplierReactiveJwtDecoder(
              () -> {
                NimbusReactiveJwtDecoder discovered =
                    NimbusReactiveJwtDecoder.withIssuerLocation(issuer).build();
                discovered.setJwtValidator(validator);
                return discovered;
              });
    } else {
      throw new MissingJwtConfigurationException(application(env));
    }
    return new VerifiedTokenCache(
        new SignedJwtOnly(new KeyFetchFailures(decoder)), Clock.systemUTC());
  }

  /** The converter of validated tokens, with the scope mapping of {@link #SCOPE_ROLES}. */
  public static JwtRolesConverter rolesConverter(Environment env) {
    return new JwtRolesConverter(scopeRoles(env));
  }

  /**
   * The audience tokens must name: {@link #AUDIENCE}, default {@value #DEFAULT_AUDIENCE}.
   *
   * @throws IllegalStateException when it is set to blank
   */
  public static String audience(Environment env) {
    String audience = env.getProperty(AUDIENCE, DEFAULT_AUDIENCE).strip();
    if (audience.isEmpty()) {
      throw new IllegalStateException(
          application(env)
              + " refuses an empty token audience: set GOVCHAIN_JWT_AUDIENCE ("
              + AUDIENCE
              + "), e.g. to "
              + DEFAULT_AUDIENCE);
    }
    return audience;
  }

  /**
   * The scopes mapped to roles by {@link #SCOPE_ROLES}.
   *
   * @throws IllegalStateException when a pair is not {@code scope=role} or names no known role
   */
  public static Map<String, Role> scopeRoles(Environment env) {
    Map<String, Role> mapping = new LinkedHashMap<>();
    for (String pair : env.getProperty(SCOPE_ROLES, "").split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] parts = pair.split("=", 2);
      String scope = parts[0].strip();
      Role role =
          parts.length == 2 && !scope.isEmpty()
              ? Role.fromClaimValue(parts[1].strip()).orElse(null)
              : null;
      if (role == null) {
        throw new IllegalStateException(
            application(env)
                + " cannot read GOVCHAIN_JWT_SCOPE_ROLES ("
                + SCOPE_ROLES
                + "): '"
                + pair.strip()
                + "' is not scope=role with one of the roles of docs/conventions.md");
      }
      mapping.put(scope, role);
    }
    return mapping;
  }

  /**
   * {@code exp} required and {@code nbf} checked (60 s skew), {@code aud} must contain {@code
   * audience}, and {@code iss} must be {@code issuer} unless that is empty. Spring's own timestamp
   * check passes a token without {@code exp}, which would never expire. ({@code sub} is required by
   * {@link JwtRolesConverter}.)
   */
  public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
    OAuth2TokenValidator<Jwt> base =
        issuer.isEmpty()
            ? JwtValidators.createDefault()
            : JwtValidators.createDefaultWithIssuer(issuer);
    return new DelegatingOAuth2TokenValidator<>(
        base,
        new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
        new JwtAudienceValidator(audience));
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

  private static String application(Environment env) {
    return env.getProperty("spring.application.name", "the application");
  }
}
