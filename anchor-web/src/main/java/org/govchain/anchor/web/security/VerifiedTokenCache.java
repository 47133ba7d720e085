package org.govchain.anchor.web.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers each token the decoder accepted until the token's own {@code exp}, so that a client
 * sending the same bearer token with every request has its signature checked and its claims
 * validated once, not on every request (issue 15: about 7 % of the gateway's CPU).
 *
 * <p>Only accepted tokens are kept, by their exact text, and only until {@code exp} — not its 60 s
 * skew: past {@code exp} the token goes to the decoder again, which refuses it after the skew as
 * before. Every other check depends on the token's text alone and so cannot change while it is
 * kept; a token valid when first seen stays valid until it expires, as it would for any stateless
 * verifier (revocation is not checked by the resource servers at all, docs/conventions.md). At most
 * {@link #MAX_TOKENS} are kept: past that the expired ones are dropped, and if that is not enough,
 * all of them.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

  /** The most tokens kept (a token and its claims are about 2 KB: at most about 20 MB). */
  static final int MAX_TOKENS = 10_000;

  private final ReactiveJwtDecoder delegate;
  private final Clock clock;
  private final Map<String, Jwt> accepted = new ConcurrentHashMap<>();

  VerifiedTokenCache(ReactiveJwtDecoder delegate, Clock clock) {
    this.delegate = delegate;
    this.clock = clock;
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Jwt known = accepted.get(token);
    if (known != null) {
      if (clock.instant().isBefore(known.getExpiresAt())) {
        return Mono.just(known);
      }
      accepted.remove(token, known);
    }
    return delegate.decode(token).doOnNext(jwt -> keep(token, jwt));
  }

  private void keep(String token, Jwt jwt) {
    Instant expires = jwt.getExpiresAt();
    Instant now = clock.instant();
    if (expires == null || !now.isBefore(expires)) {
      return; // accepted within the skew, or (never, TokenValidation requires exp) without one
    }
    if (accepted.size() >= MAX_TOKENS) {
      accepted.values().removeIf(j -> !now.isBefore(j.getExpiresAt()));
      if (accepted.size() >= MAX_TOKENS) {
        accepted.clear();
      }
    }
    accepted.put(token, jwt);
  }

  /** Tokens kept now. */
  int size() {
    return accepted.size();
  }
}
