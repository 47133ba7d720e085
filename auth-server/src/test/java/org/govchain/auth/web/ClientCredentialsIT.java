package org.govchain.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.govchain.anchor.web.security.Role;
import org.govchain.auth.clients.DemoAccounts;
import org.govchain.auth.config.AuthServerProperties;
import org.govchain.auth.testing.HttpTestClient;
import org.govchain.auth.testing.RunningAuthServer;
import org.govchain.auth.testing.SharedDevServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;

/** The demo clients' client credentials grant, the discovery documents and JWKS, over HTTP. */
class ClientCredentialsIT {

  private static RunningAuthServer server;
  private static HttpTestClient http;

  @BeforeAll
  static void start() {
    server = SharedDevServer.get();
    http = server.http();
  }

  static Stream<Arguments> accountsAndAuthMethods() {
    return DemoAccounts.all(new AuthServerProperties.Demo(true)).stream()
        .flatMap(account -> Stream.of(Arguments.of(account, true), Arguments.of(account, false)));
  }

  @ParameterizedTest(name = "{0}, basic auth {1}")
  @MethodSource("accountsAndAuthMethods")
  void eachDemoClientGetsAnRs256JwtWithItsRoleThatVerifiesAgainstTheServedJwks(
      DemoAccounts.Account account, boolean basic) throws Exception {
    String clientId = account.name();
    HttpResponse<String> response =
        http.clientCredentials(clientId, clientId + "-dev-secret", basic);

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> body = HttpTestClient.json(response);
    assertThat(body).containsEntry("token_type", "Bearer").doesNotContainKey("refresh_token");
    assertThat(((Number) body.get("expires_in")).longValue()).isBetween(890L, 900L);

    String token = (String) body.get("access_token");
    JWKSet jwks = server.servedJwks();
    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(jwks.getKeyByKeyId(jwt.getHeader().getKeyID())).isNotNull();

    JWTClaimsSet claims = RunningAuthServer.verify(token, jwks);
    assertThat(claims.getIssuer()).isEqualTo(SharedDevServer.issuer());
    assertThat(claims.getSubject()).isEqualTo(clientId);
    assertThat(claims.getStringListClaim("roles")).containsExactly(account.role().claimValue());
    assertThat(claims.getAudience()).contains("govchain", clientId);
    // only the accounting clerks are bound to a unit: the demo unit
    assertThat(claims.getStringClaim("unit"))
        .isEqualTo(
            account.role() == Role.ACCOUNTING_CLERK
                ? AuthServerProperties.DEMO_ACCOUNTING_UNIT
                : null);
    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void theIssuerIsTheConfiguredOneWhateverHostTheRequestUsed() throws Exception {
    assertThat(server.baseUrl().getHost()).isEqualTo("127.0.0.1");
    assertThat(SharedDevServer.issuer()).startsWith("http://localhost:");

    String token = accessToken("auditor");
    assertThat(SignedJWT.parse(token).getJWTClaimsSet().getIssuer())
        .isEqualTo(SharedDevServer.issuer());
  }

  @Test
  void aResourceServerConfiguredWithOnlyTheIssuerUriAcceptsTheTokens() {
    // what the gateway and services do with GOVCHAIN_JWT_ISSUER_URI: discovery, then JWKS
    JwtDecoder decoder = JwtDecoders.fromIssuerLocation(SharedDevServer.issuer());

    Jwt jwt = decoder.decode(accessToken("ssc-clerk"));

    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("ssc-clerk");
    assertThat(jwt.getAudience()).contains("govchain");
  }

  @Test
  void aWrongSecretIs401InvalidClient() {
    for (boolean basic : List.of(true, false)) {
      HttpResponse<String> response =
          http.clientCredentials("seal-clerk", "ssc-clerk-dev-secret", basic);

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      assertThat(HttpTestClient.json(response)).containsEntry("error", "invalid_client");
    }
  }

  @Test
  void anUnknownClientIs401InvalidClient() {
    HttpResponse<String> response = http.clientCredentials("mayor", "mayor-dev-secret", true);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(HttpTestClient.json(response)).containsEntry("error", "invalid_client");
  }

  @Test
  void anUnsupportedGrantIs400UnsupportedGrantType() {
    HttpResponse<String> response =
        http.postForm(
            "/oauth2/token",
            Map.of("grant_type", "password", "username", "auditor-user", "password", "x"),
            "Authorization",
            basic("auditor", "auditor-dev-secret"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(HttpTestClient.json(response)).containsEntry("error", "unsupported_grant_type");
  }

  @Test
  void aMadeUpAuthorizationCodeIs400InvalidGrant() {
    HttpResponse<String> response =
        http.postForm(
            "/oauth2/token",
            Map.of(
                "grant_type", "authorization_code", "code", "made-up", "redirect_uri", "http://x"),
            "Authorization",
            basic("auditor", "auditor-dev-secret"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(HttpTestClient.json(response)).containsEntry("error", "invalid_grant");
  }

  @Test
  void bothDiscoveryDocumentsNameTheIssuerAndItsEndpoints() {
    String issuer = SharedDevServer.issuer();
    for (String path :
        List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
      HttpResponse<String> response = http.get(path);

      assertThat(response.statusCode()).as(path).isEqualTo(200);
      Map<String, Object> metadata = HttpTestClient.json(response);
      assertThat(metadata)
          .containsEntry("issuer", issuer)
          .containsEntry("jwks_uri", issuer + "/oauth2/jwks")
          .containsEntry("token_endpoint", issuer + "/oauth2/token")
          .containsEntry("authorization_endpoint", issuer + "/oauth2/authorize");
      assertThat(metadata.get("code_challenge_methods_supported").toString()).contains("S256");
    }
  }

  @Test
  void theJwksPublishesOneRs256SigningKeyWithoutItsPrivateParts() {
    JWKSet jwks = server.servedJwks();

    assertThat(jwks.getKeys())
        .singleElement()
        .satisfies(
            key -> {
              assertThat(key.isPrivate()).isFalse();
              assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
              assertThat(key.getKeyUse().identifier()).isEqualTo("sig");
            });
    assertThat(http.get("/oauth2/jwks").body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
    JWK key = jwks.getKeys().get(0);
    assertThat(key.getKeyID()).isNotBlank();
  }

  @Test
  void healthAndItsProbesAreOpenAndNoOtherActuatorEndpointIs() {
    for (String path :
        List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
      HttpResponse<String> response = http.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(HttpTestClient.json(response)).containsEntry("status", "UP");
    }
    for (String path :
        List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/metrics")) {
      assertThat(http.get(path).statusCode()).as(path).isEqualTo(403);
    }
  }

  @Test
  void browsersOnTheGatewayOriginMayCallTheTokenEndpointOthersMayNot() {
    HttpResponse<String> allowed =
        http.options(
            "/oauth2/token",
            "Origin",
            "http://localhost:8080",
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "content-type");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://localhost:8080");

    HttpResponse<String> refused =
        http.options(
            "/oauth2/token",
            "Origin",
            "http://evil.example",
            "Access-Control-Request-Method",
            "POST");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private static String basic(String clientId, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private static String accessToken(String role) {
    HttpResponse<String> response = http.clientCredentials(role, role + "-dev-secret", true);
    assertThat(response.statusCode()).isEqualTo(200);
    return (String) HttpTestClient.json(response).get("access_token");
  }
}
