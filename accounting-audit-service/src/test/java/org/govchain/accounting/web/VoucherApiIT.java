package org.govchain.accounting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.govchain.accounting.web.AccountingApp.credit;
import static org.govchain.accounting.web.AccountingApp.debit;
import static org.govchain.accounting.web.AccountingApp.voucher;
import static org.govchain.testsupport.service.Problems.expectProblem;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The unit and voucher API against a real PostgreSQL: registration, sub-accounts, prepare → review
 * → post with numbers and the hash chain, every refusal leaving the tables unchanged, the database
 * refusing to change posted vouchers, red reversals, concurrent postings.
 */
@WithPostgres
class VoucherApiIT {

  private static AccountingApp app;
  private static PostgresServer.Database db;
  private static String unitId;

  /** Quota received: Dr 1011 / Cr 4001 and Dr 8001 / Cr 6001 (parallel bookkeeping). */
  static List<Map<String, Object>> quota(String amount) {
    return List.of(
        debit("1011", amount),
        credit("4001", amount),
        debit("8001", amount),
        credit("6001", amount));
  }

  @BeforeAll
  static void start(PostgresServer.Database database) {
    db = database;
    app = AccountingApp.start(database);
    unitId = app.registerUnit(AccountingApp.UNIT_CODE, "2026-01");
    app.addAccount(unitId, "1002.01", "工商银行基本户");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  // ---- units

  @Test
  void aUnitIsRegisteredByAnAdminOnceWithAValidCreditCode() {
    Map<String, Object> body =
        Map.of(
            "creditCode", AccountingApp.UNIT_CODE,
            "name", "重复",
            "region", "513200",
            "type", "ADMINISTRATIVE",
            "firstPeriod", "2026-01");
    expectProblem(post(app.admin, "/api/accounting/units", body), 409, "unit-exists");

    Map<String, Object> corrupted = new java.util.HashMap<>(body);
    corrupted.put("creditCode", "115132000088000109");
    Map<String, Long> before = app.service.rowCounts(AccountingApp.WRITE_TABLES);
    expectProblem(post(app.admin, "/api/accounting/units", corrupted), 422, "invalid-credit-code")
        .jsonPath("$.errors[0].field")
        .isEqualTo("creditCode");
    assertThat(app.service.rowCounts(AccountingApp.WRITE_TABLES)).isEqualTo(before);

    expectProblem(post(app.preparer, "/api/accounting/units", body), 403, "forbidden");
  }

  @Test
  void aClerkSeesOnlyTheirOwnUnitAndAuditorsSeeEveryUnit() {
    app.preparer
        .get()
        .uri("/api/accounting/units/{id}", unitId)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.creditCode")
        .isEqualTo(AccountingApp.UNIT_CODE);
    expectProblem(
        app.otherClerk.get().uri("/api/accounting/units/{id}", unitId).exchange(),
        403,
        "foreign-unit");
    app.auditor
        .get()
        .uri("/api/accounting/units/{id}", unitId)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Void.class);
    app.otherClerk
        .get()
        .uri("/api/accounting/units")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.total")
        .isEqualTo(0);
  }

  @Test
  void aParentWithASubAccountTakesNoPostings() {
    Map<String, Long> before = app.service.rowCounts(AccountingApp.WRITE_TABLES);
    expectProblem(
            app.prepare(
                unitId,
                voucher(
                    "2026-03",
                    "2026-03-02",
                    "提取备用金",
                    List.of(debit("1001", "500.00"), credit("1002", "500.00")))),
            422,
            "invalid-account")
        .jsonPath("$.errors[0].field")
        .isEqualTo("lines[1].account");
    assertThat(app.service.rowCounts(AccountingApp.WRITE_TABLES)).isEqualTo(before);

    app.prepare(
            unitId,
            voucher(
                "2026-03",
                "2026-03-02",
                "提取备用金",
                List.of(debit("1001", "500.00"), credit("1002.01", "500.00"))))
        .expectStatus()
        .isCreated();
  }

  // ---- posting

  @Test
  void postedVouchersAreNumberedInTheirPeriodAndChainedByHash() {
    String period = "2026-02";
    Map<String, Object> first =
        app.postVoucher(unitId, voucher(period, "2026-02-03", "收到财政授权支付额度", quota("1000000.00")));
    Map<String, Object> second =
        app.postVoucher(unitId, voucher(period, "2026-02-04", "收到财政授权支付额度", quota("25000.50")));

    assertThat(first.get("voucherStatus")).isEqualTo("POSTED");
    assertThat(first.get("number")).isEqualTo(1);
    assertThat(second.get("number")).isEqualTo(2);
    assertThat((String) first.get("hash")).matches("[0-9a-f]{64}");
    assertThat(second.get("previousHash")).isEqualTo(first.get("hash"));
    assertThat((Integer) second.get("chainIndex")).isEqualTo((Integer) first.get("chainIndex") + 1);
    assertThat(first.get("reviewer")).isEqualTo(AccountingApp.REVIEWER);
  }

  @Test
  void thePreparerCannotReviewAndOnlyAReviewedVoucherPosts() {
    String id = prepared(voucher("2026-02", "2026-02-10", "额度", quota("10.00")));
    expectProblem(
        app.preparer.post().uri("/api/accounting/vouchers/{id}/posting", id).exchange(),
        409,
        "illegal-voucher-state");
    expectProblem(
        app.preparer.post().uri("/api/accounting/vouchers/{id}/review", id).exchange(),
        422,
        "self-review");
    expectProblem(
        app.otherClerk.post().uri("/api/accounting/vouchers/{id}/review", id).exchange(),
        403,
        "foreign-unit");
    app.reviewAndPost(id);
    expectProblem(
        app.reviewer.post().uri("/api/accounting/vouchers/{id}/review", id).exchange(),
        409,
        "illegal-voucher-state");
  }

  @Test
  void badVouchersAreClearProblemsThatWriteNothing() {
    refused(
        voucher(
            "2026-02", "2026-02-05", "不平", List.of(debit("1011", "10.00"), credit("4001", "9.99"))),
        422,
        "unbalanced-voucher");
    refused(
        voucher(
            "2026-02",
            "2026-02-05",
            "缺预算",
            List.of(debit("1011", "10.00"), credit("4001", "10.00"))),
        422,
        "parallel-bookkeeping");
    refused(voucher("2026-02", "2026-02-05", "三位小数", quota("10.001")), 422, "invalid-amount");
    refused(voucher("2026-02", "2026-02-05", "负数", quota("-10.00")), 422, "invalid-amount");
    refused(
        voucher(
            "2026-02",
            "2026-02-05",
            "未知科目",
            List.of(debit("1999", "10.00"), credit("1001", "10.00"))),
        422,
        "invalid-account");
    refused(voucher("2026-02", "2026-03-01", "期外日期", quota("10.00")), 422, "invalid-period");
    refused(voucher("2026-13", "2026-02-05", "期间", quota("10.00")), 422, "invalid-period");
    refused(voucher("2025-12", "2025-12-05", "建账前", quota("10.00")), 422, "invalid-period");

    Map<String, Object> badInvoice = voucher("2026-02", "2026-02-05", "发票", quota("10.00"));
    badInvoice.put(
        "attachments",
        List.of(Map.of("kind", "INVOICE", "invoiceNumber", "12345", "sha256", "ab".repeat(32))));
    refused(badInvoice, 422, "invalid-invoice-number");

    Map<String, Long> before = app.service.rowCounts(AccountingApp.WRITE_TABLES);
    expectProblem(
        app.otherClerk
            .post()
            .uri("/api/accounting/units/{id}/vouchers", unitId)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(voucher("2026-02", "2026-02-05", "他单位", quota("10.00")))
            .exchange(),
        403,
        "foreign-unit");
    assertThat(app.service.rowCounts(AccountingApp.WRITE_TABLES)).isEqualTo(before);
  }

  private static void refused(Map<String, Object> voucher, int status, String kind) {
    Map<String, Long> before = app.service.rowCounts(AccountingApp.WRITE_TABLES);
    expectProblem(app.prepare(unitId, voucher), status, kind);
    assertThat(app.service.rowCounts(AccountingApp.WRITE_TABLES))
        .as("a refused %s changes no row", kind)
        .isEqualTo(before);
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteAPostedVoucher() throws SQLException {
    Map<String, Object> posted =
        app.postVoucher(unitId, voucher("2026-02", "2026-02-11", "额度", quota("77.00")));
    String id = (String) posted.get("id");

    expectProblem(
        app.preparer.delete().uri("/api/accounting/vouchers/{id}", id).exchange(),
        409,
        "illegal-voucher-state");
    for (String sql :
        List.of(
            "UPDATE voucher SET summary = 'rewritten' WHERE id = '" + id + "'",
            "DELETE FROM voucher WHERE id = '" + id + "'",
            "UPDATE voucher_line SET amount = 1 WHERE voucher_id = '" + id + "'",
            "DELETE FROM voucher_line WHERE voucher_id = '" + id + "'",
            "INSERT INTO voucher_line VALUES ('" + id + "', 99, '1001', 'DEBIT', 1, NULL)")) {
      assertThatThrownBy(() -> execute(sql))
          .as(sql)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
    app.preparer
        .get()
        .uri("/api/accounting/vouchers/{id}", id)
        .exchange()
        .expectBody()
        .jsonPath("$.summary")
        .isEqualTo("额度")
        .jsonPath("$.lines[0].amount")
        .isEqualTo("77.00");
  }

  @Test
  void aDraftIsDiscardedButLogged() {
    String id = prepared(voucher("2026-02", "2026-02-12", "作废", quota("5.00")));
    app.reviewer
        .delete()
        .uri("/api/accounting/vouchers/{id}", id)
        .exchange()
        .expectStatus()
        .isNoContent();
    expectProblem(
        app.preparer.get().uri("/api/accounting/vouchers/{id}", id).exchange(),
        404,
        "unknown-voucher");
    assertThat(
            app.service.count(
                "SELECT count(*) FROM govchain_log_entry WHERE subject = '"
                    + id
                    + "' AND version = 2"))
        .isEqualTo(1);
  }

  @Test
  void aRepeatedPreparationWithItsIdempotencyKeyAnswersTheFirstDraft() {
    Map<String, Object> body = voucher("2026-02", "2026-02-14", "幂等", quota("9.00"));
    String first =
        prepareWithKey(body, "prep-42")
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id")
            .toString();
    Map<String, Long> before = app.service.rowCounts(AccountingApp.WRITE_TABLES);
    String again =
        prepareWithKey(body, "prep-42")
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id")
            .toString();
    assertThat(again).isEqualTo(first);
    assertThat(app.service.rowCounts(AccountingApp.WRITE_TABLES)).isEqualTo(before);
    Map<String, Object> other = voucher("2026-02", "2026-02-14", "幂等", quota("9.01"));
    expectProblem(prepareWithKey(other, "prep-42"), 422, "idempotency-key-reused");
  }

  private static WebTestClient.ResponseSpec prepareWithKey(Map<String, Object> body, String key) {
    return app.preparer
        .post()
        .uri("/api/accounting/units/{id}/vouchers", unitId)
        .header("Idempotency-Key", key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  // ---- reversal

  @Test
  void aRedReversalNegatesTheLinesNamesTheOriginalAndHappensOnce() {
    Map<String, Object> original =
        app.postVoucher(unitId, voucher("2026-02", "2026-02-13", "误记额度", quota("300.00")));
    String originalId = (String) original.get("id");

    Map<?, ?> reversal =
        app.preparer
            .post()
            .uri("/api/accounting/vouchers/{id}/reversal", originalId)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("date", "2026-02-20"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat(reversal.get("kind")).isEqualTo("REVERSAL");
    assertThat(reversal.get("reverses")).isEqualTo(originalId);
    assertThat((String) reversal.get("summary"))
        .startsWith("冲销 2026-02 第" + original.get("number") + "号凭证");
    List<Object> amounts = new ArrayList<>();
    for (Object l : (List<?>) reversal.get("lines")) {
      amounts.add(((Map<?, ?>) l).get("amount"));
    }
    assertThat(amounts).containsOnly("-300.00");

    expectProblem(
        app.preparer
            .post()
            .uri("/api/accounting/vouchers/{id}/reversal", originalId)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("date", "2026-02-21"))
            .exchange(),
        409,
        "illegal-voucher-state");

    Map<String, Object> posted = app.reviewAndPost((String) reversal.get("id"));
    assertThat(posted.get("voucherStatus")).isEqualTo("POSTED");
    app.auditor
        .get()
        .uri("/api/accounting/vouchers/{id}", originalId)
        .exchange()
        .expectBody()
        .jsonPath("$.reversedBy")
        .isEqualTo(reversal.get("id"))
        .jsonPath("$.voucherStatus")
        .isEqualTo("POSTED");
    // a reversal is not reversed again
    expectProblem(
        app.preparer
            .post()
            .uri("/api/accounting/vouchers/{id}/reversal", reversal.get("id"))
            .exchange(),
        409,
        "illegal-voucher-state");
  }

  // ---- concurrency

  @Test
  void concurrentPostingsGetConsecutiveNumbersAndOneChain() {
    String period = "2026-04";
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String id = prepared(voucher(period, "2026-04-0" + (1 + i % 9), "并发 " + i, quota("1.00")));
      app.reviewer
          .post()
          .uri("/api/accounting/vouchers/{id}/review", id)
          .exchange()
          .expectStatus()
          .isOk();
      ids.add(id);
    }
    List<CompletableFuture<Map<?, ?>>> posts = new ArrayList<>();
    for (String id : ids) {
      posts.add(
          CompletableFuture.supplyAsync(
              () ->
                  app.preparer
                      .post()
                      .uri("/api/accounting/vouchers/{id}/posting", id)
                      .exchange()
                      .expectStatus()
                      .isOk()
                      .expectBody(Map.class)
                      .returnResult()
                      .getResponseBody()));
    }
    Set<Object> numbers = new HashSet<>();
    for (CompletableFuture<Map<?, ?>> post : posts) {
      numbers.add(post.join().get("number"));
    }
    assertThat(numbers).hasSize(16).allMatch(n -> (Integer) n >= 1 && (Integer) n <= 16);
    assertThat(
            app.service.count(
                "SELECT count(DISTINCT chain_index) FROM voucher WHERE unit_id = '"
                    + unitId
                    + "' AND status = 'POSTED'"))
        .isEqualTo(
            app.service.count(
                "SELECT max(chain_index) FROM voucher WHERE unit_id = '" + unitId + "'"));
  }

  // ---- helpers

  private static String prepared(Map<String, Object> voucher) {
    return app.prepare(unitId, voucher)
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody()
        .get("id")
        .toString();
  }

  private static WebTestClient.ResponseSpec post(
      WebTestClient client, String path, Map<String, Object> body) {
    return client
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
