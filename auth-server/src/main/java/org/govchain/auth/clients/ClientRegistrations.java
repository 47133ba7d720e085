package org.govchain.auth.clients;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.govchain.anchor.web.security.Role;
import org.govchain.auth.config.AuthServerProperties;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The registered OAuth2 clients, all from configuration: the demo clients (one per role, dev only),
 * the public web client that signs people in, and configured confidential clients, some of them
 * resource servers, the only clients that may introspect tokens.
 */
public final class ClientRegistrations {

  /** The client setting holding a client's roles (a {@code List<String>} of claim values). */
  public static final String ROLES_SETTING = "govchain.roles";

  /** The client setting holding the unit its tokens are bound to (empty for none). */
  public static final String UNIT_SETTING = "govchain.unit";

  /**
   * The client setting marking a resource server ({@code Boolean.TRUE}): the only clients that may
   * introspect tokens. Absent on every other client.
   */
  public static final String RESOURCE_SERVER_SETTING = "govchain.resource-server";

  /** Suffix of each demo client's published secret: {@code seal-clerk-dev-secret}. */
  public static final String DEMO_SECRET_SUFFIX = "-dev-secret";

  private ClientRegistrations() {}

  /** Every client the settings describe; client ids are unique. */
  public static List<RegisteredClient> from(AuthServerProperties props) {
    TokenSettings tokens =
        TokenSettings.builder()
            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
            .accessTokenTimeToLive(props.accessTokenTtl())
            .build();
    List<RegisteredClient> clients = new ArrayList<>();
    if (props.demo().enabled()) {
      for (DemoAccounts.Account demo : DemoAccounts.all(props.demo())) {
        String secret = DemoSecrets.hash(demo.name() + DEMO_SECRET_SUFFIX);
        clients.add(
            confidential(demo.name(), secret, List.of(demo.role()), demo.unit(), false, tokens));
      }
    }
    for (AuthServerProperties.Client client : props.clients()) {
      clients.add(
          confidential(
              client.id(),
              client.secret(),
              client.roles(),
              client.unit(),
              client.resourceServer(),
              tokens));
    }
    if (props.web().enabled()) {
      clients.add(web(props.web(), tokens));
    }
    Set<String> ids = new HashSet<>();
    for (RegisteredClient client : clients) {
      if (!ids.add(client.getClientId())) {
        throw new IllegalStateException(
            "the client id '" + client.getClientId() + "' is registered twice");
      }
    }
    return List.copyOf(clients);
  }

  /** Whether {@code client} is a resource server, which may introspect tokens. */
  public static boolean isResourceServer(RegisteredClient client) {
    return Boolean.TRUE.equals(client.getClientSettings().getSetting(RESOURCE_SERVER_SETTING));
  }

  private static RegisteredClient confidential(
      String id,
      String encodedSecret,
      List<Role> roles,
      String unit,
      boolean resourceServer,
      TokenSettings tokens) {
    ClientSettings.Builder settings =
        ClientSettings.builder()
            .setting(ROLES_SETTING, roles.stream().map(Role::claimValue).toList())
            .setting(UNIT_SETTING, unit);
    if (resourceServer) {
      settings.setting(RESOURCE_SERVER_SETTING, Boolean.TRUE);
    }
    return RegisteredClient.withId(
            UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString())
        .clientId(id)
        .clientSecret(encodedSecret)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .tokenSettings(tokens)
        .clientSettings(settings.build())
        .build();
  }

  /**
   * The public browser client: authorization code with PKCE (S256) only. Spring Authorization
   * Server gives public clients no refresh token (OAuth 2.1); the browser runs the code flow again,
   * without a password while its sign-in session here lasts.
   */
  private static RegisteredClient web(AuthServerProperties.Web web, TokenSettings tokens) {
    if (web.redirectUris().isEmpty()) {
      throw new IllegalStateException(
          "the web client needs at least one redirect URI (GOVCHAIN_AUTH_WEB_REDIRECT_URIS)");
    }
    return RegisteredClient.withId(
            UUID.nameUUIDFromBytes(web.clientId().getBytes(StandardCharsets.UTF_8)).toString())
        .clientId(web.clientId())
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUris(uris -> web.redirectUris().stream().map(String::strip).forEach(uris::add))
        .scope(OidcScopes.OPENID)
        .scope(OidcScopes.PROFILE)
        .tokenSettings(tokens)
        .clientSettings(
            ClientSettings.builder()
                .requireProofKey(true)
                .requireAuthorizationConsent(false)
                .build())
        .build();
  }
}
