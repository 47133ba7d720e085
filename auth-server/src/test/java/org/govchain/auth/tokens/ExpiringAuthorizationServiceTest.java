package org.govchain.auth.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class ExpiringAuthorizationServiceTest {

  private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");
  private static final Duration TTL = Duration.ofMinutes(15);

  private final MutableClock clock = new MutableClock(T0);
  private final ExpiringAuthorizationService service = new ExpiringAuthorizationService(clock);

  @Test
  void keepsAuthorizationsWhoseTokensAreStillValid() {
    OAuth2Authorization first = issued("a", "token-a");
    service.save(first);
    clock.now = T0.plus(TTL).minusSeconds(1);
    service.save(issued("b", "token-b"));

    assertThat(service.findById("a")).isEqualTo(first);
    assertThat(service.findByToken("token-a", OAuth2TokenType.ACCESS_TOKEN)).isEqualTo(first);
  }

  @Test
  void forgetsAuthorizationsOnceAllTheirTokensExpired() {
    service.save(issued("a", "token-a"));
    clock.now = T0.plus(TTL).plusSeconds(1);
    OAuth2Authorization later = issued("b", "token-b");
    service.save(later);

    assertThat(service.findById("a")).isNull();
    assertThat(service.findByToken("token-a", null)).isNull();
    assertThat(service.findById("b")).isEqualTo(later);
  }

  @Test
  void aReSavedAuthorizationWithALaterTokenIsKept() {
    service.save(issued("a", "token-a"));
    clock.now = T0.plus(Duration.ofMinutes(10));
    OAuth2Authorization renewed = issued("a", "token-a2");
    service.save(renewed);
    clock.now = T0.plus(TTL).plusSeconds(1); // the first token expired, the second has not
    service.save(issued("b", "token-b"));

    assertThat(service.findById("a")).isEqualTo(renewed);
  }

  @Test
  void removeForgetsAtOnce() {
    OAuth2Authorization a = issued("a", "token-a");
    service.save(a);
    service.remove(a);

    assertThat(service.findById("a")).isNull();
  }

  private OAuth2Authorization issued(String id, String tokenValue) {
    Instant now = clock.instant();
    RegisteredClient client =
        RegisteredClient.withId("client")
            .clientId("auditor")
            .clientSecret("{noop}unused")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .build();
    return OAuth2Authorization.withRegisteredClient(client)
        .id(id)
        .principalName("auditor")
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .accessToken(
            new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER, tokenValue, now, now.plus(TTL)))
        .build();
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

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
      return now;
    }
  }
}
