package org.govchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.e2e.GatewaySecurityIT.assertProblem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govchain.anchor.bundle.BundleVerifier;
import org.govchain.anchor.bundle.ProofBundle;
import org.govchain.anchor.bundle.ProofBundleJson;
import org.govchain.anchor.bundle.Verdict;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.govchain.testsupport.process.AppProcess;
import org.govchain.testsupport.process.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The accounting service behind a gateway, with the auth server's demo accounts: an admin registers
 * the demo clerks' unit, one clerk prepares a voucher, the second reviews it, the first posts it,
 * the month closes, and an auditor finds the books intact on the dev chain and the voucher's proof
 * VALID.
 */
@WithPostgres
@ExtendWith(SuiteExtension.class)
class AccountingThroughGatewayIT {

  /** The unit the auth server's demo accounting clerks are bound to (their unit claim). */
  static final String DEMO_UNIT = "115132000088000108";

  private static Suite.RecordService accounting;
  private static AppProcess gateway;

  @BeforeAll
  static void start(Suite suite, PostgresServer.Database db) {
    accounting = suite.startAccountingService(db);
    gateway =
        suite.startGateway(
            // anonymous calls unthrottled: the authorization matrix makes dozens a second
            Map.of(
                "GOVCHAIN_ACCOUNTING_URL",
                accounting.process().baseUrl(),
                "GOVCHAIN_RATE_LIMIT_ANONYMOUS_REQUESTS",
                "10000"),
            List.of());
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (accounting != null) {
      accounting.close();
    }
  }

  @Test
  void everyOperationAnswersEachCallerAsTheReadmesAccessTableSays(Suite suite) {
    AuthorizationMatrix.Result matrix =
        AuthorizationMatrix.run(
            suite,
            AuthorizationMatrix.readme("accounting-audit-service"),
            "/api/accounting",
            new Http(accounting.process().baseUrl()),
            new Http(gateway.baseUrl()));
    System.out.printf(
        "[matrix] accounting requests=%d findings=%d%n",
        matrix.requests(), matrix.findings().size());
    assertThat(matrix.findings()).isEmpty();
  }

  @Test
  void theServicesApiDocumentIsPublicThroughTheGatewayAsJsonAndAsYaml() {
    GatewaySecurityIT.assertServiceDocumentsPublic(new Http(gateway.baseUrl()), "/api/accounting");
  }

  @Test
  void aVoucherFromPreparationToIntactAnchoredBooks(Suite suite) {
    Http http = new Http(gateway.baseUrl());
    String admin = suite.token("admin");
    String clerk = suite.token("accounting-clerk");
    String secondClerk = suite.token("accounting-clerk-2");
    String auditor = suite.token("auditor");

    Map<String, Object> unitRequest =
        Map.of(
            "creditCode", DEMO_UNIT,
            "name", "阿坝州示范财政局",
            "region", "513200",
            "type", "ADMINISTRATIVE",
            "firstPeriod", "2026-11");
    assertProblem(http.postJson("/api/accounting/units", clerk, unitRequest), 403, "forbidden");
    Http.Response unit = http.postJson("/api/accounting/units", admin, unitRequest);
    assertThat(unit.status()).as("%s", unit).isEqualTo(201);
    String unitId = unit.json().path("id").asString();

    Map<String, Object> voucher =
        Map.of(
            "period", "2026-11",
            "date", "2026-11-03",
            "summary", "收到财政授权支付额度",
            "lines",
                List.of(
                    line("1011", "DEBIT", "123456.78"),
                    line("4001", "CREDIT", "123456.78"),
                    line("8001", "DEBIT", "123456.78"),
                    line("6001", "CREDIT", "123456.78")));
    Http.Response prepared =
        http.postJson("/api/accounting/units/" + unitId + "/vouchers", clerk, voucher);
    assertThat(prepared.status()).as("%s", prepared).isEqualTo(201);
    String id = prepared.json().path("id").asString();
    // the preparer cannot review; the unit's second clerk does
    assertProblem(
        http.postJson("/api/accounting/vouchers/" + id + "/review", clerk, Map.of()),
        422,
        "self-review");
    assertThat(
            http.postJson("/api/accounting/vouchers/" + id + "/review", secondClerk, Map.of())
                .status())
        .isEqualTo(200);
    Http.Response posted =
        http.postJson("/api/accounting/vouchers/" + id + "/posting", clerk, Map.of());
    assertThat(posted.json().path("number").asInt()).as("%s", posted).isEqualTo(1);

    Http.Response closed =
        http.postJson(
            "/api/accounting/units/" + unitId + "/periods/2026-11/close", clerk, Map.of());
    assertThat(closed.json().path("periodStatus").asString()).as("%s", closed).isEqualTo("CLOSED");

    Http.Response csv =
        http.get(
            "/api/accounting/units/" + unitId + "/trial-balance?period=2026-11",
            auditor,
            Map.of("Accept", "text/csv"));
    assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("财政拨款收入");

    Map<?, ?> intact =
        Await.value(
            "the books anchored",
            Duration.ofMinutes(2),
            Duration.ofMillis(300),
            () -> {
              Http.Response report =
                  http.get("/api/accounting/units/" + unitId + "/integrity", auditor);
              String verdict = report.json().path("verdict").asString();
              return "NOT_ANCHORED_YET".equals(verdict)
                  ? Optional.empty()
                  : Optional.of(Map.of("verdict", verdict, "report", report.text()));
            });
    assertThat(intact.get("verdict")).as("%s", intact.get("report")).isEqualTo("INTACT");

    ProofBundle proof =
        ProofBundleJson.parse(
            http.get("/api/accounting/vouchers/" + id + "/proof", auditor).body());
    assertThat(
            new BundleVerifier(suite.chain.web3j()).verify(proof, 1, accounting.logKey()).verdict())
        .isEqualTo(Verdict.VALID);
    // the clerks only as keyed references under the key the service got by environment; the
    // books above were intact with them in the hash chain
    assertThat(new String(proof.leafData(), StandardCharsets.UTF_8))
        .contains("accounting.voucher.posted", "123456.78")
        .contains("\"preparer\":\"" + accounting.reference("staff", "accounting-clerk") + "\"")
        .contains("\"reviewer\":\"" + accounting.reference("staff", "accounting-clerk-2") + "\"")
        .doesNotContain("accounting-clerk");
  }

  private static Map<String, String> line(String account, String side, String amount) {
    return Map.of("account", account, "side", side, "amount", amount);
  }
}
