package org.govchain.bench.load;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * A benchmark's own token issuer: an RSA key made for the run, its public half written where the
 * services under test read it ({@code GOVCHAIN_JWT_PUBLIC_KEY_LOCATION}), tokens valid four hours.
 */
public final class BenchTokens {

  private final KeyPair keys;
  private final Path publicKeyPem;

  private BenchTokens(KeyPair keys, Path publicKeyPem) {
    this.keys = keys;
    this.publicKeyPem = publicKeyPem;
  }

  /** A new key, its public half written to {@code dir/jwt.pub.pem}. */
  public static BenchTokens create(Path dir) throws IOException, NoSuchAlgorithmException {
    KeyPair keys = KeyPairGenerator.getInstance("RSA").genKeyPair();
    Path pem = dir.resolve("jwt.pub.pem");
    Files.writeString(
        pem,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    return new BenchTokens(keys, pem);
  }

  /** The value of {@code GOVCHAIN_JWT_PUBLIC_KEY_LOCATION} for the services. */
  public String publicKeyLocation() {
    return publicKeyPem.toUri().toString();
  }

  /** A token of {@code subject} with {@code role}. */
  public String token(String subject, String role) throws JOSEException {
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.RS256),
            new JWTClaimsSet.Builder()
                .subject(subject)
                .audience("govchain")
                .claim("roles", List.of(role))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(4))))
                .build());
    jwt.sign(new RSASSASigner(keys.getPrivate()));
    return jwt.serialize();
  }
}
