package org.govchain.testsupport.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The bearer tokens an attacker makes against an issuer whose public key and key id are known
 * (issue 14, token attacks). Each one claims the issuer, the audience and every role of {@link
 * #ROLES} and is refused by a correct resource server for one reason only:
 *
 * <ul>
 *   <li>{@link #forgeries}: not signed by the issuer's key, dressed to look so ({@code alg: none},
 *       HS256 keyed with the public key, a foreign key under the issuer's {@code kid}, the
 *       attacker's key offered by {@code jwk}, {@code jku} or {@code x5u} headers) — 401;
 *   <li>{@link #badClaims}: signed with the issuer's own key (which only a test holds) but with a
 *       claim a correct server refuses ({@code iss}, {@code aud}, {@code nbf}, {@code exp}) — 401;
 *   <li>{@link #smuggledRoles}: signed with the issuer's key, valid, but with the roles in claims
 *       that grant none ({@code scope}, {@code authorities}, {@code realm_access.roles}, …) and an
 *       empty {@code roles} — 403 wherever a role is needed.
 * </ul>
 */
public final class TokenAttacks {

  /** The roles every attack token asks for: the most powerful of each service, and admin. */
  public static final List<String> ROLES =
      List.of("admin", "seal-admin", "seal-clerk", "ssc-clerk", "accountant", "auditor");

  private final TestIssuer trusted;
  private final KeyPair attacker = TestIssuer.keyPair("RSA", 2048);

  /** Attacks on {@code trusted}: its public key, key id and issuer are public knowledge. */
  public TokenAttacks(TestIssuer trusted) {
    this.trusted = trusted;
  }

  /**
   * Tokens not signed by the trusted key; {@code attackerUrl} is where the attacker serves its own
   * key set and certificate, named by the {@code jku} and {@code x5u} headers.
   */
  public Map<String, String> forgeries(URI attackerUrl) {
    Map<String, Object> claims = claims(Map.of("roles", ROLES));
    RSASSASigner attackerSigner = new RSASSASigner(attacker.getPrivate());
    RSAKey attackerJwk =
        new RSAKey.Builder((RSAPublicKey) attacker.getPublic()).keyID(trusted.keyId()).build();
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("alg none", unsigned(claims));
    tokens.put("HS256 keyed with the issuer's public key (PEM)", sign(hs256(), claims, mac(pem())));
    tokens.put(
        "HS256 keyed with the issuer's public key (DER)",
        sign(hs256(), claims, mac(trusted.publicKey().getEncoded())));
    tokens.put("a foreign key under the issuer's kid", sign(rs256(), claims, attackerSigner));
    tokens.put(
        "the attacker's key in a jwk header",
        sign(rs256(h -> h.jwk(attackerJwk)), claims, attackerSigner));
    tokens.put(
        "the attacker's key set named by jku",
        sign(rs256(h -> h.jwkURL(attackerUrl.resolve("jwks.json"))), claims, attackerSigner));
    tokens.put(
        "the attacker's certificate named by x5u",
        sign(rs256(h -> h.x509CertURL(attackerUrl.resolve("cert.pem"))), claims, attackerSigner));
    tokens.put(
        "the issuer's kid as a path",
        sign(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("../../../dev/null").build(),
            claims,
            attackerSigner));
    return tokens;
  }

  /** Tokens signed with the trusted key whose claims a correct server refuses. */
  public Map<String, String> badClaims() {
    Instant now = Instant.now();
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("another issuer", trustedToken(claims(Map.of("iss", "https://idp.evil.example"))));
    tokens.put("no issuer", trustedToken(without(claims(Map.of()), "iss")));
    tokens.put("another audience", trustedToken(claims(Map.of("aud", List.of("other-system")))));
    tokens.put("no audience", trustedToken(without(claims(Map.of()), "aud")));
    tokens.put(
        "nbf ten minutes ahead",
        trustedToken(claims(Map.of("nbf", epoch(now.plus(Duration.ofMinutes(10)))))));
    tokens.put(
        "expired an hour ago",
        trustedToken(
            claims(
                Map.of(
                    "iat", epoch(now.minus(Duration.ofHours(2))),
                    "nbf", epoch(now.minus(Duration.ofHours(2))),
                    "exp", epoch(now.minus(Duration.ofHours(1)))))));
    tokens.put("no expiry", trustedToken(without(claims(Map.of()), "exp")));
    tokens.put("no subject", trustedToken(without(claims(Map.of()), "sub")));
    return tokens;
  }

  /** Tokens signed with the trusted key, valid, granting no role: the roles sit elsewhere. */
  public Map<String, String> smuggledRoles() {
    String spaced = String.join(" ", ROLES);
    List<String> prefixed = ROLES.stream().map(r -> "ROLE_" + r).toList();
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("scope", smuggled(Map.of("scope", spaced)));
    tokens.put("scp", smuggled(Map.of("scp", ROLES)));
    tokens.put("authorities", smuggled(Map.of("authorities", prefixed)));
    tokens.put("realm_access.roles", smuggled(Map.of("realm_access", Map.of("roles", ROLES))));
    tokens.put("role", smuggled(Map.of("role", "admin")));
    tokens.put("groups", smuggled(Map.of("groups", ROLES)));
    tokens.put("Roles (another case)", smuggled(Map.of("Roles", ROLES)));
    tokens.put("roles as an object", smuggled(Map.of("roles", Map.of("admin", true))));
    tokens.put("roles upper-cased", smuggled(Map.of("roles", List.of("ADMIN", "SEAL-CLERK"))));
    tokens.put("roles prefixed ROLE_", smuggled(Map.of("roles", prefixed)));
    return tokens;
  }

  /**
   * A forgery (the attacker's key under the issuer's {@code kid}) with {@code bytes} of padding in
   * a claim: a server must refuse it without more work than for a small one.
   */
  public String oversized(int bytes) {
    return sign(
        rs256(),
        claims(Map.of("padding", "a".repeat(bytes))),
        new RSASSASigner(attacker.getPrivate()));
  }

  /** The claims of every attack with nothing wrong, signed with the trusted key: accepted. */
  public String control() {
    return trustedToken(claims(Map.of()));
  }

  private String smuggled(Map<String, Object> elsewhere) {
    Map<String, Object> claims = claims(Map.of("roles", List.of()));
    claims.putAll(elsewhere);
    return trustedToken(claims);
  }

  /** Claims as the issuer's would be for {@code mallory}, valid 10 minutes, with {@code extra}. */
  private Map<String, Object> claims(Map<String, Object> extra) {
    Instant now = Instant.now();
    Map<String, Object> claims = new LinkedHashMap<>();
    if (trusted.issuer() != null) {
      claims.put("iss", trusted.issuer());
    }
    claims.put("sub", "mallory");
    claims.put("aud", TestIssuer.AUDIENCE);
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("iat", epoch(now));
    claims.put("nbf", epoch(now));
    claims.put("exp", epoch(now.plus(Duration.ofMinutes(10))));
    claims.put("roles", ROLES);
    claims.putAll(extra);
    return claims;
  }

  private String trustedToken(Map<String, Object> claims) {
    return trusted.signRaw(claims);
  }

  private JWSHeader rs256() {
    return rs256(h -> {});
  }

  private JWSHeader rs256(Consumer<JWSHeader.Builder> customize) {
    JWSHeader.Builder header =
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(trusted.keyId()).type(JOSEObjectType.JWT);
    customize.accept(header);
    return header.build();
  }

  private JWSHeader hs256() {
    return new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(trusted.keyId()).build();
  }

  private byte[] pem() {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(trusted.publicKey().getEncoded());
    return ("-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static String sign(JWSHeader header, Map<String, Object> claims, JWSSigner signer) {
    try {
      SignedJWT jwt = new SignedJWT(header, JWTClaimsSet.parse(claims));
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException | java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unsigned(Map<String, Object> claims) {
    try {
      return Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")
          + "."
          + Base64URL.encode(JWTClaimsSet.parse(claims).toString())
          + ".";
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> without(Map<String, Object> claims, String name) {
    claims.remove(name);
    return claims;
  }

  private static long epoch(Instant instant) {
    return instant.getEpochSecond();
  }

  private static MACSigner mac(byte[] secret) {
    try {
      return new MACSigner(secret);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
