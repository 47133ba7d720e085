package org.govchain.seal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.testsupport.service.Problems.expectProblem;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.govchain.anchor.web.security.Role;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.govchain.testsupport.service.SecurityContract;
import org.govchain.testsupport.service.ServiceUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The seal service's security (README, Security) over HTTP: test-support's {@link SecurityContract}
 * against the seal's path → role table, and what is the seal's own.
 */
@WithPostgres
class SealSecurityIT extends SecurityContract {

  private static final String CLERK = Role.SEAL_CLERK.claimValue();
  private static final String AUDITOR = Role.AUDITOR.claimValue();
  private static final String ADMIN = Role.ADMIN.claimValue();

  /** An id no seal or sealing has. */
  private static final String NONE = "00000000-0000-4000-8000-000000000000";

  private static SealApp app;

  @BeforeAll
  static void start(PostgresServer.Database db) {
    app = SealApp.start(db);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Override
  protected ServiceUnderTest service() {
    return app.service;
  }

  @Override
  protected String prefix() {
    return "/api/seal";
  }

  /** SealSecurityConfiguration's table. */
  @Override
  protected List<Route> routes() {
    String[] readers = {CLERK, AUDITOR, ADMIN};
    return List.of(
        Route.of(GET, "/api/seal/seals", readers),
        Route.of(GET, "/api/seal/seals/" + NONE, readers),
        Route.of(GET, "/api/seal/seals/" + NONE + "/image", readers),
        Route.of(GET, "/api/seal/seals/" + NONE + "/proof", readers),
        Route.of(GET, "/api/seal/sealings/" + NONE, readers),
        Route.of(GET, "/api/seal/sealings/" + NONE + "/proof", readers),
        Route.of(POST, "/api/seal/seals", CLERK),
        Route.of(POST, "/api/seal/seals/" + NONE + "/suspend", CLERK),
        Route.of(POST, "/api/seal/seals/" + NONE + "/resume", CLERK),
        Route.of(POST, "/api/seal/seals/" + NONE + "/revoke", CLERK),
        Route.of(POST, "/api/seal/seals/" + NONE + "/sealings", CLERK),
        Route.of(POST, "/api/seal/seals/" + NONE + "/signatures", CLERK),
        Route.open(POST, "/api/seal/verifications"));
  }

  @Override
  protected Set<String> logReaders() {
    return Set.of(CLERK);
  }

  @Override
  protected List<String> writeTables() {
    return List.of(SealApp.WRITE_TABLES);
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
  void wrongMediaTypesAndUnreadableBodiesAreProblemsCarryingTheRequestId() {
    Map<String, Long> before = app.rowCounts();
    expectProblem(
        app.client
            .post()
            .uri("/api/seal/seals")
            .header("X-Request-Id", "err-415")
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("not json")
            .exchange(),
        415,
        "unsupported-media-type",
        "err-415");
    expectProblem(
        app.client
            .post()
            .uri("/api/seal/seals")
            .header("X-Request-Id", "err-400")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"name\":")
            .exchange(),
        400,
        "malformed-request",
        "err-400");
    assertThat(app.rowCounts()).isEqualTo(before);
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
}
