package org.govchain.accounting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.accounting.web.AccountingApp.credit;
import static org.govchain.accounting.web.AccountingApp.debit;
import static org.govchain.accounting.web.AccountingApp.voucher;
import static org.govchain.testsupport.service.Problems.expectProblem;
import static org.springframework.http.HttpMethod.DELETE;
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
 * The accounting service's security (README, Security) over HTTP: test-support's {@link
 * SecurityContract} against its path → role table, and what is its own: a clerk acts for the unit
 * of their token's {@code unit} claim only.
 */
@WithPostgres
class AccountingSecurityIT extends SecurityContract {

  private static final String CLERK = Role.ACCOUNTING_CLERK.claimValue();
  private static final String AUDITOR = Role.AUDITOR.claimValue();
  private static final String ADMIN = Role.ADMIN.claimValue();

  /** An id nothing has. */
  private static final String NONE = "00000000-0000-4000-8000-000000000000";

  private static AccountingApp app;

  @BeforeAll
  static void start(PostgresServer.Database db) {
    app = AccountingApp.start(db);
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
    return "/api/accounting";
  }

  /** AccountingSecurityConfiguration's table. */
  @Override
  protected List<Route> routes() {
    String unit = "/api/accounting/units/" + NONE;
    String voucher = "/api/accounting/vouchers/" + NONE;
    String finding = "/api/accounting/findings/" + NONE;
    return List.of(
        Route.of(POST, "/api/accounting/units", ADMIN),
        Route.of(GET, "/api/accounting/units", CLERK, AUDITOR, ADMIN),
        Route.of(GET, unit, CLERK, AUDITOR, ADMIN),
        Route.of(GET, unit + "/proof", CLERK, AUDITOR, ADMIN),
        Route.of(GET, unit + "/accounts", CLERK, AUDITOR, ADMIN),
        Route.of(GET, unit + "/vouchers", CLERK, AUDITOR, ADMIN),
        Route.of(GET, unit + "/integrity", CLERK, AUDITOR, ADMIN),
        Route.of(GET, unit + "/periods", CLERK, AUDITOR, ADMIN),
        Route.of(GET, unit + "/trial-balance?period=2026-01", CLERK, AUDITOR, ADMIN),
        Route.of(GET, unit + "/ledger?account=1001&from=2026-01", CLERK, AUDITOR, ADMIN),
        Route.of(GET, "/api/accounting/chart", CLERK, AUDITOR, ADMIN),
        Route.of(POST, unit + "/accounts", CLERK),
        Route.of(POST, unit + "/vouchers", CLERK),
        Route.of(POST, unit + "/periods/2026-01/close", CLERK),
        Route.of(POST, unit + "/periods/2026-01/reopen", AUDITOR),
        Route.of(GET, voucher, CLERK, AUDITOR, ADMIN),
        Route.of(GET, voucher + "/proof", CLERK, AUDITOR, ADMIN),
        Route.of(POST, voucher + "/review", CLERK),
        Route.of(POST, voucher + "/posting", CLERK),
        Route.of(POST, voucher + "/reversal", CLERK),
        Route.of(DELETE, voucher, CLERK),
        Route.of(GET, "/api/accounting/findings", CLERK, AUDITOR, ADMIN),
        Route.of(GET, finding, CLERK, AUDITOR, ADMIN),
        Route.of(GET, finding + "/proof", CLERK, AUDITOR, ADMIN),
        Route.of(POST, finding + "/acknowledge", AUDITOR),
        Route.of(POST, finding + "/escalate", AUDITOR),
        Route.of(POST, finding + "/resolve", AUDITOR));
  }

  @Override
  protected Set<String> logReaders() {
    return Set.of(CLERK);
  }

  @Override
  protected List<String> writeTables() {
    return List.of(AccountingApp.WRITE_TABLES);
  }

  @Test
  void aClerkActsOnlyForTheUnitOfTheirToken() {
    String unitId = app.registerUnit(AccountingApp.UNIT_CODE, "2026-01");
    Map<String, Object> quota =
        voucher(
            "2026-01",
            "2026-01-05",
            "额度",
            List.of(
                debit("1011", "10.00"),
                credit("4001", "10.00"),
                debit("8001", "10.00"),
                credit("6001", "10.00")));
    String id =
        app.prepare(unitId, quota)
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id")
            .toString();

    Map<String, Long> before = app.service.rowCounts(AccountingApp.WRITE_TABLES);
    var unbound = app.clerk("clerk-nobody", null);
    for (var stranger : List.of(app.otherClerk, unbound)) {
      expectProblem(
          stranger
              .post()
              .uri("/api/accounting/units/{id}/vouchers", unitId)
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue(quota)
              .exchange(),
          403,
          "foreign-unit");
      expectProblem(
          stranger.post().uri("/api/accounting/vouchers/{id}/review", id).exchange(),
          403,
          "foreign-unit");
      expectProblem(
          stranger.get().uri("/api/accounting/vouchers/{id}", id).exchange(), 403, "foreign-unit");
      expectProblem(
          stranger.delete().uri("/api/accounting/vouchers/{id}", id).exchange(),
          403,
          "foreign-unit");
    }
    assertThat(app.service.rowCounts(AccountingApp.WRITE_TABLES)).isEqualTo(before);

    // the voucher names the token's subjects: preparer and reviewer
    app.reviewer
        .post()
        .uri("/api/accounting/vouchers/{id}/review", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.preparer")
        .isEqualTo(AccountingApp.PREPARER)
        .jsonPath("$.reviewer")
        .isEqualTo(AccountingApp.REVIEWER);
  }
}
