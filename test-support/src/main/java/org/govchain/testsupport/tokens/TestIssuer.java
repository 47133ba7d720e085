package org.govchain.testsupport.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
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
import java.security.PrivateKey;
import java.security.PublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The token issuer of the tests: RS256 JWTs shaped like the authorization server's
 * (docs/conventions.md, Tokens), signed with an RSA key made at run time (none is committed) whose
 * public key an application is pointed at ({@code public-key-location}), or with the authorization
 * server's own key, for the tokens it would never issue (expired, another audience or issuer).
 */
public final class TestIssuer {

  /** The audience the applications expect by default ({@code GOVCHAIN_JWT_AUDIENCE}). */
  public static final List<String> AUDIENCE = List.of("govchain");

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String keyId;
  private final String issuer;
  private Path publicKeyPem;

  private TestIssuer(PrivateKey privateKey, PublicKey publicKey, String keyId, String issuer) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.keyId = keyId;
    this.issuer = issuer;
  }

  /** A new issuer with a fresh 2048-bit key, no {@code iss} claim and no key id. */
  public static TestIssuer generate() {
    KeyPair keys = keyPair("RSA", 2048);
    return new TestIssuer(keys.getPrivate(), keys.getPublic(), null, null);
  }

  /** Tokens claiming {@code issuer} but signed by a fresh key nobody publishes (a forger's). */
  public static TestIssuer foreignKey(String issuer) {
    KeyPair keys = keyPair("RSA", 2048);
    return new TestIssuer(
        keys.getPrivate(), keys.getPublic(), "foreign-" + UUID.randomUUID(), issuer);
  }

  /**
   * Tokens of {@code issuer} signed with its own private RSA JWK ({@code file}, e.g. the
   * authorization server's development key in its data directory), with that key's id.
   */
  public static TestIssuer fromJwk(Path file, String issuer) {
    try {
      RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
      if (!key.isPrivate()) {
        throw new IllegalStateException(file + " holds no private key");
      }
      return new TestIssuer(key.toPrivateKey(), key.toPublicKey(), key.getKeyID(), issuer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("not a private RSA JWK: " + file, e);
    }
  }

  /** This issuer's public key. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** The key id its tokens carry ({@code kid}), or null. */
  public String keyId() {
    return keyId;
  }

  /** The {@code iss} its tokens carry, or null. */
  public String issuer() {
    return issuer;
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

  /**
   * The {@code public-key-location} value that makes an application trust this issuer (its public
   * key, written to a temporary PEM file on first use).
   */
  public synchronized String publicKeyLocation() {
    if (publicKeyPem == null) {
      publicKeyPem = pem(publicKey.getEncoded());
    }
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
   * A token with exactly these claims besides {@code sub}, {@code jti}, {@code iat}, {@code nbf},
   * {@code exp} and, for an issuer that has one, {@code iss} (which the claims may replace).
   */
  public String signExactly(
      String subject, Map<String, Object> claims, Instant issuedAt, Instant expiresAt) {
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
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), set.build());
    try {
      jwt.sign(new RSASSASigner(privateKey));
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

  /** A token with exactly these claims (dates as epoch seconds), signed RS256 with this key. */
  String signRaw(Map<String, Object> claims) {
    return TokenAttacks.sign(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(),
        claims,
        new RSASSASigner(privateKey));
  }
}
