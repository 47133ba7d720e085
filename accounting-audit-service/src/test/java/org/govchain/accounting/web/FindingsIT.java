package org.govchain.accounting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.accounting.web.AccountingApp.credit;
import static org.govchain.accounting.web.AccountingApp.debit;
import static org.govchain.accounting.web.AccountingApp.voucher;
import static org.govchain.testsupport.service.Problems.expectProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.govchain.accounting.units.OrganizationCode;
import org.govchain.accounting.units.UnifiedSocialCreditCode;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Red flags raised on posting through the API — each rule tripped by one voucher and not by its
 * neighbour across the boundary — and auditors working the findings: every change logged.
 */
@WithPostgres
class FindingsIT {

  private static AccountingApp app;
  private static String unitId;
  private static WebTestClient preparer;
  private static WebTestClient reviewer;

  /** A supplier with a valid credit code (an enterprise, 91…). */
  private static final String SUPPLIER = code("91510100", "MA6C1234");

  private static String code(String first8, String body8) {
    String first17 = first8 + body8 + OrganizationCode.checkCharacter(body8);
    return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
  }

  @BeforeAll
  static void start(PostgresServer.Database database) {
    app = AccountingApp.start(database);
    String unitCode = code("12513200", "00550001");
    unitId = app.registerUnit(unitCode, "2026-08");
    preparer = app.clerk("clerk-f1", unitCode);
    reviewer = app.clerk("clerk-f2", unitCode);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Paid from the zero-balance quota (or cash on hand) for an expense, with its budget lines. */
  private static Map<String, Object> paid(String cash, String date, String amount) {
    return voucher(
        date.substring(0, 7),
        date,
        "支付 " + amount,
        List.of(
            debit("5001", amount),
            credit(cash, amount),
            debit("7201", amount),
            credit("8001", amount)));
  }

  @SuppressWarnings("unchecked")
  private static List<String> rulesTripped(Map<String, Object> voucher) {
    Map<?, ?> posted = post(voucher);
    List<String> rules = new ArrayList<>();
    for (Object f : (List<Object>) posted.get("findings")) {
      rules.add((String) ((Map<String, Object>) f).get("rule"));
    }
    return rules;
  }

  private static Map<?, ?> post(Map<String, Object> voucher) {
    return AccountingApp.postAs(preparer, reviewer, unitId, voucher);
  }

  @Test
  void cashOnHandPaidAboveTheSettlementThresholdIsFlagged() {
    // cash on hand must hold money first: drawn from the zero-balance quota
    post(
        voucher(
            "2026-09",
            "2026-09-01",
            "提取现金",
            List.of(
                debit("1001", "5000.00"),
                credit("1011", "5000.00"),
                debit("8001", "5000.00"),
                credit("8001", "5000.00"))));
    assertThat(rulesTripped(paid("1001", "2026-09-01", "1000.00")))
        .doesNotContain("cash-payment-over-limit");
    assertThat(rulesTripped(paid("1001", "2026-09-01", "1000.01")))
        .contains("cash-payment-over-limit");
  }

  @Test
  void theSameInvoiceOnTwoVouchersIsFlagged() {
    Map<String, Object> first = paid("1011", "2026-09-02", "321.00");
    Map<String, Object> invoice =
        Map.of(
            "kind", "INVOICE",
            "invoiceNumber", "26511000000000004242",
            "sha256", "a1".repeat(32));
    first.put("attachments", List.of(invoice));
    assertThat(rulesTripped(first)).doesNotContain("duplicate-invoice");
    Map<String, Object> second = paid("1011", "2026-09-03", "321.00");
    second.put(
        "attachments",
        List.of(
            Map.of(
                "kind", "INVOICE",
                "invoiceNumber", "26511000000000004242",
                "sha256", "b2".repeat(32))));
    assertThat(rulesTripped(second)).contains("duplicate-invoice");
  }

  @Test
  void paymentsSplitUnderTheApprovalThresholdAreFlaggedWhenTheirSumCrossesIt() {
    List<String> tripped = new ArrayList<>();
    for (String date : List.of("2026-09-08", "2026-09-09", "2026-09-10")) {
      Map<String, Object> v = paid("1011", date, "40000.01");
      v.put("counterparty", Map.of("kind", "ORGANIZATION", "code", SUPPLIER, "name", "成都某科技公司"));
      tripped.add(String.join(",", rulesTripped(v)));
    }
    // 40,000.01 and 80,000.02 stay under 100,000.00; the third payment takes the sum over it
    assertThat(tripped.get(0)).doesNotContain("split-payments");
    assertThat(tripped.get(1)).doesNotContain("split-payments");
    assertThat(tripped.get(2)).contains("split-payments");
  }

  @Test
  void aLargePaymentToAnIndividualWithoutSupportIsFlagged() {
    Map<String, Object> v = paid("1011", "2026-09-11", "50000.01");
    v.put("counterparty", Map.of("kind", "INDIVIDUAL", "code", "EMP-0042"));
    List<String> rules = rulesTripped(v);
    assertThat(rules).contains("individual-payment-without-support");

    Map<String, Object> supported = paid("1011", "2026-09-11", "50000.01");
    supported.put("counterparty", Map.of("kind", "INDIVIDUAL", "code", "EMP-0043"));
    supported.put("attachments", List.of(Map.of("kind", "CONTRACT", "sha256", "c3".repeat(32))));
    assertThat(rulesTripped(supported)).doesNotContain("individual-payment-without-support");
  }

  @Test
  void vouchersDatedOnDaysOffAreFlaggedButNotOnAdjustedWorkingDays() {
    assertThat(rulesTripped(paid("1011", "2026-09-06", "11.00"))).contains("non-working-day");
    // Sunday 2026-09-20 is a working day by the State Council's National Day arrangement
    assertThat(rulesTripped(paid("1011", "2026-09-20", "11.00"))).doesNotContain("non-working-day");
    assertThat(rulesTripped(paid("1011", "2026-09-07", "11.00"))).doesNotContain("non-working-day");
  }

  @Test
  void roundAmountsAtTheThresholdAreFlagged() {
    assertThat(rulesTripped(paid("1011", "2026-09-14", "60000.00"))).contains("round-amount");
    assertThat(rulesTripped(paid("1011", "2026-09-14", "49999.99"))).doesNotContain("round-amount");
  }

  @Test
  void aReversalOfAVoucherFromAClosedPeriodIsFlagged() {
    Map<?, ?> august = post(paid("1011", "2026-08-20", "77.70"));
    preparer
        .post()
        .uri("/api/accounting/units/{id}/periods/2026-08/close", unitId)
        .exchange()
        .expectStatus()
        .isOk();
    String reversal =
        preparer
            .post()
            .uri("/api/accounting/vouchers/{id}/reversal", august.get("id"))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("date", "2026-09-15"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id")
            .toString();
    reviewer
        .post()
        .uri("/api/accounting/vouchers/{id}/review", reversal)
        .exchange()
        .expectStatus()
        .isOk();
    preparer
        .post()
        .uri("/api/accounting/vouchers/{id}/posting", reversal)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.findings[?(@.rule == 'reversal-of-closed-period')]")
        .exists();
  }

  @Test
  void auditorsWorkFindingsWithCommentsAndEveryChangeIsLogged() {
    Map<?, ?> posted = post(paid("1011", "2026-09-16", "70000.00"));
    String findingId = (String) ((Map<?, ?>) ((List<?>) posted.get("findings")).get(0)).get("id");
    String path = "/api/accounting/findings/{id}/";

    expectProblem(act(preparer, path + "acknowledge", findingId, "看过"), 403, "forbidden");
    expectProblem(act(app.auditor, path + "acknowledge", findingId, " "), 422, "invalid-request");
    act(app.auditor, path + "acknowledge", findingId, "已核实原始凭证")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.findingStatus")
        .isEqualTo("ACKNOWLEDGED");
    expectProblem(
        act(app.auditor, path + "acknowledge", findingId, "again"), 409, "illegal-finding-state");
    act(app.auditor, path + "escalate", findingId, "移交财政监督")
        .expectStatus()
        .isOk()
        .expectBody(Void.class);
    act(app.auditor, path + "resolve", findingId, "已说明：合同分期付款")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.findingStatus")
        .isEqualTo("RESOLVED");
    expectProblem(
        act(app.auditor, path + "escalate", findingId, "late"), 409, "illegal-finding-state");
    assertThat(
            app.service.count(
                "SELECT count(*) FROM govchain_log_entry WHERE subject = '" + findingId + "'"))
        .isEqualTo(4);

    // filters: by rule and status; a clerk lists their own unit's findings only
    app.auditor
        .get()
        .uri("/api/accounting/findings?rule=round-amount&status=RESOLVED")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items[?(@.id == '" + findingId + "')]")
        .exists();
    preparer
        .get()
        .uri("/api/accounting/findings?unit={unit}", unitId)
        .exchange()
        .expectStatus()
        .isOk();
    expectProblem(
        app.otherClerk.get().uri("/api/accounting/findings?unit={unit}", unitId).exchange(),
        403,
        "foreign-unit");
    expectProblem(
        app.auditor.get().uri("/api/accounting/findings?rule=no-such-rule").exchange(),
        422,
        "invalid-request");
  }

  private static WebTestClient.ResponseSpec act(
      WebTestClient client, String path, String id, String comment) {
    return client
        .post()
        .uri(path, id)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("comment", comment))
        .exchange();
  }
}
