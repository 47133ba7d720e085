package org.govchain.anchor.web.security;

/** An application was started without any way to validate tokens, so it refuses to start. */
public final class MissingJwtConfigurationException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** For the application called {@code application} ({@code spring.application.name}). */
  MissingJwtConfigurationException(String application) {
    super(
        application
            + " refuses to start without token validation: set GOVCHAIN_JWT_ISSUER_URI"
            + " (spring.security.oauth2.resourceserver.jwt.issuer-uri) or GOVCHAIN_JWT_JWK_SET_URI"
            + " (…jwt.jwk-set-uri), or GOVCHAIN_JWT_PUBLIC_KEY_LOCATION (…jwt.public-key-location,"
            + " an RSA public key PEM, e.g. file:/path/key.pub) — see docs/conventions.md, Tokens");
  }
}
