package org.govchain.anchor.spring.security;

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
 * A token issuer for tests: an RSA key pair made at runtime, its public key as a PEM file a service
 * is pointed at ({@code public-key-location}), and RS256 JWTs signed with the private key.
 */
final class TestIssuer {

  private final KeyPair keys;
  private final Path publicKeyPem;

  private TestIssuer(KeyPair keys, Path publicKeyPem) {
    this.keys = keys;
    this.publicKeyPem = publicKeyPem;
  }

  /** A new issuer with a fresh 2048-bit key whose public key is written to a temporary file. */
  static TestIssuer generate() {
    KeyPair keys = keyPair("RSA", 2048);
    return new TestIssuer(keys, pem(keys.getPublic().getEncoded()));
  }

  /** A PEM file holding an encoded (X.509 SubjectPublicKeyInfo) public key. */
  static Path pem(byte[] subjectPublicKeyInfo) {
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

  /** The {@code public-key-location} value that makes a service trust this issuer. */
  String publicKeyLocation() {
    return publicKeyPem.toUri().toString();
  }

  /** A token for {@code subject} with these roles and {@code aud: ["govchain"]}, valid 10 min. */
  String token(String subject, String... roles) {
    return sign(subject, Map.of("aud", List.of("govchain"), "roles", List.of(roles)));
  }

  /** A token for {@code subject} with exactly these extra claims, valid for ten minutes. */
  String sign(String subject, Map<String, Object> claims) {
    Instant now = Instant.now();
    Map<String, Object> all = new LinkedHashMap<>(claims);
    JWTClaimsSet.Builder set =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
    all.forEach(set::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
    try {
      jwt.sign(new RSASSASigner(keys.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  static KeyPair keyPair(String algorithm, int size) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      generator.initialize(size);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
