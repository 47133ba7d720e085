package org.govchain.seal.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A token issuer for tests: an RSA key pair made at runtime, its public key as a PEM file the
 * service is pointed at ({@code public-key-location}), and RS256 JWTs signed with the private key.
 */
final class TestTokens {

  private final KeyPair keys;
  private final Path publicKeyPem;

  private TestTokens(KeyPair keys, Path publicKeyPem) {
    this.keys = keys;
    this.publicKeyPem = publicKeyPem;
  }

  /** A new issuer with a fresh 2048-bit key whose public key is written to a temporary file. */
  static TestTokens generate() {
    KeyPair keys = rsaKeyPair();
    try {
      Path pem = Files.createTempFile("seal-jwt", ".pub.pem");
      pem.toFile().deleteOnExit();
      String body =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(keys.getPublic().getEncoded());
      Files.writeString(
          pem, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
      return new TestTokens(keys, pem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Spring property that makes the service trust this issuer's key. */
  String publicKeyLocationProperty() {
    return "spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKeyPem.toUri();
  }

  /** The audience the service expects by default ({@code GOVCHAIN_JWT_AUDIENCE}). */
  static final List<String> AUDIENCE = List.of("govchain");

  /**
   * A token for {@code subject} with these {@code roles} and {@code aud: ["govchain"]}, valid for
   * the next ten minutes.
   */
  String token(String subject, String... roles) {
    Instant now = Instant.now();
    return sign(subject, Map.of("roles", List.of(roles)), now, now.plus(Duration.ofMinutes(10)));
  }

  /**
   * A token with {@code aud: ["govchain"]} and arbitrary extra claims (an {@code aud} among them
   * replaces the default), issued at {@code issuedAt}, expiring at {@code expiresAt}.
   */
  String sign(String subject, Map<String, Object> claims, Instant issuedAt, Instant expiresAt) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("aud", AUDIENCE);
    all.putAll(claims);
    return signExactly(subject, all, issuedAt, expiresAt);
  }

  /** A token with exactly these claims besides sub/jti/iat/exp: no default audience. */
  String signExactly(
      String subject, Map<String, Object> claims, Instant issuedAt, Instant expiresAt) {
    JWTClaimsSet.Builder set =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(expiresAt));
    claims.forEach(set::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
    try {
      jwt.sign(new RSASSASigner(keys.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
