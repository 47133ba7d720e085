package org.govchain.anchor.spring.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;

/**
 * How a service checks the gateway's JWT again (DESIGN §4): the keys from {@code
 * spring.security.oauth2.resourceserver.jwt.*}, and a validator for {@code exp}, {@code nbf},
 * {@code aud} and, when an issuer is configured, {@code iss}.
 */
public final class TokenValidation {

  /** The prefix of Spring Boot's resource-server JWT settings, which a service maps to env. */
  public static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

  /** The setting naming the audience every token must carry in its {@code aud} claim. */
  public static final String AUDIENCE = "govchain.security.jwt.audience";

  /** The audience when {@link #AUDIENCE} is not set. */
  public static final String DEFAULT_AUDIENCE = "govchain";

  private TokenValidation() {}

  /**
   * A decoder for the first configured of {@code jwk-set-uri}, {@code public-key-location} (an RSA
   * public key PEM) and {@code issuer-uri} (OpenID discovery, on first use), validating tokens with
   * {@link #validator}.
   *
   * @throws MissingJwtConfigurationException when none of the three is set
   * @throws IllegalStateException when the audience is set to blank
   */
  public static ReactiveJwtDecoder decoder(Environment env) {
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
      throw new MissingJwtConfigurationException(application(env));
    }
    decoder.setJwtValidator(validator);
    return decoder;
  }

  /**
   * The audience tokens must name: {@link #AUDIENCE} ({@code GOVCHAIN_JWT_AUDIENCE}), default
   * {@code govchain}.
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
   * {@code exp}/{@code nbf} (60 s skew), {@code aud} must contain {@code audience}, and {@code iss}
   * must be {@code issuer} unless that is empty.
   */
  public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
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

  private static String application(Environment env) {
    return env.getProperty("spring.application.name", "the service");
  }
}
