package org.govchain.auth.tokens;

import static org.govchain.auth.clients.ClientRegistrations.UNIT_SETTING;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.govchain.anchor.web.security.Role;
import org.govchain.anchor.web.security.UnitClaim;
import org.govchain.auth.clients.ClientRegistrations;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Adds GovChain's claims to the tokens (COMMON conventions): {@code roles}, a JSON array of role
 * names, to access and ID tokens; and the GovChain audience to access tokens' {@code aud}, beside
 * the client id; and {@code unit} (the unified social credit code of the unit an accounting clerk
 * keeps books for) to accounts bound to one. The client credentials grant takes the client's roles
 * and unit; a signed-in user's tokens take the user's.
 */
public final class GovChainClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  /** The claim holding the roles. */
  public static final String ROLES = "roles";

  private final String audience;
  private final Map<String, String> userUnits;

  /**
   * @param audience the GovChain audience every access token carries
   * @param userUnits the unit each signed-in user is bound to, by user name
   */
  public GovChainClaims(String audience, Map<String, String> userUnits) {
    this.audience = audience;
    this.userUnits = Map.copyOf(userUnits);
  }

  @Override
  public void customize(JwtEncodingContext context) {
    boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
    boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
    if (!accessToken && !idToken) {
      return;
    }
    boolean client =
        AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
    List<String> roles =
        client ? clientRoles(context.getRegisteredClient()) : userRoles(context.getPrincipal());
    context.getClaims().claim(ROLES, roles);
    String unit =
        client
            ? context.getRegisteredClient().getClientSettings().getSetting(UNIT_SETTING)
            : userUnits.get(context.getPrincipal().getName());
    if (unit != null && !unit.isEmpty()) {
      context.getClaims().claim(UnitClaim.NAME, unit);
    }
    if (accessToken) {
      Set<String> aud = new LinkedHashSet<>();
      aud.add(context.getRegisteredClient().getClientId());
      aud.add(audience);
      context.getClaims().audience(new ArrayList<>(aud));
    }
  }

  private static List<String> clientRoles(RegisteredClient client) {
    List<String> roles = client.getClientSettings().getSetting(ClientRegistrations.ROLES_SETTING);
    return roles == null ? List.of() : roles;
  }

  private static List<String> userRoles(Authentication user) {
    return user.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .map(Role::fromAuthority)
        .flatMap(Optional::stream)
        .map(Role::claimValue)
        .toList();
  }
}
