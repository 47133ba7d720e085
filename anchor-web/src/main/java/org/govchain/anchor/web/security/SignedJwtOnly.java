package org.govchain.anchor.web.security;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Lets only tokens shaped like a signed JWT (three base64url parts, a JWS header) reach the real
 * decoder; anything else — an encrypted JWT's five parts, an unsigned {@code alg: none} token,
 * garbage — is a {@link BadJwtException}, which Spring Security answers 401 {@code invalid_token}.
 * Without this, Nimbus refused a five-part token with a plain {@code JwtException}, which Spring
 * Security turned into a 500 with a long stack trace in the log, for anyone, before any rate limit.
 */
final class SignedJwtOnly implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder delegate;

  SignedJwtOnly(ReactiveJwtDecoder delegate) {
    this.delegate = delegate;
  }

  @Override
  public Mono<Jwt> decode(String token) {
    JWT parsed;
    try {
      parsed = JWTParser.parse(token);
    } catch (ParseException | RuntimeException e) {
      return Mono.error(new BadJwtException("the bearer token is not a JWT"));
    }
    if (!(parsed instanceof SignedJWT)) {
      return Mono.error(new BadJwtException("the bearer token is not a signed JWT"));
    }
    return delegate.decode(token);
  }
}
