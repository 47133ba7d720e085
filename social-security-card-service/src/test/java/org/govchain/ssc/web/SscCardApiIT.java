package org.govchain.ssc.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.testsupport.service.Problems.expectProblem;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.govchain.anchor.spring.log.LogReferences;
import org.govchain.ssc.cards.web.CardService;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

/** The card API against a real PostgreSQL: issue, lifecycle, bad input, personal data at rest. */
@WithPostgres
@ExtendWith(OutputCaptureExtension.class)
class SscCardApiIT {

  private static SscApp app;
  private static PostgresServer.Database db;

  @BeforeAll
  static void start(PostgresServer.Database database) {
    db = database;
    app = SscApp.start(database);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void anIssuedCardIsSealedMaskedAndItsPersonalDataIsEncryptedAtRest(CapturedOutput output)
      throws SQLException {
    String idNumber = SscApp.newIdNumber();
    Map<String, Object> request = SscApp.issueRequest(idNumber);
    String id =
        app.issue(request)
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueMatches("Location", "/api/ssc/cards/[0-9a-f-]{36}")
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("SEALED")
            .jsonPath("$.statusCode")
            .isEqualTo(0)
            .jsonPath("$.statusLabel")
            .isEqualTo("封存")
            .jsonPath("$.usable")
            .isEqualTo(false)
            .jsonPath("$.specVersion")
            .isEqualTo("3.00")
            .jsonPath("$.cardNumber")
            .value(n -> assertThat((String) n).matches("X[0-9]{8}"))
            .jsonPath("$.identificationCode")
            .value(c -> assertThat((String) c).matches("360502[0-9A-F]{26}"))
            .jsonPath("$.holder.idNumber")
            .isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14))
            .jsonPath("$.holder.name")
            .isEqualTo("张*丰")
            .jsonPath("$.holder.phone")
            .isEqualTo("138****5678")
            .jsonPath("$.bank.account")
            .isEqualTo("****0123")
            .returnResult()
            .getResponseHeaders()
            .getLocation()
            .getPath()
            .substring("/api/ssc/cards/".length());
    Map<?, ?> card =
        app.clerk
            .get()
            .uri("/api/ssc/cards/{id}", id)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    // ten years minus one day, e.g. 2021-12-03 → 2031-12-02
    assertThat(card.get("expiryDate"))
        .isEqualTo(
            java.time.LocalDate.parse((String) card.get("issueDate"))
                .plusYears(10)
                .minusDays(1)
                .toString());

    // the raw row holds no personal data in clear, in any column
    String raw = rawRow("SELECT * FROM card WHERE id = '" + id + "'");
    for (Object clear : List.of(idNumber, "张三丰", "13812345678", "6222021234567890123")) {
      assertThat(raw).doesNotContain(clear.toString());
    }
    // nor does any log envelope, nor the service's log output
    String envelopes =
        rawRow("SELECT string_agg(convert_from(envelope, 'UTF8'), ' ') FROM govchain_log_entry");
    for (Object clear : List.of(idNumber, "张三丰", "13812345678", "6222021234567890123")) {
      assertThat(envelopes).doesNotContain(clear.toString());
      assertThat(output.getAll()).doesNotContain(clear.toString());
    }
    assertThat(envelopes).contains("\"person\":\"");
    // the capture does see the service's lines (else the checks above prove nothing)
    assertThat(output.getAll()).contains("requestId=").contains("/api/ssc/cards");
  }

  @Test
  void badInputIsAProblemAndWritesNothing(CapturedOutput output) {
    String valid = SscApp.newIdNumber();
    String existing = SscApp.newIdNumber();
    app.issueCard(existing);
    Map<String, Long> before = app.rowCounts();

    char check = valid.charAt(17);
    String wrongCheck = valid.substring(0, 17) + (check == '1' ? '2' : '1');
    expectProblem(app.issue(SscApp.issueRequest(wrongCheck)), 422, "invalid-citizen-id")
        .jsonPath("$.reason")
        .isEqualTo("check-character");
    String impossibleDate = withCheck(valid.substring(0, 6) + "20230230" + valid.substring(14, 17));
    expectProblem(app.issue(SscApp.issueRequest(impossibleDate)), 422, "invalid-citizen-id")
        .jsonPath("$.reason")
        .isEqualTo("birth-date");
    String unknownRegion = withCheck("990101" + valid.substring(6, 17));
    expectProblem(app.issue(SscApp.issueRequest(unknownRegion)), 422, "invalid-citizen-id")
        .jsonPath("$.reason")
        .isEqualTo("region");
    Map<String, Object> badRegion = SscApp.issueRequest(SscApp.newIdNumber());
    badRegion.put("issuingRegion", "99x502");
    expectProblem(app.issue(badRegion), 422, "invalid-region");
    Map<String, Object> badPhone = SscApp.issueRequest(SscApp.newIdNumber());
    badPhone.put("phone", "12345");
    expectProblem(app.issue(badPhone), 422, "invalid-request")
        .jsonPath("$.errors[0].field")
        .isEqualTo("phone");
    expectProblem(app.issue(SscApp.issueRequest(existing)), 409, "card-in-force")
        .jsonPath("$.cardId")
        .isNotEmpty();
    expectProblem(
        app.clerk.get().uri("/api/ssc/cards/00000000-0000-4000-8000-000000000000").exchange(),
        404,
        "unknown-card");
    assertThat(app.rowCounts()).isEqualTo(before);
    for (String clear : List.of(wrongCheck, impossibleDate, unknownRegion, existing)) {
      assertThat(output.getAll()).doesNotContain(clear);
    }
  }

  @Test
  void theLifecycleThroughTheApiWithReplacementLinkedBothWays() {
    String id = app.normalCard();
    app.act(app.holder, id, "temporary-loss", null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.statusCode")
        .isEqualTo(4);
    app.act(app.holder, id, "loss-lifting", null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("NORMAL");
    expectProblem(app.act(app.holder, id, "loss-lifting", null), 409, "illegal-transition")
        .jsonPath("$.cardStatusCode")
        .isEqualTo(1);
    expectProblem(app.act(app.clerk, id, "lock", null), 422, "reason-required");
    app.act(app.clerk, id, "lock", "court order 12")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.statusCode")
        .isEqualTo(3);
    app.act(app.clerk, id, "unlock", "order lifted").expectStatus().isOk().expectBody(Void.class);
    app.act(app.clerk, id, "formal-loss", null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.statusCode")
        .isEqualTo(2);
    String successor =
        app.act(app.clerk, id, "replacement", null)
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id")
            .toString();
    app.clerk
        .get()
        .uri("/api/ssc/cards/{id}", id)
        .exchange()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("FORMAL_LOSS")
        .jsonPath("$.replacedBy")
        .isEqualTo(successor);
    app.clerk
        .get()
        .uri("/api/ssc/cards/{id}", successor)
        .exchange()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("SEALED")
        .jsonPath("$.replaces")
        .isEqualTo(id);
    // the replaced card is frozen: not even cancelled
    expectProblem(app.act(app.clerk, id, "cancellation", "death"), 409, "illegal-transition")
        .jsonPath("$.replaced")
        .isEqualTo(true);
    // exchange of the successor, once active: the old one cancelled, a third card
    String code = app.activationCode(successor);
    app.holder
        .post()
        .uri("/api/ssc/cards/{id}/activation", successor)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("activationCode", code))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Void.class);
    String third =
        app.clerk
            .post()
            .uri("/api/ssc/cards/{id}/exchange", successor)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("kind", "WARRANTY"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id")
            .toString();
    app.clerk
        .get()
        .uri("/api/ssc/cards/{id}", successor)
        .exchange()
        .expectBody()
        .jsonPath("$.statusCode")
        .isEqualTo(9)
        .jsonPath("$.replacedBy")
        .isEqualTo(third);
    app.act(app.clerk, third, "cancellation", "moved away")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("CANCELLED");
    expectProblem(app.act(app.clerk, third, "cancellation", "again"), 409, "illegal-transition");
    // every event is in the first card's history, with its version
    app.clerk
        .get()
        .uri("/api/ssc/cards/{id}/history", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[*].event.type")
        .value(
            types ->
                assertThat((List<Object>) types)
                    .containsExactly(
                        "ssc.card.issued",
                        "ssc.card.activated",
                        "ssc.card.temporary-loss-reported",
                        "ssc.card.loss-lifted",
                        "ssc.card.locked",
                        "ssc.card.unlocked",
                        "ssc.card.formal-loss-reported",
                        "ssc.card.replaced"));
  }

  @Test
  void activationCodesAreOneTimeAndWrongOnesRunOut() {
    String id = app.issueCard();
    String code = app.activationCode(id);
    String wrong = code.equals("00000000") ? "11111111" : "00000000";
    Map<String, Long> before = app.rowCounts();
    expectProblem(activate(id, wrong), 422, "invalid-activation-code");
    assertThat(app.rowCounts()).isEqualTo(before);
    assertThat(app.count("SELECT failures FROM card_activation WHERE card_id = '" + id + "'"))
        .isEqualTo(1);
    activate(id, code).expectStatus().isOk().expectBody(Void.class);
    expectProblem(activate(id, code), 409, "illegal-transition");

    String other = app.issueCard();
    String otherCode = app.activationCode(other);
    for (int i = 0; i < 5; i++) {
      expectProblem(activate(other, wrong), 422, "invalid-activation-code");
    }
    // five wrong codes: the right one no longer works; a new code from the clerk does
    expectProblem(activate(other, otherCode), 422, "invalid-activation-code");
    activate(other, app.activationCode(other)).expectStatus().isOk().expectBody(Void.class);
  }

  @Test
  void aClearReadNeedsAReasonAndIsItselfLogged() {
    String idNumber = SscApp.newIdNumber();
    String id = app.issueCard(idNumber);
    Map<String, Long> before = app.rowCounts();
    expectProblem(app.act(app.auditor, id, "personal-data", " "), 422, "reason-required");
    assertThat(app.rowCounts()).isEqualTo(before);
    app.act(app.auditor, id, "personal-data", "audit 2026-17")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.idNumber")
        .isEqualTo(idNumber)
        .jsonPath("$.name")
        .isEqualTo("张三丰")
        .jsonPath("$.bankAccount")
        .isEqualTo("6222021234567890123");
    // who read and why, as keyed references (the envelope is public); in clear in the history
    LogReferences references = app.service.context().getBean(LogReferences.class);
    assertThat(
            app.count(
                "SELECT count(*) FROM govchain_log_entry WHERE subject = '"
                    + id
                    + "' AND event_type = 'ssc.card.personal-data-read'"
                    + " AND convert_from(envelope, 'UTF8') LIKE '%\"reason\":\""
                    + references.reason("audit 2026-17")
                    + "\"%'"
                    + " AND convert_from(envelope, 'UTF8') LIKE '%\"actor\":\""
                    + references.staff(SscApp.AUDITOR)
                    + "\"%'"
                    + " AND convert_from(envelope, 'UTF8') NOT LIKE '%audit 2026%'"
                    + " AND convert_from(envelope, 'UTF8') NOT LIKE '%auditor-li%'"))
        .isEqualTo(1);
    app.auditor
        .get()
        .uri("/api/ssc/cards/{id}/history", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[?(@.event.type == 'ssc.card.personal-data-read')].event.reason")
        .isEqualTo(List.of("audit 2026-17"))
        .jsonPath("$[?(@.event.type == 'ssc.card.personal-data-read')].event.actor")
        .isEqualTo(List.of(SscApp.AUDITOR));
  }

  @Test
  void aTemporaryLossNotLiftedWithinFifteenDaysBecomesFormal() {
    String swept = app.normalCard();
    String touched = app.normalCard();
    app.act(app.holder, swept, "temporary-loss", null).expectStatus().isOk().expectBody(Void.class);
    app.act(app.holder, touched, "temporary-loss", null)
        .expectStatus()
        .isOk()
        .expectBody(Void.class);
    app.service.clock().advance(Duration.ofDays(15).plusMinutes(1));
    // a change of the card formalises it first: lifting is no longer possible
    expectProblem(app.act(app.holder, touched, "loss-lifting", null), 409, "illegal-transition")
        .jsonPath("$.cardStatus")
        .isEqualTo("FORMAL_LOSS");
    // the sweep formalises the other
    Long formalised = app.service.context().getBean(CardService.class).formaliseDueLosses().block();
    assertThat(formalised).isGreaterThanOrEqualTo(1);
    app.clerk
        .get()
        .uri("/api/ssc/cards/{id}", swept)
        .exchange()
        .expectBody()
        .jsonPath("$.statusCode")
        .isEqualTo(2);
  }

  @Test
  void concurrentChangesOfOneCardEndInOneConsistentState() throws Exception {
    String id = app.normalCard();
    List<CompletableFuture<Integer>> answers = new ArrayList<>();
    String[] actions = {"temporary-loss", "formal-loss", "lock", "temporary-loss", "formal-loss"};
    for (String action : actions) {
      answers.add(
          CompletableFuture.supplyAsync(
              () ->
                  app.act(app.clerk, id, action, "concurrent")
                      .expectBody(byte[].class)
                      .returnResult()
                      .getStatus()
                      .value()));
    }
    Map<Integer, Integer> byStatus = new HashMap<>();
    for (CompletableFuture<Integer> answer : answers) {
      byStatus.merge(answer.get(), 1, Integer::sum);
    }
    assertThat(byStatus.keySet()).isSubsetOf(200, 409);
    long version = app.count("SELECT version FROM card WHERE id = '" + id + "'");
    long events = app.count("SELECT count(*) FROM card_event WHERE card_id = '" + id + "'");
    long logged = app.count("SELECT count(*) FROM govchain_log_entry WHERE subject = '" + id + "'");
    // issued, activated, then one event per accepted change: versions have no gap
    assertThat(events).isEqualTo(version).isEqualTo(logged).isEqualTo(2 + byStatus.get(200));
  }

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec activate(
      String id, String code) {
    return app.holder
        .post()
        .uri("/api/ssc/cards/{id}/activation", id)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("activationCode", code))
        .exchange();
  }

  /** {@code first17} with its correct MOD 11-2 check character. */
  private static String withCheck(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  @Test
  void aPersonsCardsAreLookedUpThroughAnIndexWhateverTheirStatus() throws SQLException {
    // the one-in-force check before every issue and the search by ID number read all of a
    // person's cards; card_one_in_force, partial, covers only those in force. With sequential
    // scans priced out, the plan shows whether an index serves the query
    StringBuilder plan = new StringBuilder();
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("SET enable_seqscan = off");
      try (ResultSet rs =
          s.executeQuery(
              "EXPLAIN SELECT id FROM card WHERE id_number_hash = '\\x00'::bytea"
                  + " ORDER BY created_at DESC, id")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    assertThat(plan.toString()).contains("card_id_number_hash").doesNotContain("Seq Scan");
  }

  private static String rawRow(String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      StringBuilder all = new StringBuilder();
      while (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          Object value = rs.getObject(i);
          all.append(
                  value instanceof byte[] bytes
                      ? new String(bytes, StandardCharsets.UTF_8)
                          + new String(bytes, StandardCharsets.ISO_8859_1)
                      : String.valueOf(value))
              .append('|');
        }
      }
      return all.toString();
    }
  }
}
