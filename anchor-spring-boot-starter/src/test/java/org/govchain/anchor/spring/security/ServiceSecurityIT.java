package org.govchain.anchor.spring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.govchain.anchor.spring.security.testapp.SecuredTestApplication;
import org.govchain.anchor.web.security.MissingJwtConfigurationException;
import org.govchain.anchor.web.security.TokenValidation;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.govchain.testsupport.service.Problems;
import org.govchain.testsupport.tokens.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@link EnableServiceSecurity} in a real WebFlux application on a random port: the shared parts
 * (tokens, health, actuator, problems, deny by default) around a service's own rules.
 */
@WithPostgres
class ServiceSecurityIT {

  private static final TestIssuer ISSUER = TestIssuer.generate();
  private static PostgresServer.Database database;
  private static ConfigurableApplicationContext app;
  private static WebTestClient web;

  @BeforeAll
  static void start(PostgresServer.Database db) {
    database = db;
    app =
        SecuredTestApplication.start(
            db, TokenValidation.JWT + "public-key-location=" + ISSUER.publicKeyLocation());
    web =
        WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))
            .responseTimeout(Duration.ofSeconds(30))
            .build();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void serviceRulesDecideWithTheTokensRolesAndSubject() {
    expectOk(get("/api/test/records", ISSUER.token("clerk-1", "ssc-clerk")), "read by clerk-1");
    expectOk(get("/api/test/records", ISSUER.token("aud-1", "auditor")), "read by aud-1");
    expectOk(
        web.post()
            .uri("/api/test/records")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + ISSUER.token("clerk-2", "ssc-clerk"))
            .exchange(),
        "written by clerk-2");
    expectProblem(
            web.post()
                .uri("/api/test/records")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ISSUER.token("aud-1", "auditor"))
                .exchange(),
            403,
            "forbidden")
        .jsonPath("$.instance")
        .isEqualTo("/api/test/records");
    expectOk(get("/api/test/open", null), "open");
  }

  @Test
  void noTokenIs401WithPlainBearerChallenge() {
    WebTestClient.ResponseSpec response = get("/api/test/records", null);
    response.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    expectProblem(response, 401, "unauthorized");
  }

  @Test
  void tokenForAnotherAudienceOrFromAnotherKeyIs401InvalidToken() {
    for (String bad :
        List.of(
            ISSUER.sign("clerk-1", Map.of("aud", List.of("ssc"), "roles", List.of("ssc-clerk"))),
            ISSUER.sign("clerk-1", Map.of("roles", List.of("ssc-clerk"))),
            TestIssuer.generate().token("clerk-1", "ssc-clerk"),
            "not.a.jwt")) {
      WebTestClient.ResponseSpec response = get("/api/test/records", bad);
      response
          .expectHeader()
          .value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).contains("invalid_token"));
      expectProblem(response, 401, "unauthorized");
    }
  }

  @Test
  void pathsNoRuleNamesAreDeniedEvenToAdmins() {
    expectProblem(get("/api/test/unlisted", ISSUER.token("ops", "admin")), 403, "forbidden");
    expectProblem(get("/api/test/unlisted", null), 401, "unauthorized");
  }

  @Test
  void healthIsPublicAndTheRestOfTheActuatorIsForAdmins() {
    web.get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .value(status -> assertThat(status).isIn(200, 503))
        .expectBody()
        .jsonPath("$.status")
        .exists();
    expectProblem(get("/actuator/info", null), 401, "unauthorized");
    expectProblem(get("/actuator/info", ISSUER.token("aud-1", "auditor")), 403, "forbidden");
    // past security; the endpoint itself is not exposed here
    get("/actuator/info", ISSUER.token("ops", "admin"))
        .expectStatus()
        .isNotFound()
        .expectBody()
        .returnResult();
  }

  @Test
  void refusesToStartWithoutAnyTokenValidationSetting() {
    assertThatThrownBy(() -> SecuredTestApplication.start(database).close())
        .hasRootCauseInstanceOf(MissingJwtConfigurationException.class)
        .rootCause()
        .hasMessageStartingWith("secured-test refuses to start")
        .hasMessageContaining("GOVCHAIN_JWT_PUBLIC_KEY_LOCATION");
  }

  private static WebTestClient.ResponseSpec get(String path, String token) {
    WebTestClient.RequestHeadersSpec<?> request = web.get().uri(path);
    if (token != null) {
      request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    return request.exchange();
  }

  private static void expectOk(WebTestClient.ResponseSpec response, String body) {
    response.expectStatus().isOk().expectBody(String.class).isEqualTo(body);
  }

  private static WebTestClient.BodyContentSpec expectProblem(
      WebTestClient.ResponseSpec response, int status, String kind) {
    return Problems.expectProblem(response, status, kind)
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).doesNotContain("Exception"));
  }
}
