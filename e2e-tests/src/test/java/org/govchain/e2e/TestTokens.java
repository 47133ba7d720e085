package org.govchain.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * RS256 JWTs made by the test, shaped like the auth server's ({@code iss}, {@code sub}, {@code
 * roles}, {@code aud: ["govchain"]}, {@code kid}), for the tokens the auth server would never
 * issue: expired, for another audience or issuer ({@link #issuerKey} — its own signing key, so only
 * the claim is wrong), or signed by a key it does not publish ({@link #foreignKey}). Tokens for the
 * normal flows come from the auth server itself ({@link AuthServer}).
 */
final class TestTokens {

  static final String AUDIENCE = "govchain";

  private final RSAKey key;
  private final String issuer;

  private TestTokens(RSAKey key, String issuer) {
    this.key = key;
    this.issuer = issuer;
  }

  /**
   * Tokens signed with the auth server's own development key, read from the data directory the test
   * gave it ({@code file} is the private JWK it generated there).
   */
  static TestTokens issuerKey(Path file, String issuer) {
    try {
      RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
      if (!key.isPrivate()) {
        throw new IllegalStateException(file + " holds no private key");
      }
      return new TestTokens(key, issuer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("not a JWK: " + file, e);
    }
  }

  /** Tokens claiming {@code issuer} but signed by a fresh 2048-bit key nobody publishes. */
  static TestTokens foreignKey(String issuer) {
    try {
      return new TestTokens(
          new RSAKeyGenerator(2048).keyID("foreign-" + UUID.randomUUID()).generate(), issuer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
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

  /**
   * A token with these claims (they may replace {@code iss}), issued at {@code issuedAt}, expiring
   * at {@code expiresAt}.
   */
  String sign(String subject, Map<String, Object> claims, Instant issuedAt, Instant expiresAt) {
    JWTClaimsSet.Builder set =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(issuedAt))
            .notBeforeTime(Date.from(issuedAt))
            .expirationTime(Date.from(expiresAt));
    claims.forEach(set::claim);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), set.build());
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
