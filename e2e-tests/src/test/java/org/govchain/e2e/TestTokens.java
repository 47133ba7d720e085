package org.govchain.e2e;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A token issuer made at test time: an RSA key pair whose public key PEM the gateway and the
 * services are given ({@code GOVCHAIN_JWT_PUBLIC_KEY_LOCATION}), and RS256 JWTs shaped like the
 * auth server's ({@code sub}, {@code roles}, {@code aud: ["govchain"]}). When the auth server
 * exists, the same tests can take their tokens from its token endpoint instead.
 */
final class TestTokens {

  static final String AUDIENCE = "govchain";

  private final KeyPair keys;
  private final Path publicKeyPem;

  private TestTokens(KeyPair keys, Path publicKeyPem) {
    this.keys = keys;
    this.publicKeyPem = publicKeyPem;
  }

  /** A new issuer with a fresh 2048-bit key, its public key written to a file in {@code dir}. */
  static TestTokens generate(Path dir) {
    KeyPair keys = rsaKeyPair();
    try {
      Files.createDirectories(dir);
      Path pem = Files.createTempFile(dir, "jwt", ".pub.pem");
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

  /** The value for {@code GOVCHAIN_JWT_PUBLIC_KEY_LOCATION}. */
  String publicKeyLocation() {
    return publicKeyPem.toUri().toString();
  }

  /** A token for {@code subject} with these roles, for the GovChain audience, valid 10 minutes. */
  String token(String subject, String... roles) {
    Instant now = Instant.now();
    return sign(
        subject,
        Map.of("roles", List.of(roles), "aud", List.of(AUDIENCE)),
        now,
        now.plus(Duration.ofMinutes(10)));
  }

  /** A token with these claims, issued at {@code issuedAt}, expiring at {@code expiresAt}. */
  String sign(String subject, Map<String, Object> claims, Instant issuedAt, Instant expiresAt) {
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
