package org.govchain.auth.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.govchain.anchor.web.security.Role;
import org.govchain.auth.config.AuthServerProperties;
import org.govchain.auth.testing.TestSettings;
import org.govchain.auth.users.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class ClientRegistrationsTest {

  private final PasswordEncoder encoder =
      PasswordEncoderFactories.createDelegatingPasswordEncoder();

  @Test
  void demoRegistersOneClientPerRoleWithItsPublishedSecretHashed() {
    List<RegisteredClient> clients =
        ClientRegistrations.from(TestSettings.local().web(disabledWeb()).build());

    assertThat(clients)
        .extracting(RegisteredClient::getClientId)
        .containsExactly(
            "seal-clerk",
            "ssc-clerk",
            "accounting-clerk",
            "auditor",
            "service-point",
            "admin",
            "card-holder",
            "accounting-clerk-2");
    for (RegisteredClient client : clients) {
      assertThat(client.getClientSecret()).startsWith("{bcrypt}");
      assertThat(encoder.matches(client.getClientId() + "-dev-secret", client.getClientSecret()))
          .isTrue();
      assertThat(client.getAuthorizationGrantTypes())
          .containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS);
      assertThat(client.getClientAuthenticationMethods())
          .containsExactlyInAnyOrder(
              ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
              ClientAuthenticationMethod.CLIENT_SECRET_POST);
      List<String> roles = client.getClientSettings().getSetting(ClientRegistrations.ROLES_SETTING);
      assertThat(roles).containsExactly(client.getClientId().replace("-2", ""));
      String unit = client.getClientSettings().getSetting(ClientRegistrations.UNIT_SETTING);
      assertThat(unit)
          .isEqualTo(
              roles.contains("accounting-clerk") ? AuthServerProperties.DEMO_ACCOUNTING_UNIT : "");
    }
  }

  @Test
  void configuredClientsAndUsersCarryTheirUnit() {
    String hash = "{bcrypt}$2a$10$abcdefghijklmnopqrstuu5g1sQ0x1mX8XJrXhH2OaQv0J0iZ0D5K";
    AuthServerProperties props =
        TestSettings.local()
            .demo(false)
            .web(disabledWeb())
            .clients(
                new AuthServerProperties.Client(
                    "books-1", hash, List.of(Role.ACCOUNTING_CLERK), "125132000088000292"))
            .users(
                new AuthServerProperties.User(
                    "wang.fang", hash, List.of(Role.ACCOUNTING_CLERK), "125132000088000292"),
                new AuthServerProperties.User("li.na", hash, List.of(Role.AUDITOR)))
            .build();

    assertThat(
            ClientRegistrations.from(props)
                .get(0)
                .getClientSettings()
                .<String>getSetting(ClientRegistrations.UNIT_SETTING))
        .isEqualTo("125132000088000292");
    assertThat(UserAccounts.units(props))
        .containsExactly(Map.entry("wang.fang", "125132000088000292"));
  }

  @Test
  void theWebClientIsPublicWithPkceAndOnlyTheConfiguredRedirects() {
    RegisteredClient web =
        ClientRegistrations.from(TestSettings.local().demo(false).build()).get(0);

    assertThat(web.getClientId()).isEqualTo("govchain-web");
    assertThat(web.getClientSecret()).isNull();
    assertThat(web.getClientAuthenticationMethods())
        .containsExactly(ClientAuthenticationMethod.NONE);
    assertThat(web.getAuthorizationGrantTypes())
        .containsExactly(AuthorizationGrantType.AUTHORIZATION_CODE);
    assertThat(web.getClientSettings().isRequireProofKey()).isTrue();
    assertThat(web.getRedirectUris()).containsExactlyElementsOf(TestSettings.LOCAL_REDIRECTS);
  }

  @Test
  void configuredClientsKeepTheirHashAndRoles() {
    String hash = encoder.encode("city-secret");
    List<RegisteredClient> clients =
        ClientRegistrations.from(
            TestSettings.local()
                .demo(false)
                .web(disabledWeb())
                .clients(
                    new AuthServerProperties.Client(
                        "front-desk", hash, List.of(Role.SERVICE_POINT, Role.AUDITOR)))
                .build());

    assertThat(clients)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getClientSecret()).isEqualTo(hash);
              List<String> roles =
                  c.getClientSettings().getSetting(ClientRegistrations.ROLES_SETTING);
              assertThat(roles).containsExactly("service-point", "auditor");
            });
  }

  @Test
  void onlyAClientConfiguredAsResourceServerIsOne() {
    String hash = encoder.encode("city-secret");
    List<RegisteredClient> clients =
        ClientRegistrations.from(
            TestSettings.local()
                .web(disabledWeb())
                .clients(
                    new AuthServerProperties.Client("introspector", hash, List.of(), "", true),
                    new AuthServerProperties.Client("front-desk", hash, List.of(Role.AUDITOR)))
                .build());

    assertThat(clients)
        .filteredOn(ClientRegistrations::isResourceServer)
        .extracting(RegisteredClient::getClientId)
        .containsExactly("introspector");
    assertThat(clients).hasSize(10); // eight demo clients, none a resource server
    RegisteredClient introspector = clients.get(8);
    List<String> roles =
        introspector.getClientSettings().getSetting(ClientRegistrations.ROLES_SETTING);
    assertThat(roles).isEmpty();
  }

  @Test
  void aClientIdUsedTwiceIsRefused() {
    AuthServerProperties props =
        TestSettings.local()
            .clients(
                new AuthServerProperties.Client(
                    "auditor", encoder.encode("x"), List.of(Role.AUDITOR)))
            .build();

    assertThatThrownBy(() -> ClientRegistrations.from(props))
        .hasMessageContaining("'auditor' is registered twice");
  }

  @Test
  void theWebClientWithoutRedirectUrisIsRefused() {
    AuthServerProperties props =
        TestSettings.local()
            .web(new AuthServerProperties.Web(true, "govchain-web", List.of()))
            .build();

    assertThatThrownBy(() -> ClientRegistrations.from(props))
        .hasMessageContaining("GOVCHAIN_AUTH_WEB_REDIRECT_URIS");
  }

  @Test
  void demoUsersHaveTheirRoleAndTheirPublishedPasswordHashed() {
    List<UserDetails> users = UserAccounts.from(TestSettings.local().build());

    assertThat(users)
        .extracting(UserDetails::getUsername)
        .containsExactly(
            "seal-clerk-user",
            "ssc-clerk-user",
            "accounting-clerk-user",
            "auditor-user",
            "service-point-user",
            "admin-user",
            "card-holder-user",
            "accounting-clerk-2-user");
    UserDetails auditor = users.get(3);
    assertThat(encoder.matches("auditor-dev-password", auditor.getPassword())).isTrue();
    assertThat(auditor.getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactly("ROLE_auditor");
  }

  @Test
  void withoutDemoOnlyConfiguredUsersExist() {
    String hash = encoder.encode("pw");
    List<UserDetails> users =
        UserAccounts.from(
            TestSettings.local()
                .demo(false)
                .users(new AuthServerProperties.User("li.na", hash, List.of(Role.SSC_CLERK)))
                .build());

    assertThat(users).singleElement().extracting(UserDetails::getUsername).isEqualTo("li.na");
  }

  private static AuthServerProperties.Web disabledWeb() {
    return new AuthServerProperties.Web(false, "govchain-web", List.of());
  }
}
