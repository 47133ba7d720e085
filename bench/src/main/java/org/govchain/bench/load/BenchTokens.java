package org.govchain.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govchain.testsupport.tokens.TestIssuer;

/**
 * A benchmark's own token issuer (test-support's {@link TestIssuer}: a key made for the run, its
 * public half where the services under test read it, {@code GOVCHAIN_JWT_PUBLIC_KEY_LOCATION}),
 * with tokens valid four hours, longer than any run.
 */
public final class BenchTokens {

  private final TestIssuer issuer;

  private BenchTokens(TestIssuer issuer) {
    this.issuer = issuer;
  }

  /** A new key. */
  public static BenchTokens create() {
    return new BenchTokens(TestIssuer.generate());
  }

  /** The value of {@code GOVCHAIN_JWT_PUBLIC_KEY_LOCATION} for the services. */
  public String publicKeyLocation() {
    return issuer.publicKeyLocation();
  }

  /** A token of {@code subject} with {@code role}. */
  public String token(String subject, String role) {
    return token(subject, role, Map.of());
  }

  /** A token of {@code subject} with {@code role} and other {@code claims} (a clerk's unit). */
  public String token(String subject, String role, Map<String, Object> claims) {
    Map<String, Object> all = new LinkedHashMap<>(claims);
    all.put("roles", List.of(role));
    Instant now = Instant.now();
    return issuer.sign(subject, all, now, now.plus(Duration.ofHours(4)));
  }
}
