package org.govchain.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;

/**
 * The RSA key that signs every token (RS256), as a JWK whose key id is its RFC 7638 thumbprint, so
 * the {@code kid} is the same for the same key wherever and whenever it is loaded.
 *
 * @param jwk the key pair as a JWK (private part included; publish {@link #publicJwk()} only)
 * @param origin where the key came from
 * @param location the file it was read from, for messages (never its contents)
 */
public record SigningKey(RSAKey jwk, Origin origin, String location) {

  /** Where a signing key came from. */
  public enum Origin {
    /** Generated on first start and kept in the data directory; development only. */
    DEVELOPMENT,
    /** Loaded from a configured keystore. */
    KEYSTORE
  }

  /** The key id ({@code kid}): the base64url SHA-256 JWK thumbprint of the public key. */
  public String keyId() {
    return jwk.getKeyID();
  }

  /** The public half, as served at {@code /oauth2/jwks}. */
  public RSAKey publicJwk() {
    return jwk.toPublicJWK();
  }

  /** Whether this is the generated development key. */
  public boolean isDevelopmentKey() {
    return origin == Origin.DEVELOPMENT;
  }

  /** A signing JWK for the pair, its {@code kid} the RFC 7638 thumbprint of the public key. */
  static RSAKey toJwk(RSAPublicKey publicKey, PrivateKey privateKey) {
    try {
      return new RSAKey.Builder(publicKey)
          .privateKey(privateKey)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .keyIDFromThumbprint()
          .build();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot compute the JWK thumbprint of the signing key", e);
    }
  }
}
