package org.govchain.accounting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.accounting.web.AccountingApp.credit;
import static org.govchain.accounting.web.AccountingApp.debit;
import static org.govchain.accounting.web.AccountingApp.voucher;
import static org.govchain.anchor.chain.AnchorRegistryClient.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govchain.accounting.units.OrganizationCode;
import org.govchain.accounting.units.UnifiedSocialCreditCode;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.LogId;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithDevChain;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * The integrity report against real PostgreSQL and the dev chain: intact books anchored on chain; a
 * voucher row altered behind the service's back (the append-only trigger dropped for the test), a
 * broken chain link and a voucher missing from the log, each named with what broke.
 */
@WithDevChain
@WithPostgres
class IntegrityIT {

  private static final Duration DEADLINE = Duration.ofMinutes(2);

  static List<Map<String, Object>> quota(String amount) {
    return List.of(
        debit("1011", amount),
        credit("4001", amount),
        debit("8001", amount),
        credit("6001", amount));
  }

  /** A fresh valid unit code (事业单位 in region 513200) for each test. */
  private static String newUnitCode(int n) {
    String first17 = "12513200" + String.format("%08d", 770000 + n);
    String body = first17.substring(8, 16);
    String withOrgCheck = first17.substring(0, 16) + OrganizationCode.checkCharacter(body);
    return withOrgCheck + UnifiedSocialCreditCode.checkCharacter(withOrgCheck);
  }

  @Test
  void anchoredBooksAreIntactOnChain(DevChain chain, PostgresServer.Database db) throws Exception {
    String origin = "accounting-" + UUID.randomUUID() + ".govchain.example";
    AnchorRegistryClient owner =
        await(
            AnchorRegistryClient.deploy(chain.web3j(), chain.newFundedAccount(), chain.chainId()));
    Credentials submitter = chain.newFundedAccount();
    await(owner.registerSubmitter(LogId.of(origin), submitter.getAddress()));
    try (AccountingApp app =
        AccountingApp.start(
            db,
            "govchain.log.origin=" + origin,
            "govchain.anchor.enabled=true",
            "govchain.anchor.rpc-url=" + chain.rpcUrl(),
            "govchain.anchor.chain-id=" + chain.chainId(),
            "govchain.anchor.registry-address=" + owner.address(),
            "govchain.anchor.submitter-key="
                + Numeric.toHexStringWithPrefixZeroPadded(
                    submitter.getEcKeyPair().getPrivateKey(), 64),
            "govchain.anchor.interval=1s",
            "govchain.anchor.check-interval=200ms")) {
      String unitId = app.registerUnit(AccountingApp.UNIT_CODE, "2026-01");
      for (int i = 1; i <= 3; i++) {
        app.postVoucher(
            unitId, voucher("2026-05", "2026-05-0" + (i + 3), "额度 " + i, quota(i + "00.00")));
      }

      Map<?, ?> report =
          Await.value(
              "the books anchored",
              DEADLINE,
              Duration.ofMillis(300),
              () -> {
                Map<?, ?> r = integrity(app, unitId, "2026-05");
                return "NOT_ANCHORED_YET".equals(r.get("verdict"))
                    ? Optional.empty()
                    : Optional.of(r);
              });
      assertThat(report.get("verdict")).as("%s", report).isEqualTo("INTACT");
      assertThat(report.get("checkedAgainstChain")).isEqualTo(true);
      assertThat(report.get("vouchersChecked")).isEqualTo(3);
      assertThat(report.get("vouchersAnchored")).isEqualTo(3);
      assertThat(report.get("chainLength")).isEqualTo(3);
      assertThat(report.get("firstBreak")).isNull();
    }
  }

  @Test
  void aVoucherAlteredInTheDatabaseIsNamedWithWhatBroke(PostgresServer.Database db)
      throws SQLException {
    try (AccountingApp app = AccountingApp.start(db)) {
      String unitCode = newUnitCode(1);
      String unitId = app.registerUnit(unitCode, "2026-01");
      var preparer = app.clerk("clerk-a", unitCode);
      var reviewer = app.clerk("clerk-b", unitCode);
      List<String> ids = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        ids.add(
            post(
                preparer,
                reviewer,
                unitId,
                voucher("2026-06", "2026-06-0" + (i + 1), "额度 " + i, quota(i + "0.00"))));
      }

      Map<?, ?> fresh = integrity(app, unitId, "2026-06");
      assertThat(fresh.get("verdict")).as("%s", fresh).isEqualTo("NOT_ANCHORED_YET");
      assertThat(((Map<?, ?>) fresh.get("firstNotAnchored")).get("voucherId"))
          .isEqualTo(ids.get(0));
      assertThat(fresh.get("firstBreak")).isNull();
      assertThat(fresh.get("checkedAgainstChain")).isEqualTo(false);

      // someone with database access changes the second voucher's amount
      withoutAppendOnlyTriggers(
          db,
          "UPDATE voucher_line SET amount = amount * 10 WHERE voucher_id = '" + ids.get(1) + "'");
      Map<?, ?> altered = integrity(app, unitId, "2026-06");
      assertThat(altered.get("verdict")).isEqualTo("BROKEN");
      Map<?, ?> firstBreak = (Map<?, ?>) altered.get("firstBreak");
      assertThat(firstBreak.get("voucherId")).isEqualTo(ids.get(1));
      assertThat(firstBreak.get("number")).isEqualTo(2);
      assertThat(firstBreak.get("problem")).isEqualTo("CONTENT_ALTERED");
      withoutAppendOnlyTriggers(
          db,
          "UPDATE voucher_line SET amount = amount / 10 WHERE voucher_id = '" + ids.get(1) + "'");
      assertThat(integrity(app, unitId, "2026-06").get("firstBreak")).isNull();

      // … or deletes the first voucher of the chain
      withoutAppendOnlyTriggers(
          db,
          "DELETE FROM voucher_line WHERE voucher_id = '" + ids.get(0) + "'",
          "DELETE FROM voucher WHERE id = '" + ids.get(0) + "'");
      Map<?, ?> deleted = (Map<?, ?>) integrity(app, unitId, "2026-06").get("firstBreak");
      assertThat(deleted.get("voucherId")).isEqualTo(ids.get(1));
      assertThat(deleted.get("problem")).isEqualTo("CHAIN_LINK_BROKEN");
    }
  }

  @Test
  void aVoucherMissingFromTheLogIsNamed(PostgresServer.Database db) throws SQLException {
    try (AccountingApp app = AccountingApp.start(db)) {
      String unitCode = newUnitCode(2);
      String unitId = app.registerUnit(unitCode, "2026-01");
      var preparer = app.clerk("clerk-c", unitCode);
      var reviewer = app.clerk("clerk-d", unitCode);
      post(preparer, reviewer, unitId, voucher("2026-07", "2026-07-01", "额度", quota("1.00")));
      String second =
          post(preparer, reviewer, unitId, voucher("2026-07", "2026-07-02", "额度", quota("2.00")));

      // the row claims one more version than the log recorded: the posting is not in the log
      withoutAppendOnlyTriggers(
          db, "UPDATE voucher SET version = version + 1 WHERE id = '" + second + "'");
      Map<?, ?> firstBreak = (Map<?, ?>) integrity(app, unitId, null).get("firstBreak");
      assertThat(firstBreak.get("voucherId")).isEqualTo(second);
      assertThat(firstBreak.get("problem")).isEqualTo("MISSING_FROM_LOG");
    }
  }

  private static String post(
      WebTestClient preparer, WebTestClient reviewer, String unitId, Map<String, Object> voucher) {
    return AccountingApp.postAs(preparer, reviewer, unitId, voucher).get("id").toString();
  }

  private static Map<?, ?> integrity(AccountingApp app, String unitId, String period) {
    return app.auditor
        .get()
        .uri(
            b ->
                period == null
                    ? b.path("/api/accounting/units/{id}/integrity").build(unitId)
                    : b.path("/api/accounting/units/{id}/integrity")
                        .queryParam("period", period)
                        .build(unitId))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  /** Runs {@code sql} with the books' append-only triggers dropped, then puts them back. */
  private static void withoutAppendOnlyTriggers(PostgresServer.Database db, String... sql)
      throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE voucher DISABLE TRIGGER voucher_append_only");
      s.execute("ALTER TABLE voucher_line DISABLE TRIGGER voucher_line_append_only");
      try {
        for (String statement : sql) {
          s.execute(statement);
        }
      } finally {
        s.execute("ALTER TABLE voucher ENABLE TRIGGER voucher_append_only");
        s.execute("ALTER TABLE voucher_line ENABLE TRIGGER voucher_line_append_only");
      }
    }
  }
}
