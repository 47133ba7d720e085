package org.govchain.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.govchain.auth.testing.BrowserSignIn;
import org.govchain.auth.testing.HttpTestClient;
import org.govchain.auth.testing.RunningAuthServer;
import org.govchain.auth.testing.SharedDevServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Clerks and auditors signing in through the web client: authorization code with PKCE. */
class LoginFlowIT {

  private static final String SWAGGER = "http://localhost:8080/swagger-ui/oauth2-redirect.html";

  private static RunningAuthServer server;

  @BeforeAll
  static void start() {
    server = SharedDevServer.get();
  }

  private static BrowserSignIn browser() {
    return new BrowserSignIn(server.http(), "govchain-web", SWAGGER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"seal-clerk", "auditor", "accounting-clerk"})
  void aDemoUserSignsInAndGetsTokensCarryingTheirRole(String role) throws Exception {
    BrowserSignIn browser = browser();
    String code =
        browser.codeFrom(
            browser.signIn(browser.authorizeUrl(), role + "-user", role + "-dev-password"));

    HttpResponse<String> response = browser.exchange(code, browser.verifier());

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> body = HttpTestClient.json(response);
    // Spring Authorization Server issues no refresh token to a public client (OAuth 2.1)
    assertThat(body).containsKeys("access_token", "id_token").doesNotContainKey("refresh_token");

    JWTClaimsSet access =
        RunningAuthServer.verify((String) body.get("access_token"), server.servedJwks());
    assertThat(access.getSubject()).isEqualTo(role + "-user");
    assertThat(access.getStringListClaim("roles")).containsExactly(role);
    assertThat(access.getAudience()).contains("govchain", "govchain-web");
    assertThat(access.getIssuer()).isEqualTo(SharedDevServer.issuer());

    JWTClaimsSet id = RunningAuthServer.verify((String) body.get("id_token"), server.servedJwks());
    assertThat(id.getSubject()).isEqualTo(role + "-user");
    assertThat(id.getAudience()).containsExactly("govchain-web");
    assertThat(id.getStringListClaim("roles")).containsExactly(role);
  }

  @Test
  void aWrongPasswordGoesBackToTheLoginFormWithoutACode() {
    BrowserSignIn browser = browser();

    HttpResponse<String> response =
        browser.signIn(browser.authorizeUrl(), "seal-clerk-user", "seal-clerk-dev-secret");

    assertThat(browser.location(response)).endsWith("/login?error");
  }

  @Test
  void aCodeExchangedWithAnotherVerifierIsInvalidGrant() {
    BrowserSignIn browser = browser();
    String code =
        browser.codeFrom(
            browser.signIn(browser.authorizeUrl(), "auditor-user", "auditor-dev-password"));

    HttpResponse<String> response = browser.exchange(code, browser().verifier());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(HttpTestClient.json(response)).containsEntry("error", "invalid_grant");
  }

  @Test
  void aCodeCannotBeExchangedTwice() {
    BrowserSignIn browser = browser();
    String code =
        browser.codeFrom(
            browser.signIn(browser.authorizeUrl(), "auditor-user", "auditor-dev-password"));
    assertThat(browser.exchange(code, browser.verifier()).statusCode()).isEqualTo(200);

    HttpResponse<String> replay = browser.exchange(code, browser.verifier());

    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(HttpTestClient.json(replay)).containsEntry("error", "invalid_grant");
  }

  @Test
  void anAuthorizationRequestWithoutPkceIsSentBackWithAnErrorAndNoCode() {
    BrowserSignIn browser = browser();

    HttpResponse<String> response = browser.open(browser.authorizeUrl(Map.of()));

    assertThat(response.statusCode()).isEqualTo(302);
    URI target = URI.create(browser.location(response));
    assertThat(target.toString()).startsWith(SWAGGER + "?");
    assertThat(BrowserSignIn.query(target))
        .containsEntry("error", "invalid_request")
        .containsEntry("state", browser.state())
        .doesNotContainKey("code");
  }

  @Test
  void anUnregisteredRedirectUriIsRefusedWithoutRedirectingThere() {
    BrowserSignIn browser =
        new BrowserSignIn(server.http(), "govchain-web", "http://evil.example/cb");

    HttpResponse<String> response = browser.open(browser.authorizeUrl());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
  }
}
