package org.govchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.govchain.testsupport.process.Http;
import org.govchain.testsupport.samples.SealSamples;
import org.govchain.testsupport.tokens.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Tokens at the gateway (configured with the real auth server's issuer): missing, expired, signed
 * by a key the issuer does not publish, for another audience or issuer, or without the route's role
 * are refused as problems with a Bearer challenge; CORS and security headers.
 */
@ExtendWith(SuiteExtension.class)
class GatewaySecurityIT {

  private static final String PROBLEMS = "https://govchain.example/problems/";

  @Test
  void everyOperationAnswersEachCallerAsTheReadmesAccessTableSays(Suite suite) {
    AuthorizationMatrix.Result matrix =
        AuthorizationMatrix.run(
            suite,
            AuthorizationMatrix.readme("seal-service"),
            "/api/seal",
            suite.direct(),
            suite.viaGateway());
    System.out.printf(
        "[matrix] seal requests=%d findings=%d%n", matrix.requests(), matrix.findings().size());
    assertThat(matrix.findings()).isEmpty();
  }

  @Test
  void requestWithoutTokenIsRefusedWith401Problem(Suite suite) {
    Http.Response answer = suite.viaGateway().get("/api/seal/seals", null);
    assertProblem(answer, 401, "unauthorized");
    assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @Test
  void expiredTokenOfTheIssuerIsRefusedWith401ProblemByGatewayAndService(Suite suite) {
    Instant issued = Instant.now().minus(Duration.ofHours(2));
    String expired =
        suite.issuerKeyTokens.signExactly(
            "seal-clerk",
            Map.of("roles", List.of("seal-clerk"), "aud", List.of(TestIssuer.AUDIENCE.get(0))),
            issued,
            issued.plus(Duration.ofMinutes(10)));
    Http.Response answer = suite.viaGateway().get("/api/seal/seals", expired);
    assertProblem(answer, 401, "unauthorized");
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
    assertThat(suite.direct().get("/api/seal/seals", expired).status())
        .as("the service checks again")
        .isEqualTo(401);
  }

  @Test
  void tokenSignedByAKeyTheIssuerDoesNotPublishIsRefusedWith401Problem(Suite suite) {
    // everything else as the auth server would issue it: iss, sub, roles, aud, times
    String forged = TestIssuer.foreignKey(suite.auth.issuer()).token("seal-clerk", "seal-clerk");
    Http.Response answer = suite.viaGateway().get("/api/seal/seals", forged);
    assertProblem(answer, 401, "unauthorized");
    assertThat(answer.header("WWW-Authenticate")).contains("invalid_token");
    Http.Response direct = suite.direct().get("/api/seal/seals", forged);
    assertThat(direct.status()).as("the service checks again: %s", direct).isEqualTo(401);
  }

  @Test
  void tokenForAnotherAudienceIsRefusedByTheGatewayAndTheService(Suite suite) {
    Instant now = Instant.now();
    String foreign =
        suite.issuerKeyTokens.signExactly(
            "seal-clerk",
            Map.of("roles", List.of("seal-clerk"), "aud", List.of("another-system")),
            now,
            now.plus(Duration.ofMinutes(5)));
    Http.Response answer = suite.viaGateway().get("/api/seal/seals", foreign);
    assertProblem(answer, 401, "unauthorized");
    assertThat(answer.json().path("detail").asString()).contains("audience");
    assertThat(suite.direct().get("/api/seal/seals", foreign).status())
        .as("the service checks aud too")
        .isEqualTo(401);
  }

  @Test
  void tokenOfAnotherIssuerIsRefusedEvenWithTheTrustedKey(Suite suite) {
    Instant now = Instant.now();
    String otherIssuer =
        suite.issuerKeyTokens.signExactly(
            "seal-clerk",
            Map.of(
                "iss",
                "https://idp.elsewhere.example",
                "roles",
                List.of("seal-clerk"),
                "aud",
                List.of(TestIssuer.AUDIENCE.get(0))),
            now,
            now.plus(Duration.ofMinutes(5)));
    Http.Response answer = suite.viaGateway().get("/api/seal/seals", otherIssuer);
    assertProblem(answer, 401, "unauthorized");
    assertThat(suite.direct().get("/api/seal/seals", otherIssuer).status())
        .as("the service checks iss too")
        .isEqualTo(401);
  }

  @Test
  void theSameClaimsSignedWithTheIssuerKeyAreAccepted(Suite suite) {
    // the control for the refusals above: only the one wrong claim or key made them fail
    String wellFormed = suite.issuerKeyTokens.token("auditor", "auditor");
    assertThat(suite.viaGateway().get("/api/seal/seals", wellFormed).status()).isEqualTo(200);
    assertThat(suite.direct().get("/api/seal/seals", wellFormed).status()).isEqualTo(200);
  }

  @Test
  void tokenWithoutTheRouteRoleIsRefusedWith403Problem(Suite suite) {
    Http gateway = suite.viaGateway();
    Http.Response sscClerkReadingSeals = gateway.get("/api/seal/seals", suite.token("ssc-clerk"));
    assertProblem(sscClerkReadingSeals, 403, "forbidden");
    assertThat(sscClerkReadingSeals.header("WWW-Authenticate")).contains("insufficient_scope");

    Http.Response auditorCreatingASeal =
        gateway.postJson(
            "/api/seal/seals", suite.token("auditor"), SealSamples.sealRequest("never created"));
    assertProblem(auditorCreatingASeal, 403, "forbidden");

    Http.Response clerkReadingFullLogEntries =
        gateway.get("/api/seal/log/entries/0", suite.token("seal-clerk"));
    assertProblem(clerkReadingFullLogEntries, 403, "forbidden");

    Http.Response auditorVerifyingQrCodes =
        gateway.postJson("/api/ssc/qr-verifications", suite.token("auditor"), Map.of());
    assertProblem(auditorVerifyingQrCodes, 403, "forbidden");
  }

  @Test
  void unknownPathsAndActuatorEndpointsNeedAdmin(Suite suite) {
    Http gateway = suite.viaGateway();
    String clerk = suite.token("seal-clerk");
    assertProblem(gateway.get("/api/unknown/things", clerk), 403, "forbidden");
    assertProblem(gateway.get("/actuator/prometheus", clerk), 403, "forbidden");
    Http.Response metrics = gateway.get("/actuator/prometheus", suite.token("admin"));
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.text()).contains("resilience4j_circuitbreaker_state");
    assertThat(gateway.get("/actuator/health", null).status()).isEqualTo(200);
  }

  @Test
  void bearerTokensThatAreNotSignedJwtsAre401AtTheGatewayAndTheServiceNever500(Suite suite) {
    TestIssuer.generate()
        .malformedTokens()
        .forEach(
            (shape, token) -> {
              Http.Response answer = suite.viaGateway().get("/api/seal/seals", token);
              assertProblem(answer, 401, "unauthorized");
              assertThat(answer.header("WWW-Authenticate")).as(shape).contains("invalid_token");
              Http.Response direct = suite.direct().get("/api/seal/seals", token);
              assertThat(direct.status()).as("the service, %s: %s", shape, direct).isEqualTo(401);
            });
  }

  @Test
  void errorsTheGatewayAnswersItselfAreProblemsCarryingTheRequestId(Suite suite) {
    Http gateway = suite.viaGateway();
    // a path no route serves is refused, even for an admin
    Http.Response noRoute =
        gateway.get("/api/unknown/things", suite.token("admin"), Map.of("X-Request-Id", "gw-403"));
    assertProblem(noRoute, 403, "forbidden");
    assertThat(noRoute.header("X-Request-Id")).isEqualTo("gw-403");
    // a public path with nothing there: the gateway's own 404, as a problem
    Http.Response missing =
        gateway.get("/webjars/no-such-file.js", null, Map.of("X-Request-Id", "gw-404"));
    assertProblem(missing, 404, "not-found");
    assertThat(missing.header("X-Request-Id")).isEqualTo("gw-404");
    for (String path : List.of("/api//seal/seals", "/api/seal/seals;jsessionid=1")) {
      Http.Response refused =
          gateway.get(path, suite.token("seal-clerk"), Map.of("X-Request-Id", "gw-400"));
      assertProblem(refused, 400, "malformed-request");
      assertThat(refused.header("X-Request-Id")).isEqualTo("gw-400");
    }
  }

  @Test
  void responsesCarrySecurityHeaders(Suite suite) {
    Http.Response answer = suite.viaGateway().get("/api/seal/seals", suite.token("auditor"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.raw().headers().allValues("X-Frame-Options")).containsExactly("DENY");
    assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(answer.header("Content-Security-Policy")).contains("default-src 'none'");
    // plain HTTP here: HSTS only over HTTPS
    assertThat(answer.header("Strict-Transport-Security")).isNull();
  }

  @Test
  void corsAllowsOnlyTheConfiguredFrontEnd(Suite suite) {
    Http gateway = suite.viaGateway();
    Http.Response allowed = gateway.send(preflight(gateway, Suite.FRONT_END));
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(Suite.FRONT_END);
    assertThat(allowed.header("Access-Control-Allow-Headers"))
        .containsIgnoringCase("authorization");

    Http.Response refused = gateway.send(preflight(gateway, "https://evil.example"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Access-Control-Allow-Origin")).isNull();

    Http.Response actual =
        gateway.get("/api/seal/seals", suite.token("auditor"), Map.of("Origin", Suite.FRONT_END));
    assertThat(actual.status()).isEqualTo(200);
    assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo(Suite.FRONT_END);
    assertThat(actual.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
  }

  private static HttpRequest preflight(Http gateway, String origin) {
    return gateway
        .request(
            "/api/seal/seals",
            null,
            Map.of(
                "Origin", origin,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .build();
  }

  static void assertProblem(Http.Response answer, int status, String kind) {
    assertThat(answer.status()).as("%s", answer).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = answer.json();
    assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + kind);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(answer.header("X-Request-Id")).as("request id on every answer").isNotBlank();
    assertThat(problem.path("requestId").asString())
        .as("the problem names the request id")
        .isEqualTo(answer.header("X-Request-Id"));
  }

  /**
   * Asserts that the gateway at {@code gateway} serves the document of the service under {@code
   * prefix} without a token, as JSON and as YAML, both describing paths under the prefix.
   */
  static void assertServiceDocumentsPublic(Http gateway, String prefix) {
    Http.Response json = gateway.get(prefix + "/v3/api-docs", null);
    assertThat(json.status()).as("%s", json).isEqualTo(200);
    assertThat(json.json().path("openapi").asString()).startsWith("3.");
    assertThat(json.json().path("paths").propertyNames()).anyMatch(p -> p.startsWith(prefix + "/"));
    Http.Response yaml = gateway.get(prefix + "/v3/api-docs.yaml", null);
    assertThat(yaml.status()).as("%s", yaml).isEqualTo(200);
    assertThat(yaml.header("Content-Type")).startsWith("application/vnd.oai.openapi");
    assertThat(yaml.text()).startsWith("openapi: 3.").contains("\n  " + prefix + "/");
  }
}
