package org.govchain.anchor.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * {@link VerifiedTokenCache}: each accepted token checked once until its exp, nothing else kept.
 */
class VerifiedTokenCacheTest {

  private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  /** The tokens the real decoder was asked about, in order. */
  private final List<String> checked = new ArrayList<>();

  /** Accepts "good-…" tokens (exp 5 minutes after T0) until {@code now} passes exp + 60 s. */
  private final ReactiveJwtDecoder decoder =
      token -> {
        checked.add(token);
        Instant exp = T0.plus(Duration.ofMinutes(5));
        if (!token.startsWith("good-") || now.get().isAfter(exp.plusSeconds(60))) {
          return Mono.error(new BadJwtException("refused"));
        }
        return Mono.just(jwt(token, exp));
      };

  private final VerifiedTokenCache cache = new VerifiedTokenCache(decoder, clock);

  @Test
  void anAcceptedTokenIsCheckedOnceUntilItsExp() {
    for (int i = 0; i < 3; i++) {
      StepVerifier.create(cache.decode("good-1"))
          .assertNext(j -> assertThat(j.getSubject()).isEqualTo("good-1"))
          .verifyComplete();
    }
    assertThat(checked).containsExactly("good-1");

    now.set(T0.plus(Duration.ofMinutes(5))); // at exp: checked again, accepted within the skew
    StepVerifier.create(cache.decode("good-1")).expectNextCount(1).verifyComplete();
    now.set(T0.plus(Duration.ofMinutes(5)).plusSeconds(61)); // past the skew: refused
    StepVerifier.create(cache.decode("good-1")).expectError(BadJwtException.class).verify();
    assertThat(checked).containsExactly("good-1", "good-1", "good-1");
  }

  @Test
  void aRefusedTokenIsCheckedEveryTime() {
    for (int i = 0; i < 3; i++) {
      StepVerifier.create(cache.decode("forged")).expectError(BadJwtException.class).verify();
    }
    assertThat(checked).hasSize(3);
    assertThat(cache.size()).isZero();
  }

  @Test
  void atMostMaxTokensAreKept() {
    for (int i = 0; i <= VerifiedTokenCache.MAX_TOKENS; i++) {
      cache.decode("good-" + i).block();
    }
    assertThat(cache.size()).isBetween(1, VerifiedTokenCache.MAX_TOKENS);
  }

  private static Jwt jwt(String subject, Instant exp) {
    return Jwt.withTokenValue(subject)
        .header("alg", "RS256")
        .subject(subject)
        .issuedAt(T0)
        .expiresAt(exp)
        .build();
  }
}
