package org.govchain.seal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.anchor.spring.log.LogAppender;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.govchain.testsupport.service.Problems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A seal write whose log append fails changes nothing: the domain rows roll back with the log
 * entry, and the client gets a problem. The failures are real: a duplicate event appended by
 * another writer, and a CHECK constraint the test adds to the log table (and drops afterwards).
 */
@WithPostgres
class SealRollbackIT {

  private static final String REFUSAL = "test_refuses_event";
  private static SealApp app;

  @BeforeAll
  static void start(PostgresServer.Database db) {
    app = SealApp.start(db);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @AfterEach
  void allowEveryEventAgain() {
    sql("ALTER TABLE govchain_log_entry DROP CONSTRAINT IF EXISTS " + REFUSAL);
  }

  @Test
  void sealingWhoseLogAppendFailsWritesNoSealingAndAnswersAProblem() {
    String id = app.createSeal(SealApp.createRequest("rollback sealing"));
    refuseLogEvents("seal.sealing.created");
    Map<String, Long> before = app.rowCounts();

    expectProblem(stamp(id), 500, "internal-error");
    expectProblem(signHash(id), 500, "internal-error");
    assertThat(app.rowCounts()).isEqualTo(before);
    assertThat(app.count("SELECT count(*) FROM sealing WHERE seal_id = '" + id + "'")).isZero();

    // the same requests succeed once the log accepts the event: the refusal was the only cause
    allowEveryEventAgain();
    stamp(id).expectStatus().isCreated().expectBody(Void.class);
    signHash(id).expectStatus().isCreated().expectBody(Void.class);
    Map<String, Long> after = app.rowCounts();
    assertThat(after.get("sealing")).isEqualTo(before.get("sealing") + 2);
    assertThat(after.get("govchain_log_entry")).isEqualTo(before.get("govchain_log_entry") + 2);
  }

  @Test
  void sealCreationWhoseLogAppendFailsWritesNoSealHistoryOrIdempotencyRecord() {
    refuseLogEvents("seal.seal.created");
    Map<String, Object> request = SealApp.createRequest("rollback creation");
    Map<String, Long> before = app.rowCounts();

    expectProblem(create(request, "rollback-key-1"), 500, "internal-error");
    expectProblem(create(request, null), 500, "internal-error");
    assertThat(app.rowCounts()).isEqualTo(before);

    // nothing was remembered under the key: the retry creates the seal instead of replaying
    allowEveryEventAgain();
    create(request, "rollback-key-1").expectStatus().isCreated().expectBody(Void.class);
    Map<String, Long> after = app.rowCounts();
    assertThat(after.get("seal")).isEqualTo(before.get("seal") + 1);
    assertThat(after.get("seal_status_change")).isEqualTo(before.get("seal_status_change") + 1);
    assertThat(after.get("govchain_idempotency")).isEqualTo(before.get("govchain_idempotency") + 1);
  }

  @Test
  void statusChangeWhoseEventIsAlreadyLoggedIsRolledBackAs409() {
    String id = app.createSeal(SealApp.createRequest("rollback suspension"));
    // another writer has logged version 2 of this seal (e.g. a replica racing this one)
    LogAppender log = app.context.getBean(LogAppender.class);
    log.append(
            EventEnvelope.create(
                log.origin(),
                "seal.seal.suspended",
                id,
                2,
                Instant.now(),
                Map.of("id", id, "status", "SUSPENDED"),
                new SecureRandom()))
        .block();
    Map<String, Long> before = app.rowCounts();

    expectProblem(
        app.client.post().uri("/api/seal/seals/{id}/suspend", id).exchange(), 409, "conflict");

    assertThat(app.rowCounts()).isEqualTo(before);
    app.client
        .get()
        .uri("/api/seal/seals/{id}", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("ACTIVE");
    assertThat(app.count("SELECT version FROM seal WHERE id = '" + id + "'")).isOne();
    assertThat(app.count("SELECT count(*) FROM seal_status_change WHERE seal_id = '" + id + "'"))
        .isOne();
  }

  /** Makes PostgreSQL refuse new log entries of this event type (existing rows are kept). */
  private static void refuseLogEvents(String eventType) {
    sql(
        "ALTER TABLE govchain_log_entry ADD CONSTRAINT "
            + REFUSAL
            + " CHECK (event_type <> '"
            + eventType
            + "') NOT VALID");
  }

  private static void sql(String statement) {
    try (Connection c = app.db.connect();
        Statement s = c.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static WebTestClient.ResponseSpec stamp(String id) {
    return app.client
        .post()
        .uri("/api/seal/seals/{id}/sealings", id)
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .bodyValue(SealApp.sealingForm(SealApp.pdf("rollback contract"), "1"))
        .exchange();
  }

  private static WebTestClient.ResponseSpec signHash(String id) {
    return app.client
        .post()
        .uri("/api/seal/seals/{id}/signatures", id)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "hash",
                HexFormat.of().formatHex(new byte[32]).replace('0', 'a'),
                "hashAlgorithm",
                "SHA-256"))
        .exchange();
  }

  private static WebTestClient.ResponseSpec create(Map<String, Object> request, String key) {
    WebTestClient.RequestBodySpec spec =
        app.client.post().uri("/api/seal/seals").contentType(MediaType.APPLICATION_JSON);
    if (key != null) {
      spec = spec.header("Idempotency-Key", key);
    }
    return spec.bodyValue(new TreeMap<>(request)).exchange();
  }

  private static void expectProblem(WebTestClient.ResponseSpec response, int status, String kind) {
    Problems.expectProblem(response, status, kind)
        .consumeWith(
            answer ->
                assertThat(new String(answer.getResponseBodyContent(), StandardCharsets.UTF_8))
                    .doesNotContain("Exception", "constraint", "at org."));
  }
}
