package org.govchain.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.govchain.auth.testing.HttpTestClient;
import org.govchain.auth.testing.RunningAuthServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Token introspection (RFC 7662) over HTTP: only a client configured as a resource server may ask;
 * other clients are refused with 403, whatever token they ask about. Revocation here shows in the
 * answer, which is all it changes: resource servers check JWTs offline (README, "Revocation").
 */
class IntrospectionIT {

  private static final String RESOURCE_SERVER = "records-gateway";
  private static final String RESOURCE_SERVER_SECRET = "records-gateway-test-secret";

  private static RunningAuthServer server;
  private static HttpTestClient http;

  @BeforeAll
  static void start() {
    // as an operator configures it: environment variables, the secret as a bcrypt hash, no roles
    Map<String, Object> env = new HashMap<>();
    env.put("GOVCHAIN_AUTH_DATA_DIR", RunningAuthServer.newTempDir().toString());
    env.put("GOVCHAIN_AUTH_CLIENTS_0_ID", RESOURCE_SERVER);
    env.put(
        "GOVCHAIN_AUTH_CLIENTS_0_SECRET",
        "{bcrypt}" + new BCryptPasswordEncoder(4).encode(RESOURCE_SERVER_SECRET));
    env.put("GOVCHAIN_AUTH_CLIENTS_0_RESOURCE_SERVER", "true");
    server = RunningAuthServer.start(env);
    http = server.http();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theResourceServerLearnsWhatATokenIs() {
    String token = accessToken("seal-clerk");

    HttpResponse<String> answer = introspect(token, RESOURCE_SERVER, RESOURCE_SERVER_SECRET);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(HttpTestClient.json(answer))
        .containsEntry("active", true)
        .containsEntry("sub", "seal-clerk")
        .containsEntry("client_id", "seal-clerk");
  }

  @Test
  void anotherClientIsRefusedWith403AboutAnyTokenItsOwnIncluded() {
    String sealClerks = accessToken("seal-clerk");
    String auditors = accessToken("auditor");

    for (String token : new String[] {sealClerks, auditors, "not-a-token"}) {
      HttpResponse<String> answer = introspect(token, "auditor", "auditor-dev-secret");

      assertThat(answer.statusCode()).isEqualTo(403);
      assertThat(answer.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      assertThat(HttpTestClient.json(answer))
          .containsEntry("error", "unauthorized_client")
          .containsEntry("error_description", "only resource servers may introspect tokens")
          .doesNotContainKey("active");
    }
  }

  @Test
  void aBearerTokenInsteadOfClientCredentialsIsRefusedToo() {
    String token = accessToken("admin");

    HttpResponse<String> answer =
        http.postForm(
            "/oauth2/introspect", Map.of("token", token), "Authorization", "Bearer " + token);

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).doesNotContain("\"active\"");
  }

  @Test
  void withoutCredentialsOrWithAWrongSecretItIs401() {
    String token = accessToken("seal-clerk");

    assertThat(http.postForm("/oauth2/introspect", Map.of("token", token)).statusCode())
        .isEqualTo(401);
    HttpResponse<String> wrong = introspect(token, RESOURCE_SERVER, "not-the-secret");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(HttpTestClient.json(wrong)).containsEntry("error", "invalid_client");
  }

  @Test
  void aTokenRevokedHereIsInactiveToIntrospectionButItsSignatureStillVerifies() throws Exception {
    String token = accessToken("ssc-clerk");
    HttpResponse<String> revoked =
        http.postForm(
            "/oauth2/revoke",
            Map.of("token", token),
            "Authorization",
            basic("ssc-clerk", "ssc-clerk-dev-secret"));
    assertThat(revoked.statusCode()).isEqualTo(200);

    HttpResponse<String> answer = introspect(token, RESOURCE_SERVER, RESOURCE_SERVER_SECRET);

    assertThat(HttpTestClient.json(answer)).containsEntry("active", false);
    // what the gateway and the services check, offline: still a valid token until it expires
    JWTClaimsSet claims = RunningAuthServer.verify(token, server.servedJwks());
    assertThat(claims.getSubject()).isEqualTo("ssc-clerk");
  }

  @Test
  void theResourceServersOwnTokensCarryNoRole() throws Exception {
    HttpResponse<String> answer =
        http.clientCredentials(RESOURCE_SERVER, RESOURCE_SERVER_SECRET, true);
    assertThat(answer.statusCode()).isEqualTo(200);

    JWTClaimsSet claims =
        RunningAuthServer.verify(
            (String) HttpTestClient.json(answer).get("access_token"), server.servedJwks());
    assertThat(claims.getStringListClaim("roles")).isEmpty();
  }

  private static HttpResponse<String> introspect(String token, String clientId, String secret) {
    return http.postForm(
        "/oauth2/introspect", Map.of("token", token), "Authorization", basic(clientId, secret));
  }

  private static String accessToken(String role) {
    HttpResponse<String> response = http.clientCredentials(role, role + "-dev-secret", true);
    assertThat(response.statusCode()).isEqualTo(200);
    return (String) HttpTestClient.json(response).get("access_token");
  }

  private static String basic(String clientId, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }
}
