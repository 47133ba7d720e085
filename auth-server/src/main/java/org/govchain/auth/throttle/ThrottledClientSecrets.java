package org.govchain.auth.throttle;

import java.util.Set;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Spring Authorization Server's {@link ClientSecretAuthenticationProvider} behind the {@link
 * FailureThrottle}: every {@code client_secret_basic} and {@code client_secret_post} authentication
 * (token, introspection and revocation endpoints) is admitted by the throttle first, and its
 * outcome counted — {@code invalid_client} (wrong secret, unknown client) as a failure, a matching
 * secret as a success. The public web client (PKCE, no secret) is not counted: failures there are
 * bad code verifiers, and locking the one public client would sign everybody out.
 */
public final class ThrottledClientSecrets implements AuthenticationProvider {

  private static final Set<ClientAuthenticationMethod> SECRET_METHODS =
      Set.of(
          ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
          ClientAuthenticationMethod.CLIENT_SECRET_POST);

  private final AuthenticationProvider clientSecrets;
  private final FailureThrottle throttle;
  private final RegisteredClientRepository clients;

  /**
   * @param clientSecrets the provider checking client secrets
   * @param throttle the throttle
   * @param clients the registered clients (to log unregistered ids only as tags)
   */
  public ThrottledClientSecrets(
      AuthenticationProvider clientSecrets,
      FailureThrottle throttle,
      RegisteredClientRepository clients) {
    this.clientSecrets = clientSecrets;
    this.throttle = throttle;
    this.clients = clients;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    OAuth2ClientAuthenticationToken request = (OAuth2ClientAuthenticationToken) authentication;
    if (!SECRET_METHODS.contains(request.getClientAuthenticationMethod())) {
      return null; // not a secret: another provider's
    }
    String clientId = request.getPrincipal().toString();
    Attempt attempt =
        new Attempt(
            Attempt.Kind.CLIENT,
            clientId,
            RemoteAddress.of(request.getDetails()),
            clients.findByClientId(clientId) != null);
    FailureThrottle.Ticket ticket = throttle.admit(attempt);
    Authentication result;
    try {
      result = clientSecrets.authenticate(authentication);
    } catch (OAuth2AuthenticationException e) {
      if (OAuth2ErrorCodes.INVALID_CLIENT.equals(e.getError().getErrorCode())) {
        ticket.failed();
      }
      throw e; // other errors come after the secret matched (a PKCE verifier): not counted
    }
    ticket.succeeded();
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return clientSecrets.supports(authentication);
  }
}
