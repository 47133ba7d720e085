package org.govchain.anchor.web.security;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClientException;
import reactor.core.publisher.Mono;

/**
 * Turns a failure to fetch the issuer's keys — its discovery document or JWK set refused, timed out
 * or answered with an error, on the first token or on a token whose {@code kid} is not among the
 * cached keys — into a {@link TokenKeysUnavailableException} (503). Spring Security left these as
 * an {@code IllegalStateException} ("Could not obtain the keys") or a plain {@code JwtException},
 * which every application answered 500 while the auth server was down; and they waited with no time
 * limit for an issuer that accepts connections but does not answer (frozen, or behind a network
 * that drops packets): here {@link #TIMEOUT}. Found by the fault campaign's AuthServerDownIT. Bad
 * tokens stay {@link BadJwtException}s (401).
 */
final class KeyFetchFailures implements ReactiveJwtDecoder {

  /**
   * How long checking one token may wait for the issuer's keys: well within the gateway's time
   * limit for a service (10 s) and any client's; a check from cached keys takes milliseconds.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final ReactiveJwtDecoder delegate;
  private final Duration timeout;

  KeyFetchFailures(ReactiveJwtDecoder delegate) {
    this(delegate, TIMEOUT);
  }

  KeyFetchFailures(ReactiveJwtDecoder delegate, Duration timeout) {
    this.delegate = delegate;
    this.timeout = timeout;
  }

  @Override
  public Mono<Jwt> decode(String token) {
    return delegate
        .decode(token)
        .timeout(timeout)
        .onErrorMap(KeyFetchFailures::isKeyFetchFailure, TokenKeysUnavailableException::new);
  }

  /** Whether {@code error} comes from asking the issuer for its keys, not from the token. */
  static boolean isKeyFetchFailure(Throwable error) {
    if (error instanceof BadJwtException) {
      return false;
    }
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException
          || t instanceof WebClientException
          || t instanceof TimeoutException
          || t instanceof JwtDecoderInitializationException) {
        return true;
      }
    }
    return false;
  }
}
