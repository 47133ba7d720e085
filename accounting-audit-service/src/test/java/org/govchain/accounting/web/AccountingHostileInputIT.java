package org.govchain.accounting.web;

import static org.govchain.accounting.web.AccountingApp.credit;
import static org.govchain.accounting.web.AccountingApp.debit;
import static org.govchain.accounting.web.AccountingApp.voucher;
import static org.govchain.testsupport.service.Problems.expectProblem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.govchain.testsupport.service.Aftermath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input against every write of the accounting API (issue 14): control characters, bidi
 * controls and unpaired surrogates in any text of a unit, an account, a voucher (its lines,
 * counterparty and attachments included), a reason or a comment, and dates no book can hold. Each
 * is 422 {@code invalid-request} naming the field, and leaves no row, no error and a healthy
 * service.
 */
@WithPostgres
@ExtendWith(OutputCaptureExtension.class)
class AccountingHostileInputIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** As JSON string escapes: NUL, a C1 control, RLO, LRI, an unpaired surrogate. */
  private static final List<String> HOSTILE =
      List.of("\\u0000", "\\u009b", "\\u202e", "\\u2066", "\\ud800");

  /** The voucher write tables, and the findings'. */
  private static final String[] TABLES =
      java.util.stream.Stream.concat(
              java.util.Arrays.stream(AccountingApp.WRITE_TABLES),
              java.util.stream.Stream.of("finding", "finding_event"))
          .toArray(String[]::new);

  private static AccountingApp app;
  private static String unitId;
  private static String postedId;

  @BeforeAll
  static void start(PostgresServer.Database db) {
    app = AccountingApp.start(db);
    unitId = app.registerUnit(AccountingApp.UNIT_CODE, "2026-01");
    postedId =
        app.postVoucher(unitId, voucher("2026-02", "2026-02-03", "收到额度", quota("100.00")))
            .get("id")
            .toString();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void hostileTextInAUnitIs422NamingTheField(CapturedOutput output) {
    Map<String, Object> unit = new LinkedHashMap<>();
    unit.put("creditCode", AccountingApp.OTHER_UNIT_CODE);
    unit.put("name", "阿坝州示范事业单位");
    unit.put("region", "513200");
    unit.put("type", "PUBLIC_INSTITUTION");
    unit.put("firstPeriod", "2026-01");
    for (String field : List.of("creditCode", "name", "region", "firstPeriod")) {
      refused(output, app.admin, "/api/accounting/units", unit, field, u -> {});
    }
  }

  @Test
  void hostileTextInASubAccountIs422NamingTheField(CapturedOutput output) {
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("code", "1002.02");
    account.put("name", "建设银行专户");
    account.put("clearsTo", "8101");
    for (String field : List.of("code", "name", "clearsTo")) {
      refused(
          output,
          app.preparer,
          "/api/accounting/units/" + unitId + "/accounts",
          account,
          field,
          a -> {});
    }
  }

  @Test
  void hostileTextAnywhereInAVoucherIs422NamingItsPath(CapturedOutput output) {
    String path = "/api/accounting/units/" + unitId + "/vouchers";
    Map<String, Object> voucher = voucher("2026-02", "2026-02-05", "购买办公用品", quota("10.00"));
    for (String field : List.of("period", "date", "summary")) {
      refused(output, app.preparer, path, voucher, field, v -> {});
    }
    for (String field : List.of("account", "amount", "memo")) {
      refused(
          output,
          app.preparer,
          path,
          voucher,
          "lines[0]." + field,
          v -> {
            List<Map<String, Object>> lines = quota("10.00");
            lines.get(0).put("memo", "备注");
            lines.get(0).put(field, "@hostile@");
            v.put("lines", lines);
          });
    }
    for (String field : List.of("code", "name")) {
      refused(
          output,
          app.preparer,
          path,
          voucher,
          "counterparty." + field,
          v -> {
            Map<String, Object> counterparty = new LinkedHashMap<>();
            counterparty.put("kind", "ORGANIZATION");
            counterparty.put("code", "91510100MA61R5XK2B");
            counterparty.put("name", "成都某科技公司");
            counterparty.put(field, "@hostile@");
            v.put("counterparty", counterparty);
          });
    }
    for (String field : List.of("invoiceCode", "invoiceNumber", "sha256")) {
      refused(
          output,
          app.preparer,
          path,
          voucher,
          "attachments[0]." + field,
          v -> {
            Map<String, Object> invoice = new LinkedHashMap<>();
            invoice.put("kind", "INVOICE");
            invoice.put("invoiceCode", "");
            invoice.put("invoiceNumber", "25512000000012345678");
            invoice.put("sha256", "ab".repeat(32));
            invoice.put(field, "@hostile@");
            v.put("attachments", List.of(invoice));
          });
    }
  }

  @Test
  void aVoucherOrReversalDatedOutsideTheSupportedRangeIs422NamingTheDate(CapturedOutput output) {
    for (String date : List.of("+999999-02-05", "1969-12-31", "-0001-02-05")) {
      Aftermath aftermath = watch(output);
      expectProblem(
              app.prepare(unitId, voucher("2026-02", date, "远期", quota("10.00"))),
              422,
              "invalid-request")
          .jsonPath("$.errors[0].field")
          .isEqualTo("date")
          .jsonPath("$.errors[0].message")
          .isEqualTo("must be a date from 1970-01-01 to 9999-12-31");
      expectProblem(
              post(
                  app.preparer,
                  "/api/accounting/vouchers/" + postedId + "/reversal",
                  "{\"date\": \"" + date + "\"}"),
              422,
              "invalid-request")
          .jsonPath("$.errors[0].field")
          .isEqualTo("date");
      aftermath.assertHarmless();
    }
  }

  @Test
  void aReasonOrCommentLongerThanItsLimitIs422(CapturedOutput output) {
    // a reopening reason had no limit: 300 KB went into the period and the log
    Aftermath aftermath = watch(output);
    expectProblem(
            post(
                app.auditor,
                "/api/accounting/units/" + unitId + "/periods/2026-02/reopen",
                "{\"reason\": \"" + "长".repeat(1001) + "\"}"),
            422,
            "invalid-request")
        .jsonPath("$.errors[0].field")
        .isEqualTo("reason");
    expectProblem(
            post(
                app.auditor,
                "/api/accounting/findings/" + UUID.randomUUID() + "/acknowledge",
                "{\"comment\": \"" + "长".repeat(2001) + "\"}"),
            422,
            "invalid-request")
        .jsonPath("$.errors[0].field")
        .isEqualTo("comment");
    aftermath.assertHarmless();
  }

  @Test
  void aReasonOrCommentRefusesHostileTextButTakesLineBreaks(CapturedOutput output) {
    for (String hostile : List.of("\\u0000", "\\u202e", "\\ud800", "\\r", "\\u2029")) {
      Aftermath aftermath = watch(output);
      expectProblem(
              post(
                  app.auditor,
                  "/api/accounting/units/" + unitId + "/periods/2026-02/reopen",
                  "{\"reason\": \"复核" + hostile + "\"}"),
              422,
              "invalid-request")
          .jsonPath("$.errors[0].field")
          .isEqualTo("reason");
      for (String action : List.of("acknowledge", "escalate", "resolve")) {
        expectProblem(
                post(
                    app.auditor,
                    "/api/accounting/findings/" + UUID.randomUUID() + "/" + action,
                    "{\"comment\": \"已核实" + hostile + "\"}"),
                422,
                "invalid-request")
            .jsonPath("$.errors[0].field")
            .isEqualTo("comment");
      }
      aftermath.assertHarmless();
    }
    // past the text rules: there is no closed period to reopen, and no such finding
    Aftermath aftermath = watch(output);
    expectProblem(
        post(
            app.auditor,
            "/api/accounting/units/" + unitId + "/periods/2026-02/reopen",
            "{\"reason\": \"复核\\r\\n第二行\"}"),
        409,
        "period-not-closable");
    expectProblem(
        post(
            app.auditor,
            "/api/accounting/findings/" + UUID.randomUUID() + "/acknowledge",
            "{\"comment\": \"已核实\\n第二行\"}"),
        404,
        "unknown-finding");
    aftermath.assertHarmless();
  }

  @Test
  void hostileTextInAQueryOrPathIsAProblemNotAServerError(CapturedOutput output) {
    String unit = "/api/accounting/units/" + unitId;
    for (String hostile : List.of("\u0000", "2026-\u202E02", "\u0085")) {
      for (String[] query :
          new String[][] {
            {unit + "/trial-balance", "period"},
            {unit + "/ledger", "account"},
            {unit + "/ledger", "from"},
            {unit + "/ledger", "to"},
            {unit + "/vouchers", "period"},
            {unit + "/integrity", "period"},
            {"/api/accounting/findings", "rule"}
          }) {
        Aftermath aftermath = watch(output);
        expectProblem(
                app.auditor
                    .get()
                    .uri(
                        b -> {
                          b.path(query[0]).queryParam(query[1], "{v}");
                          if (query[0].endsWith("/ledger")) {
                            for (String other : List.of("account", "from")) {
                              if (!other.equals(query[1])) {
                                b.queryParam(other, other.equals("from") ? "2026-02" : "1011");
                              }
                            }
                          }
                          return b.build(hostile);
                        })
                    .exchange(),
                422,
                "invalid-request")
            .jsonPath("$.errors[0].field")
            .isEqualTo(query[1]);
        aftermath.assertHarmless();
      }
    }
    Aftermath aftermath = watch(output);
    WebTestClient.ResponseSpec close =
        app.preparer
            .post()
            .uri(b -> b.path(unit + "/periods/{p}/close").build("2026-\u202E02"))
            .exchange();
    expectProblem(close, 422, "invalid-request").jsonPath("$.errors[0].field").isEqualTo("period");
    for (String list :
        List.of("/api/accounting/units", unit + "/vouchers", "/api/accounting/findings")) {
      expectProblem(app.auditor.get().uri(list + "?page=-1").exchange(), 422, "invalid-request")
          .jsonPath("$.errors[0].field")
          .isEqualTo("page");
    }
    aftermath.assertHarmless();
  }

  /** Quota received: Dr 1011 / Cr 4001 and Dr 8001 / Cr 6001 (parallel bookkeeping). */
  private static List<Map<String, Object>> quota(String amount) {
    return new java.util.ArrayList<>(
        List.of(
            debit("1011", amount),
            credit("4001", amount),
            debit("8001", amount),
            credit("6001", amount)));
  }

  /**
   * Sends {@code body}, adjusted by {@code adjust}, with each hostile text in {@code field} (a
   * top-level member, or one {@code adjust} marks {@code @hostile@}): 422 naming {@code field}.
   */
  private static void refused(
      CapturedOutput output,
      WebTestClient client,
      String path,
      Map<String, Object> body,
      String field,
      Consumer<Map<String, Object>> adjust) {
    for (String hostile : HOSTILE) {
      Map<String, Object> request = new LinkedHashMap<>(body);
      if (!field.contains(".")) {
        request.put(field, "@hostile@");
      }
      adjust.accept(request);
      String json = JSON.writeValueAsString(request).replace("@hostile@", "x" + hostile);
      Aftermath aftermath = watch(output);
      expectProblem(post(client, path, json), 422, "invalid-request")
          .jsonPath("$.errors[?(@.field == '" + field + "')]")
          .exists();
      aftermath.assertHarmless();
    }
  }

  private static Aftermath watch(CapturedOutput output) {
    return Aftermath.watch(app.service, output, TABLES);
  }

  private static WebTestClient.ResponseSpec post(WebTestClient client, String path, String json) {
    return client
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json.getBytes(StandardCharsets.UTF_8))
        .exchange();
  }
}
