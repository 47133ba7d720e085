package org.govchain.accounting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.accounting.web.AccountingApp.credit;
import static org.govchain.accounting.web.AccountingApp.debit;
import static org.govchain.accounting.web.AccountingApp.voucher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.govchain.testsupport.fuzz.WriteFuzzing;
import org.govchain.testsupport.fuzz.WriteFuzzing.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

/**
 * Generated hostile input (issue 14) to every JSON write of the accounting API, from its OpenAPI
 * document with test-support's {@code HostileBodies}: each case a 4xx problem that shows nothing of
 * the service's insides, no row written in any table, nothing at ERROR, a healthy service; then the
 * valid body is taken, each on a record in the state its action needs (a unit, a posted voucher, a
 * closed period, findings open, acknowledged and escalated). {@code -Dgovchain.fuzz.cases=2000} for
 * the long run, {@code -Dgovchain.fuzz.seed=…} to replay one.
 */
@WithPostgres
@ExtendWith(OutputCaptureExtension.class)
class AccountingFuzzIT {

  /** A Saturday: a voucher dated on it trips {@code non-working-day}, a finding to work. */
  private static final String SATURDAY = "2026-02-07";

  private static AccountingApp app;

  @BeforeAll
  static void start(PostgresServer.Database db) {
    app = AccountingApp.start(db);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void everyJsonWriteRefusesGeneratedHostileBodiesAndWritesNothing(CapturedOutput output) {
    String unit = app.registerUnit(AccountingApp.UNIT_CODE, "2026-01");
    // tokens for the long run too: valid for two hours
    String preparer = token(AccountingApp.PREPARER, "accounting-clerk", AccountingApp.UNIT_CODE);
    String auditor = token(AccountingApp.AUDITOR, "auditor", null);
    String admin = token(AccountingApp.ADMIN, "admin", null);
    app.preparer
        .post()
        .uri("/api/accounting/units/{id}/periods/{p}/close", unit, "2026-01")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Void.class); // read: an unread answer's buffers are reported as a leak
    String posted =
        app.postVoucher(unit, voucher("2026-02", "2026-02-03", "收到额度", quota("100.00")))
            .get("id")
            .toString();
    List<String> findings = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      findings.add(weekendFinding(unit, "1" + i + ".00"));
    }
    comment(findings.get(1), "acknowledge");
    comment(findings.get(2), "acknowledge");
    comment(findings.get(2), "escalate");

    Map<String, Object> newUnit = new LinkedHashMap<>();
    newUnit.put("creditCode", AccountingApp.OTHER_UNIT_CODE);
    newUnit.put("name", "阿坝州示范单位 二");
    newUnit.put("region", "513200");
    newUnit.put("type", "PUBLIC_INSTITUTION");
    newUnit.put("firstPeriod", "2026-01");
    Map<String, Object> fullVoucher = voucher("2026-02", "2026-02-05", "购买办公用品", paid("350.00"));
    fullVoucher.put(
        "counterparty",
        Map.of("kind", "ORGANIZATION", "code", AccountingApp.OTHER_UNIT_CODE, "name", "某单位"));
    fullVoucher.put(
        "attachments",
        List.of(
            Map.of(
                "kind", "INVOICE",
                "invoiceNumber", "26511000000000001234",
                "sha256", "c3".repeat(32))));
    String units = "/api/accounting/units/";
    String findingsPath = "/api/accounting/findings/";
    List<Target> targets =
        List.of(
            new Target(
                "POST", "/api/accounting/units", "/api/accounting/units", admin, newUnit, 201),
            new Target(
                "POST",
                "/api/accounting/units/{id}/accounts",
                units + unit + "/accounts",
                preparer,
                Map.of("code", "1002.01", "name", "工商银行基本户"),
                201),
            new Target(
                "POST",
                "/api/accounting/units/{id}/vouchers",
                units + unit + "/vouchers",
                preparer,
                fullVoucher,
                201),
            new Target(
                "POST",
                "/api/accounting/vouchers/{id}/reversal",
                "/api/accounting/vouchers/" + posted + "/reversal",
                preparer,
                Map.of("date", "2026-02-20"),
                201),
            new Target(
                "POST",
                "/api/accounting/units/{id}/periods/{period}/reopen",
                units + unit + "/periods/2026-01/reopen",
                auditor,
                Map.of("reason", "复核发现漏记\n需补记"),
                200),
            new Target(
                "POST",
                "/api/accounting/findings/{id}/acknowledge",
                findingsPath + findings.get(0) + "/acknowledge",
                auditor,
                Map.of("comment", "已核实原始凭证"),
                200),
            new Target(
                "POST",
                "/api/accounting/findings/{id}/escalate",
                findingsPath + findings.get(1) + "/escalate",
                auditor,
                Map.of("comment", "移交财政监督"),
                200),
            new Target(
                "POST",
                "/api/accounting/findings/{id}/resolve",
                findingsPath + findings.get(2) + "/resolve",
                auditor,
                Map.of("comment", "已说明：加班采购"),
                200));
    List<WriteFuzzing.Outcome> outcomes =
        WriteFuzzing.runAll(app.service, output, "/api/accounting", targets);
    assertThat(WriteFuzzing.findings(outcomes)).isEmpty();
  }

  private static String token(String subject, String role, String unitCode) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("roles", List.of(role));
    if (unitCode != null) {
      claims.put("unit", unitCode);
    }
    Instant now = Instant.now();
    return app.service.tokens().sign(subject, claims, now, now.plus(Duration.ofHours(2)));
  }

  /** Posts a voucher dated on a Saturday; the id of its {@code non-working-day} finding. */
  @SuppressWarnings("unchecked")
  private static String weekendFinding(String unit, String amount) {
    Map<String, Object> posted =
        app.postVoucher(unit, voucher("2026-02", SATURDAY, "周末收款", quota(amount)));
    for (Object finding : (List<Object>) posted.get("findings")) {
      Map<String, Object> f = (Map<String, Object>) finding;
      if ("non-working-day".equals(f.get("rule"))) {
        return f.get("id").toString();
      }
    }
    throw new IllegalStateException("no non-working-day finding on " + posted);
  }

  private static void comment(String finding, String action) {
    app.auditor
        .post()
        .uri("/api/accounting/findings/{id}/" + action, finding)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("comment", "处理中"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Void.class);
  }

  /** Quota received: Dr 1011 / Cr 4001 and Dr 8001 / Cr 6001 (parallel bookkeeping). */
  private static List<Map<String, Object>> quota(String amount) {
    return List.of(
        debit("1011", amount),
        credit("4001", amount),
        debit("8001", amount),
        credit("6001", amount));
  }

  /** Paid from the quota for an expense, with its budget lines. */
  private static List<Map<String, Object>> paid(String amount) {
    return List.of(
        debit("5001", amount),
        credit("1011", amount),
        debit("7201", amount),
        credit("8001", amount));
  }
}
