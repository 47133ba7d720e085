package org.govchain.seal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.govchain.anchor.web.security.MissingJwtConfigurationException;
import org.govchain.seal.SealServiceApplication;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.govchain.testsupport.tokens.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The seal service's OAuth2 resource server rules (README, Security) over HTTP. */
@WithPostgres
class SealSecurityIT {

  private static final String PROBLEMS = "https://govchain.example/problems/";
  private static SealApp app;

  private static PostgresServer.Database database;

  @BeforeAll
  static void start(PostgresServer.Database db) {
    database = db;
    app = SealApp.start(db);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void requestWithoutTokenIs401ProblemWithBearerChallengeAndWritesNothing() {
    Map<String, Long> before = app.rowCounts();
    String body =
        app.anonymous
            .post()
            .uri("/api/seal/seals")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(SealApp.createRequest("no token"))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(body).doesNotContain("Exception", "trace", "at org.");
    assertThat(app.rowCounts()).isEqualTo(before);
    expectProblem(app.anonymous.get().uri("/api/seal/seals").exchange(), 401, "unauthorized")
        .jsonPath("$.instance")
        .isEqualTo("/api/seal/seals");
  }

  @Test
  void expiredTokenIs401() {
    Instant now = Instant.now();
    String expired =
        app.tokens.sign(
            SealApp.CLERK,
            Map.of("roles", List.of("seal-clerk")),
            now.minus(Duration.ofHours(1)),
            now.minus(Duration.ofMinutes(10)));
    WebTestClient.ResponseSpec response =
        app.withToken(expired).get().uri("/api/seal/seals").exchange();
    response
        .expectHeader()
        .value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).contains("invalid_token"));
    expectProblem(response, 401, "unauthorized");
  }

  @Test
  void tokenSignedByAnotherKeyIs401() {
    String forged = TestIssuer.generate().token(SealApp.CLERK, "seal-clerk", "auditor", "admin");
    expectProblem(
        app.withToken(forged)
            .post()
            .uri("/api/seal/seals")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(SealApp.createRequest("forged"))
            .exchange(),
        401,
        "unauthorized");
    expectProblem(
        app.withToken("not.a.jwt").get().uri("/api/seal/seals").exchange(), 401, "unauthorized");
  }

  @Test
  void tokenWithoutSubjectIs401() {
    Instant now = Instant.now();
    String anonymousClerk =
        app.tokens.sign(null, Map.of("roles", List.of("seal-clerk")), now, now.plusSeconds(600));
    expectProblem(
        app.withToken(anonymousClerk).get().uri("/api/seal/seals").exchange(), 401, "unauthorized");
  }

  @Test
  void tokenWithoutAudienceIs401AndWritesNothing() {
    Instant now = Instant.now();
    String noAudience =
        app.tokens.signExactly(
            SealApp.CLERK, Map.of("roles", List.of("seal-clerk")), now, now.plusSeconds(600));
    Map<String, Long> before = app.rowCounts();
    WebTestClient.ResponseSpec response =
        app.withToken(noAudience)
            .post()
            .uri("/api/seal/seals")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(SealApp.createRequest("no audience"))
            .exchange();
    response
        .expectHeader()
        .value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).contains("invalid_token"));
    expectProblem(response, 401, "unauthorized");
    assertThat(app.rowCounts()).isEqualTo(before);
  }

  @Test
  void tokenForAnotherAudienceIs401() {
    Instant now = Instant.now();
    for (Object audience : List.of(List.of("ssc"), "accounting", List.of("govchain-test"))) {
      String foreign =
          app.tokens.sign(
              SealApp.CLERK,
              Map.of("roles", List.of("seal-clerk"), "aud", audience),
              now,
              now.plusSeconds(600));
      expectProblem(
          app.withToken(foreign).get().uri("/api/seal/seals").exchange(), 401, "unauthorized");
    }
  }

  @Test
  void tokenWhoseAudiencesIncludeGovchainIsAccepted() {
    Instant now = Instant.now();
    for (Object audience : List.of("govchain", List.of("ssc", "govchain"))) {
      String token =
          app.tokens.sign(
              SealApp.AUDITOR,
              Map.of("roles", List.of("auditor"), "aud", audience),
              now,
              now.plusSeconds(600));
      app.withToken(token)
          .get()
          .uri("/api/seal/seals")
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody(Void.class);
    }
  }

  @Test
  void auditorReadsButCannotCreateChangeOrSeal() {
    String id = app.createSeal(SealApp.createRequest("auditor reads"));
    app.auditor
        .get()
        .uri("/api/seal/seals/{id}", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Void.class);
    app.auditor
        .get()
        .uri("/api/seal/seals")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Void.class);
    app.auditor
        .get()
        .uri("/api/seal/seals/{id}/image", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Void.class);

    Map<String, Long> before = app.rowCounts();
    expectProblem(
            app.auditor
                .post()
                .uri("/api/seal/seals")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(SealApp.createRequest("auditor creates"))
                .exchange(),
            403,
            "forbidden")
        .jsonPath("$.instance")
        .isEqualTo("/api/seal/seals");
    expectProblem(
        app.auditor
            .post()
            .uri("/api/seal/seals/{id}/sealings", id)
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .bodyValue(SealApp.sealingForm(SealApp.pdf("auditor seals"), "1"))
            .exchange(),
        403,
        "forbidden");
    expectProblem(
        app.auditor.post().uri("/api/seal/seals/{id}/suspend", id).exchange(), 403, "forbidden");
    assertThat(app.rowCounts()).isEqualTo(before);
  }

  @Test
  void tokenWithoutAnyRoleIsForbiddenToRead() {
    expectProblem(
        app.withToken(app.tokens.token("nobody")).get().uri("/api/seal/seals").exchange(),
        403,
        "forbidden");
  }

  @Test
  void sealClerkCreatesAndSealsAndIsRecordedAsTheOperator() {
    String id = app.createSeal(SealApp.createRequest("clerk seals"));
    var stamped =
        app.client
            .post()
            .uri("/api/seal/seals/{id}/sealings", id)
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .bodyValue(SealApp.sealingForm(SealApp.pdf("clerk contract"), "1"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(byte[].class)
            .returnResult();
    String sealingId = stamped.getResponseHeaders().getFirst("Sealing-Id");
    app.auditor
        .get()
        .uri("/api/seal/sealings/{id}", sealingId)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.operator")
        .isEqualTo(SealApp.CLERK);
    assertThat(app.count("SELECT count(*) FROM sealing WHERE operator = '" + SealApp.CLERK + "'"))
        .isPositive();
  }

  @Test
  void verificationNeedsNoToken() {
    app.anonymous
        .post()
        .uri("/api/seal/verifications")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .bodyValue(SealApp.verificationForm(SealApp.pdf("unsigned"), null))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.verdict")
        .isEqualTo("NOT_SIGNED");
  }

  @Test
  void healthAndProbesAreOpen() {
    for (String path :
        List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
      app.anonymous
          .get()
          .uri(path)
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo("UP");
    }
  }

  @Test
  void prometheusNeedsAdmin() {
    expectProblem(app.anonymous.get().uri("/actuator/prometheus").exchange(), 401, "unauthorized");
    expectProblem(app.auditor.get().uri("/actuator/prometheus").exchange(), 403, "forbidden");
    String metrics =
        app.withToken(app.tokens.token("ops-zhao", "admin"))
            .get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(metrics).contains("jvm_");
  }

  @Test
  void logEntriesNeedAuditorWhileProofsAndCheckpointsAreForClerksToo() throws Exception {
    app.createSeal(SealApp.createRequest("logged"));
    expectProblem(
        app.anonymous.get().uri("/api/seal/log/entries/0").exchange(), 401, "unauthorized");
    expectProblem(app.client.get().uri("/api/seal/log/entries/0").exchange(), 403, "forbidden");
    awaitOk(app.auditor, "/api/seal/log/entries/0");
    awaitOk(app.withToken(app.tokens.token("ops-zhao", "admin")), "/api/seal/log/entries/0");
    awaitOk(app.client, "/api/seal/log/checkpoint");
    awaitOk(app.client, "/api/seal/log/proofs/inclusion?index=0&size=1");
    expectProblem(
        app.anonymous.get().uri("/api/seal/log/checkpoint").exchange(), 401, "unauthorized");
  }

  @Test
  void refusesToStartWithoutAnyTokenValidationSetting() throws Exception {
    List<String> args = new java.util.ArrayList<>();
    for (String p : database.springProperties()) {
      args.add("--" + p);
    }
    args.add("--server.port=0");
    args.add("--spring.main.banner-mode=off");
    args.add(
        "--govchain.seal.ca.data-dir=" + java.nio.file.Files.createTempDirectory("seal-nojwt"));
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(SealServiceApplication.class)
                    .run(args.toArray(String[]::new))
                    .close())
        .hasRootCauseInstanceOf(MissingJwtConfigurationException.class)
        .rootCause()
        .hasMessageContaining("GOVCHAIN_JWT_ISSUER_URI");
  }

  /** Polls the running service until {@code path} answers 200 (the sequencer runs every 100 ms). */
  private static void awaitOk(WebTestClient client, String path) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    int status = 0;
    while (Instant.now().isBefore(deadline)) {
      // expectBody reads the whole answer, so the connection goes back to the pool clean
      status =
          client
              .get()
              .uri(path)
              .exchange()
              .expectBody(byte[].class)
              .returnResult()
              .getStatus()
              .value();
      if (status == 200) {
        return;
      }
      assertThat(status).as("%s is allowed", path).isNotIn(401, 403);
      Thread.sleep(100); // polling the real application with a deadline
    }
    throw new AssertionError(path + " answered " + status + ", not 200, within 30 s");
  }

  @Test
  void bearerTokensThatAreNotSignedJwtsAre401NotServerErrors() {
    app.tokens
        .malformedTokens()
        .forEach(
            (shape, token) -> {
              Map<String, Long> before = app.rowCounts();
              expectProblem(
                      app.withToken(token)
                          .post()
                          .uri("/api/seal/seals")
                          .contentType(MediaType.APPLICATION_JSON)
                          .bodyValue(SealApp.createRequest(shape))
                          .exchange(),
                      401,
                      "unauthorized")
                  .jsonPath("$.requestId")
                  .isNotEmpty();
              assertThat(app.rowCounts()).as(shape).isEqualTo(before);
            });
  }

  @Test
  void aScopeNamedLikeARoleGrantsNothing() {
    Instant now = Instant.now();
    String scoped =
        app.tokens.sign(
            SealApp.CLERK,
            Map.of("scope", "seal-clerk admin", "scp", List.of("seal-clerk")),
            now,
            now.plusSeconds(600));
    expectProblem(app.withToken(scoped).get().uri("/api/seal/seals").exchange(), 403, "forbidden");
  }

  @Test
  void everyErrorIsAProblemCarryingTheRequestId() {
    expectProblem(
            app.client
                .get()
                .uri("/api/seal/no-such-resource")
                .header("X-Request-Id", "err-404")
                .exchange(),
            403,
            "forbidden")
        .jsonPath("$.requestId")
        .isEqualTo("err-404");
    expectProblem(
            app.client
                .post()
                .uri("/api/seal/seals")
                .header("X-Request-Id", "err-415")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("not json")
                .exchange(),
            415,
            "unsupported-media-type")
        .jsonPath("$.requestId")
        .isEqualTo("err-415");
    expectProblem(
            app.client
                .post()
                .uri("/api/seal/seals")
                .header("X-Request-Id", "err-400")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":")
                .exchange(),
            400,
            "malformed-request")
        .jsonPath("$.requestId")
        .isEqualTo("err-400");
    for (String path :
        List.of("/api/seal/seals/../seals", "/api/seal/seals;x=1", "/api//seal/seals")) {
      expectProblem(
              app.client
                  .get()
                  .uri(java.net.URI.create(app.baseUrl() + path))
                  .header("X-Request-Id", "err-firewall")
                  .exchange(),
              400,
              "malformed-request")
          .jsonPath("$.requestId")
          .isEqualTo("err-firewall");
    }
  }

  @Test
  void jsonBodiesHaveTheConfiguredLimitAnsweredAsOurProblem() {
    // 600 KB of JSON is under the 2 MB limit (the codec's own default was 256 KB): decoded and
    // judged on its content
    Map<String, Object> big = SealApp.createRequest("x".repeat(600 * 1024));
    expectProblem(
        app.client
            .post()
            .uri("/api/seal/seals")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(big)
            .exchange(),
        422,
        "invalid-request");
    Map<String, Long> before = app.rowCounts();
    Map<String, Object> tooBig = SealApp.createRequest("x".repeat(3 * 1024 * 1024));
    expectProblem(
            app.client
                .post()
                .uri("/api/seal/seals")
                .header("X-Request-Id", "too-big")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(tooBig)
                .exchange(),
            413,
            "payload-too-large")
        .jsonPath("$.maxBytes")
        .isEqualTo(2 * 1024 * 1024)
        .jsonPath("$.requestId")
        .isEqualTo("too-big")
        .jsonPath("$.detail")
        .value(d -> assertThat(d.toString()).doesNotContain("Exceeded limit", "buffer"));
    assertThat(app.rowCounts()).isEqualTo(before);
  }

  private static WebTestClient.BodyContentSpec expectProblem(
      WebTestClient.ResponseSpec response, int status, String kind) {
    return response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(PROBLEMS + kind)
        .jsonPath("$.status")
        .isEqualTo(status)
        .jsonPath("$.trace")
        .doesNotExist();
  }
}
