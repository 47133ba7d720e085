package org.govchain.testsupport.tokens;

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
 * The token issuer of the tests: an RSA key pair made at run time (none is committed), its public
 * key as a PEM file an application is pointed at ({@code public-key-location}), and RS256 JWTs
 * signed with the private key, shaped like the authorization server's (docs/conventions.md,
 * Tokens).
 */
public final class TestIssuer {

  /** The audience the applications expect by default ({@code GOVCHAIN_JWT_AUDIENCE}). */
  public static final List<String> AUDIENCE = List.of("govchain");

  private final KeyPair keys;
  private final Path publicKeyPem;

  private TestIssuer(KeyPair keys, Path publicKeyPem) {
    this.keys = keys;
    this.publicKeyPem = publicKeyPem;
  }

  /** A new issuer with a fresh 2048-bit key whose public key is written to a temporary file. */
  public static TestIssuer generate() {
    KeyPair keys = keyPair("RSA", 2048);
    return new TestIssuer(keys, pem(keys.getPublic().getEncoded()));
  }

  /** A temporary PEM file holding an encoded (X.509 SubjectPublicKeyInfo) public key. */
  public static Path pem(byte[] subjectPublicKeyInfo) {
    try {
      Path pem = Files.createTempFile("govchain-jwt", ".pub.pem");
      pem.toFile().deleteOnExit();
      String body =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(subjectPublicKeyInfo);
      Files.writeString(
          pem, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
      return pem;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh key pair of {@code algorithm} ({@code RSA}, {@code EC}) and {@code size}. */
  public static KeyPair keyPair(String algorithm, int size) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      generator.initialize(size);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code public-key-location} value that makes an application trust this issuer. */
  public String publicKeyLocation() {
    return publicKeyPem.toUri().toString();
  }

  /** The Spring property (without {@code --}) that makes an application trust this issuer. */
  public String publicKeyLocationProperty() {
    return "spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKeyLocation();
  }

  /** A token for {@code subject} with these roles and {@code aud: ["govchain"]}, valid 10 min. */
  public String token(String subject, String... roles) {
    Instant now = Instant.now();
    return sign(subject, Map.of("roles", List.of(roles)), now, now.plus(Duration.ofMinutes(10)));
  }

  /** A token for {@code subject} with exactly these claims (no default audience), valid 10 min. */
  public String sign(String subject, Map<String, Object> claims) {
    Instant now = Instant.now();
    return signExactly(subject, claims, now, now.plus(Duration.ofMinutes(10)));
  }

  /**
   * A token with {@code aud: ["govchain"]} and these claims (an {@code aud} among them replaces the
   * default), issued at {@code issuedAt}, expiring at {@code expiresAt}.
   */
  public String sign(
      String subject, Map<String, Object> claims, Instant issuedAt, Instant expiresAt) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("aud", AUDIENCE);
    all.putAll(claims);
    return signExactly(subject, all, issuedAt, expiresAt);
  }

  /**
   * A token with exactly these claims besides {@code sub}, {@code jti}, {@code iat}, {@code exp}.
   */
  public String signExactly(
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

  /**
   * Bearer tokens an attacker may send, none of which any application may answer with anything but
   * 401: five base64url parts shaped like an encrypted JWT, an unsigned {@code alg: none} token,
   * three parts of garbage, and a signed token whose signature was cut off.
   */
  public Map<String, String> malformedTokens() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String jweHeader =
        b64.encodeToString(
            "{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\"}".getBytes(StandardCharsets.UTF_8));
    String noneHeader = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String claims =
        b64.encodeToString(
            "{\"sub\":\"mallory\",\"roles\":[\"admin\"],\"aud\":[\"govchain\"]}"
                .getBytes(StandardCharsets.UTF_8));
    String signed = token("mallory", "admin");
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("five parts (encrypted JWT shape)", jweHeader + ".AAAA.AAAA.AAAA.AAAA");
    tokens.put("alg none", noneHeader + "." + claims + ".");
    tokens.put("garbage", "x.y.z");
    tokens.put("signature cut off", signed.substring(0, signed.lastIndexOf('.') + 1));
    return tokens;
  }
}
