package org.govchain.accounting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.accounting.web.AccountingApp.credit;
import static org.govchain.accounting.web.AccountingApp.debit;
import static org.govchain.accounting.web.AccountingApp.voucher;
import static org.govchain.testsupport.service.Problems.expectProblem;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * Period closing against a real PostgreSQL: a realistic month of vouchers — quota receipts,
 * salaries, purchases with invoices, depreciation, a mistake reversed and corrected — closes to a
 * trial balance whose totals the test recomputes from the vouchers it sent; a year end clears the
 * budget accounts; the rules of closing and reopening; CSV reports.
 */
@WithPostgres
class PeriodCloseIT {

  private static AccountingApp app;
  private static final Random RANDOM = new Random(20261205L);

  @BeforeAll
  static void start(PostgresServer.Database database) {
    app = AccountingApp.start(database);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** A fresh valid unit code (事业单位 in region 513200). */
  private static String unitCode(int n) {
    String first16 = "12513200" + String.format("%08d", 660000 + n);
    String withOrgCheck = first16 + OrganizationCode.checkCharacter(first16.substring(8, 16));
    return withOrgCheck + UnifiedSocialCreditCode.checkCharacter(withOrgCheck);
  }

  /** What the test sent, to recompute the trial balance independently. */
  private static final class Books {
    final Map<String, BigDecimal> net = new HashMap<>(); // account → net debit
    BigDecimal financialDebit = BigDecimal.ZERO;
    BigDecimal budgetDebit = BigDecimal.ZERO;

    void add(List<Map<String, Object>> lines) {
      for (Map<String, Object> line : lines) {
        String account = (String) line.get("account");
        BigDecimal amount = new BigDecimal((String) line.get("amount"));
        boolean isDebit = "DEBIT".equals(line.get("side"));
        net.merge(account, isDebit ? amount : amount.negate(), BigDecimal::add);
        if (isDebit) {
          if (account.charAt(0) >= '6') {
            budgetDebit = budgetDebit.add(amount);
          } else {
            financialDebit = financialDebit.add(amount);
          }
        }
      }
    }

    BigDecimal sumNet(char firstDigit) {
      return net.entrySet().stream()
          .filter(e -> e.getKey().charAt(0) == firstDigit)
          .map(Map.Entry::getValue)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  private final class Clerks {
    final String unitId;
    final WebTestClient preparer;
    final WebTestClient reviewer;
    final Books books = new Books();

    Clerks(int n, String firstPeriod) {
      String code = unitCode(n);
      this.unitId = app.registerUnit(code, firstPeriod);
      this.preparer = app.clerk("clerk-p" + n, code);
      this.reviewer = app.clerk("clerk-r" + n, code);
    }

    Map<?, ?> post(String period, String date, String summary, List<Map<String, Object>> lines) {
      return post(voucher(period, date, summary, lines));
    }

    Map<?, ?> post(Map<String, Object> voucher) {
      String id = prepare(voucher);
      Map<?, ?> posted = reviewAndPost(id);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> lines = (List<Map<String, Object>>) voucher.get("lines");
      books.add(lines);
      return posted;
    }

    String prepare(Map<String, Object> voucher) {
      return AccountingApp.prepareAs(preparer, unitId, voucher)
          .expectStatus()
          .isCreated()
          .expectBody(Map.class)
          .returnResult()
          .getResponseBody()
          .get("id")
          .toString();
    }

    Map<?, ?> reviewAndPost(String id) {
      return AccountingApp.reviewAndPostAs(preparer, reviewer, id);
    }

    WebTestClient.ResponseSpec close(String period) {
      return preparer
          .post()
          .uri("/api/accounting/units/{id}/periods/{p}/close", unitId, period)
          .exchange();
    }

    Map<?, ?> trialBalance(String period) {
      return app.auditor
          .get()
          .uri(
              b ->
                  b.path("/api/accounting/units/{id}/trial-balance")
                      .queryParam("period", period)
                      .queryParam("size", 1000)
                      .build(unitId))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody(Map.class)
          .returnResult()
          .getResponseBody();
    }
  }

  private static String amount(BigDecimal value) {
    return value.setScale(2).toPlainString();
  }

  private static List<Map<String, Object>> paid(String expense, String budget, String amount) {
    return List.of(
        debit(expense, amount),
        credit("1011", amount),
        debit(budget, amount),
        credit("8001", amount));
  }

  private static String invoiceNumber(int n) {
    // a 数电 invoice of 2026, issued in Sichuan (51), channel 1, sequence n
    return "26" + "51" + "1" + String.format("%015d", n);
  }

  @Test
  void aRealisticMonthClosesToABalancedTrialBalanceTheTestRecomputes() {
    Clerks unit = new Clerks(1, "2026-01");
    String p = "2026-01";
    unit.preparer
        .post()
        .uri("/api/accounting/units/{id}/accounts", unit.unitId)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("code", "1002.01", "name", "工商银行基本户"))
        .exchange()
        .expectStatus()
        .isCreated();

    unit.post(
        p,
        "2026-01-05",
        "收到财政授权支付额度",
        List.of(
            debit("1011", "500000.00"),
            credit("4001", "500000.00"),
            debit("8001", "500000.00"),
            credit("6001", "500000.00")));
    unit.post(
        p,
        "2026-01-06",
        "计提本月工资",
        List.of(debit("5001", "120000.00"), credit("2201", "120000.00")));
    unit.post(
        p,
        "2026-01-09",
        "发放本月工资",
        List.of(
            debit("2201", "120000.00"),
            credit("1011", "120000.00"),
            debit("7201", "120000.00"),
            credit("8001", "120000.00")));
    // purchases with 数电 invoices, amounts drawn from a seeded generator
    for (int i = 1; i <= 12; i++) {
      String amount = amount(BigDecimal.valueOf(10_000 + RANDOM.nextInt(900_000), 2));
      Map<String, Object> purchase =
          voucher(p, "2026-01-" + (10 + i), "购买办公用品 " + i, paid("5001", "7201", amount));
      purchase.put(
          "attachments",
          List.of(
              Map.of(
                  "kind", "INVOICE",
                  "invoiceNumber", invoiceNumber(1000 + i),
                  "sha256", String.format("%064x", 7000 + i))));
      unit.post(purchase);
    }
    unit.post(p, "2026-01-20", "购置计算机", paid("1601", "7201", "80000.00"));
    unit.post(
        p, "2026-01-31", "计提固定资产折旧", List.of(debit("5001", "1333.33"), credit("1602", "1333.33")));
    unit.post(
        p,
        "2026-01-25",
        "银行存款利息",
        List.of(
            debit("1002.01", "12.34"),
            credit("4604", "12.34"),
            debit("8001", "12.34"),
            credit("6609", "12.34")));
    // a mistake, its red reversal and the correct voucher
    Map<?, ?> wrong = unit.post(p, "2026-01-26", "支付印刷费", paid("5001", "7201", "999.00"));
    String reversalId =
        unit.preparer
            .post()
            .uri("/api/accounting/vouchers/{id}/reversal", wrong.get("id"))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("date", "2026-01-27"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id")
            .toString();
    unit.reviewAndPost(reversalId);
    unit.books.add(negated(paid("5001", "7201", "999.00")));
    unit.post(p, "2026-01-27", "支付印刷费（更正）", paid("5001", "7201", "990.00"));

    // a draft left behind blocks the close
    String draft = unit.prepare(voucher(p, "2026-01-30", "未审核", paid("5001", "7201", "1.00")));
    expectProblem(unit.close(p), 409, "period-not-closable")
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("not posted"));
    unit.preparer.delete().uri("/api/accounting/vouchers/{id}", draft).exchange();

    BigDecimal revenue = unit.books.sumNet('4').negate();
    BigDecimal expense = unit.books.sumNet('5');
    Map<?, ?> closed =
        unit.close(p).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    assertThat(closed.get("periodStatus")).isEqualTo("CLOSED");
    assertThat((String) closed.get("trialBalanceDigest")).matches("[0-9a-f]{64}");
    assertThat((List<?>) closed.get("closingEntries")).hasSize(1);

    Map<?, ?> tb = unit.trialBalance(p);
    Map<?, ?> financial = (Map<?, ?>) ((Map<?, ?>) tb.get("totals")).get("financial");
    Map<?, ?> budget = (Map<?, ?>) ((Map<?, ?>) tb.get("totals")).get("budget");
    // turnover: what the test posted, plus the closing entry moving revenue and expense to 3301
    assertThat(financial.get("debitTurnover"))
        .isEqualTo(amount(unit.books.financialDebit.add(revenue).add(expense)));
    assertThat(financial.get("creditTurnover")).isEqualTo(financial.get("debitTurnover"));
    assertThat(financial.get("balanced")).isEqualTo(true);
    assertThat(budget.get("debitTurnover")).isEqualTo(amount(unit.books.budgetDebit));
    assertThat(budget.get("balanced")).isEqualTo(true);
    assertThat(row(tb, "3301").get("closing"))
        .isEqualTo(Map.of("direction", "CREDIT", "amount", amount(revenue.subtract(expense))));
    assertThat(row(tb, "4001").get("closing"))
        .isEqualTo(Map.of("direction", "CREDIT", "amount", "0.00"));
    assertThat(row(tb, "5001").get("closing"))
        .isEqualTo(Map.of("direction", "DEBIT", "amount", "0.00"));
    assertThat(row(tb, "1011").get("closing"))
        .isEqualTo(Map.of("direction", "DEBIT", "amount", amount(unit.books.net.get("1011"))));
    // 8001 (funds on hand) mirrors the cash accounts
    assertThat(row(tb, "8001").get("closing"))
        .isEqualTo(
            Map.of(
                "direction",
                "DEBIT",
                "amount",
                amount(unit.books.net.get("1011").add(unit.books.net.get("1002.01")))));

    // a closed period takes nothing
    expectProblem(
        unit.preparer
            .post()
            .uri("/api/accounting/units/{id}/vouchers", unit.unitId)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(voucher(p, "2026-01-31", "迟到", paid("5001", "7201", "5.00")))
            .exchange(),
        409,
        "period-closed");
    expectProblem(unit.close(p), 409, "period-closed");

    // the trial balance as CSV opens in a spreadsheet: UTF-8 with a BOM, Chinese names intact
    byte[] csv =
        app.auditor
            .get()
            .uri(
                b ->
                    b.path("/api/accounting/units/{id}/trial-balance")
                        .queryParam("period", p)
                        .build(unit.unitId))
            .accept(MediaType.valueOf("text/csv"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType("text/csv;charset=UTF-8")
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    assertThat(text).startsWith("period,code,name_zh").contains("2026-01,1011,零余额账户用款额度");

    // the bank account's ledger, with its running balance
    unit.preparer
        .get()
        .uri(
            b ->
                b.path("/api/accounting/units/{id}/ledger")
                    .queryParam("account", "1011")
                    .queryParam("from", p)
                    .build(unit.unitId))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.opening.amount")
        .isEqualTo("0.00")
        .jsonPath("$.entries[0].debit")
        .isEqualTo("500000.00")
        .jsonPath("$.entries[0].balance.amount")
        .isEqualTo("500000.00")
        .jsonPath("$.closing.amount")
        .isEqualTo(amount(unit.books.net.get("1011")));
  }

  @Test
  void periodsCloseInOrderAndOnlyAnAuditorReopensTheLatestWithAReason() {
    Clerks unit = new Clerks(2, "2026-03");
    unit.post("2026-03", "2026-03-02", "额度", quota("100.00"));
    unit.post("2026-04", "2026-04-02", "额度", quota("200.00"));
    expectProblem(unit.close("2026-04"), 409, "period-not-closable")
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("2026-03 is not closed"));
    unit.close("2026-03").expectStatus().isOk().expectBody(Void.class);
    unit.close("2026-04").expectStatus().isOk().expectBody(Void.class);

    String reopen = "/api/accounting/units/{id}/periods/{p}/reopen";
    expectProblem(
        unit.preparer
            .post()
            .uri(reopen, unit.unitId, "2026-04")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("reason", "补记"))
            .exchange(),
        403,
        "forbidden");
    expectProblem(
        app.auditor
            .post()
            .uri(reopen, unit.unitId, "2026-04")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("reason", " "))
            .exchange(),
        422,
        "invalid-request");
    expectProblem(
        app.auditor
            .post()
            .uri(reopen, unit.unitId, "2026-03")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("reason", "审计调整"))
            .exchange(),
        409,
        "period-not-closable");
    app.auditor
        .post()
        .uri(reopen, unit.unitId, "2026-04")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("reason", "审计调整：补记一笔利息"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.periodStatus")
        .isEqualTo("OPEN")
        .jsonPath("$.reopenedBy")
        .isEqualTo(AccountingApp.AUDITOR);

    // reopened, the period takes the late voucher and closes again
    unit.post("2026-04", "2026-04-28", "补记额度", quota("1.00"));
    unit.close("2026-04").expectStatus().isOk().expectBody(Void.class);
    assertThat(
            app.service.count(
                "SELECT count(*) FROM govchain_log_entry WHERE subject = '"
                    + unit.unitId
                    + "/periods/2026-04'"))
        .isEqualTo(3);
  }

  @Test
  void theYearEndClearsTheBudgetAccountsIntoTheirBalanceAccounts() {
    Clerks unit = new Clerks(3, "2026-12");
    unit.post("2026-12", "2026-12-01", "额度", quota("300000.00"));
    unit.post("2026-12", "2026-12-15", "办公支出", paid("5001", "7201", "45000.00"));
    Map<?, ?> closed =
        unit.close("2026-12")
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat((List<?>) closed.get("closingEntries")).hasSizeGreaterThan(1);

    Map<?, ?> tb = unit.trialBalance("2026-12");
    for (String cleared : List.of("4001", "5001", "6001", "7201", "3301")) {
      assertThat(((Map<?, ?>) row(tb, cleared).get("closing")).get("amount"))
          .as("%s is cleared at year end", cleared)
          .isEqualTo("0.00");
    }
    Map<?, ?> totals = (Map<?, ?>) tb.get("totals");
    assertThat(((Map<?, ?>) totals.get("financial")).get("balanced")).isEqualTo(true);
    assertThat(((Map<?, ?>) totals.get("budget")).get("balanced")).isEqualTo(true);
    // the year's surplus is in accumulated surplus (3001): 300,000 − 45,000
    assertThat(row(tb, "3001").get("closing"))
        .isEqualTo(Map.of("direction", "CREDIT", "amount", "255000.00"));
  }

  static List<Map<String, Object>> quota(String amount) {
    return List.of(
        debit("1011", amount),
        credit("4001", amount),
        debit("8001", amount),
        credit("6001", amount));
  }

  private static List<Map<String, Object>> negated(List<Map<String, Object>> lines) {
    List<Map<String, Object>> negated = new ArrayList<>();
    for (Map<String, Object> line : lines) {
      Map<String, Object> copy = new HashMap<>(line);
      copy.put("amount", "-" + line.get("amount"));
      negated.add(copy);
    }
    return negated;
  }

  private static Map<?, ?> row(Map<?, ?> trialBalance, String code) {
    for (Object item : (List<?>) trialBalance.get("items")) {
      Map<?, ?> row = (Map<?, ?>) item;
      if (code.equals(row.get("code"))) {
        return row;
      }
    }
    throw new AssertionError("no row " + code + " in " + trialBalance.get("items"));
  }
}
