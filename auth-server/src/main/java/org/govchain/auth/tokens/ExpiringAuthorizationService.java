package org.govchain.auth.tokens;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.PriorityQueue;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * In-memory authorizations that forget themselves once every token in them has expired, so a
 * long-running server handing out client-credentials tokens does not grow without bound. A restart
 * forgets all of them: people sign in again, while issued JWTs stay valid until they expire.
 */
public final class ExpiringAuthorizationService implements OAuth2AuthorizationService {

  private static final List<Class<? extends OAuth2Token>> TOKEN_TYPES =
      List.of(
          OAuth2AuthorizationCode.class,
          OAuth2AccessToken.class,
          OAuth2RefreshToken.class,
          OidcIdToken.class);

  private final InMemoryOAuth2AuthorizationService delegate =
      new InMemoryOAuth2AuthorizationService();
  private final PriorityQueue<Expiry> expiries = new PriorityQueue<>();
  private final Clock clock;

  public ExpiringAuthorizationService(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void save(OAuth2Authorization authorization) {
    purgeExpired();
    delegate.save(authorization);
    Instant expiresAt = latestExpiry(authorization);
    if (expiresAt != null) {
      expiries.add(new Expiry(expiresAt, authorization.getId()));
    }
  }

  @Override
  public synchronized void remove(OAuth2Authorization authorization) {
    delegate.remove(authorization);
  }

  @Override
  public synchronized OAuth2Authorization findById(String id) {
    return delegate.findById(id);
  }

  @Override
  public synchronized OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    return delegate.findByToken(token, tokenType);
  }

  private void purgeExpired() {
    Instant now = clock.instant();
    while (!expiries.isEmpty() && expiries.peek().at().isBefore(now)) {
      OAuth2Authorization stored = delegate.findById(expiries.poll().authorizationId());
      if (stored != null) {
        Instant latest = latestExpiry(stored);
        if (latest != null && latest.isBefore(now)) {
          delegate.remove(stored);
        }
      }
    }
  }

  /** The last expiry of any token the authorization holds; null while it holds none. */
  private static Instant latestExpiry(OAuth2Authorization authorization) {
    Instant latest = null;
    for (Class<? extends OAuth2Token> type : TOKEN_TYPES) {
      OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(type);
      Instant at = token == null ? null : token.getToken().getExpiresAt();
      if (at != null && (latest == null || at.isAfter(latest))) {
        latest = at;
      }
    }
    return latest;
  }

  private record Expiry(Instant at, String authorizationId) implements Comparable<Expiry> {
    @Override
    public int compareTo(Expiry other) {
      return at.compareTo(other.at);
    }
  }
}
