package org.govchain.accounting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.accounting.web.AccountingApp.credit;
import static org.govchain.accounting.web.AccountingApp.debit;
import static org.govchain.accounting.web.AccountingApp.voucher;
import static org.govchain.anchor.chain.AnchorRegistryClient.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govchain.anchor.bundle.ProofBundle;
import org.govchain.anchor.bundle.ProofBundleJson;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.LogId;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.anchor.spring.log.LogReferences;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithDevChain;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * What the accounting log's bundles disclose (docs/proof-bundle.md, "What a bundle discloses"),
 * read as every role that can get one — a clerk of the unit, a clerk of another unit (who reads
 * every entry's bundle by index), an auditor and an admin: a month of a unit's books (a unit and a
 * sub-account, a voucher to an individual prepared, reviewed and posted, its findings worked with a
 * comment, a draft discarded, the period closed and reopened with a reason) names every clerk,
 * auditor and admin only by a keyed reference, and the comment and reason only by theirs, while the
 * accounting record — summary, lines, the payee's reference — stays in clear; the books, whose hash
 * chain covers the references, are still intact on chain.
 */
@WithDevChain
@WithPostgres
class AccountingDisclosureIT {

  private static final Duration DEADLINE = Duration.ofMinutes(2);
  private static final String SUMMARY = "支付差旅费（编号 EMP-0042 出差成都）";
  private static final String COMMENT = "请会计张伟补交王五的出差审批单";
  private static final String REOPEN = "审计发现出纳李四经手的报销单据缺失";

  @Test
  void everyRoleReadsPeopleCommentsAndReasonsOnlyAsKeyedReferencesAndTheRecordInClear(
      DevChain chain, PostgresServer.Database db) throws Exception {
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
      LogReferences references = app.service.context().getBean(LogReferences.class);
      String unitId = app.registerUnit(AccountingApp.UNIT_CODE, "2026-01");
      app.addAccount(unitId, "1002.01", "工商银行基本户");

      // 60,000.00 in cash to an individual without support: round-amount and more findings
      Map<String, Object> travel =
          voucher(
              "2026-01",
              "2026-01-12",
              SUMMARY,
              List.of(
                  debit("5001", "60000.00"),
                  credit("1011", "60000.00"),
                  debit("7201", "60000.00"),
                  credit("8001", "60000.00")));
      travel.put("counterparty", Map.of("kind", "INDIVIDUAL", "code", "EMP-0042"));
      Map<String, Object> posted = app.postVoucher(unitId, travel);
      String voucherId = (String) posted.get("id");
      String findingId = (String) ((Map<?, ?>) ((List<?>) posted.get("findings")).get(0)).get("id");
      app.auditor
          .post()
          .uri("/api/accounting/findings/{id}/acknowledge", findingId)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("comment", COMMENT))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody(Void.class);
      String draft =
          AccountingApp.prepareAs(
                  app.reviewer,
                  unitId,
                  voucher(
                      "2026-01",
                      "2026-01-20",
                      "作废的草稿",
                      List.of(debit("5001", "1.00"), credit("1602", "1.00"))))
              .expectStatus()
              .isCreated()
              .expectBody(Map.class)
              .returnResult()
              .getResponseBody()
              .get("id")
              .toString();
      app.preparer
          .delete()
          .uri("/api/accounting/vouchers/{id}", draft)
          .exchange()
          .expectStatus()
          .isNoContent()
          .expectBody(Void.class);
      app.preparer
          .post()
          .uri("/api/accounting/units/{id}/periods/{p}/close", unitId, "2026-01")
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.closedBy")
          .isEqualTo(AccountingApp.PREPARER);
      app.auditor
          .post()
          .uri("/api/accounting/units/{id}/periods/{p}/reopen", unitId, "2026-01")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("reason", REOPEN))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.reopenedBy")
          .isEqualTo(AccountingApp.AUDITOR)
          .jsonPath("$.reason")
          .isEqualTo(REOPEN);

      // the hash chain covers the clerks' references, and still agrees with the log and the chain
      Map<?, ?> report =
          Await.value(
              "the books anchored",
              DEADLINE,
              Duration.ofMillis(300),
              () -> {
                Map<?, ?> r = integrity(app, unitId);
                return "NOT_ANCHORED_YET".equals(r.get("verdict"))
                    ? Optional.empty()
                    : Optional.of(r);
              });
      assertThat(report.get("verdict")).as("%s", report).isEqualTo("INTACT");
      assertThat(report.get("checkedAgainstChain")).isEqualTo(true);

      List<String> clear =
          List.of(
              AccountingApp.PREPARER,
              AccountingApp.REVIEWER,
              AccountingApp.AUDITOR,
              AccountingApp.ADMIN,
              AccountingApp.OTHER_CLERK,
              COMMENT,
              REOPEN,
              "张伟",
              "李四");
      String preparer = references.staff(AccountingApp.PREPARER);
      String reviewer = references.staff(AccountingApp.REVIEWER);
      String auditor = references.staff(AccountingApp.AUDITOR);
      long entries = app.service.count("SELECT count(*) FROM govchain_log_entry");
      for (WebTestClient reader : List.of(app.preparer, app.otherClerk, app.auditor, app.admin)) {
        Map<String, Map<String, Object>> events = new LinkedHashMap<>();
        List<String> types = new ArrayList<>();
        for (int index = 0; index < entries; index++) {
          ProofBundle bundle =
              awaitBundle(reader, "/api/accounting/log/entries/" + index + "/bundle");
          assertNoneInClear(bundle, clear);
          EventEnvelope envelope = EventEnvelope.parse(bundle.leafData());
          types.add(envelope.type());
          events.putIfAbsent(envelope.type() + " " + envelope.subject(), envelope.data());
        }
        assertThat(types)
            .contains(
                "accounting.unit.registered",
                "accounting.account.added",
                "accounting.voucher.prepared",
                "accounting.voucher.reviewed",
                "accounting.voucher.posted",
                "accounting.finding.raised",
                "accounting.finding.acknowledged",
                "accounting.voucher.discarded",
                "accounting.period.closed",
                "accounting.period.reopened");

        assertThat(events.get("accounting.unit.registered " + unitId))
            .containsEntry("createdBy", references.staff(AccountingApp.ADMIN))
            .containsEntry("creditCode", AccountingApp.UNIT_CODE);
        assertThat(events.get("accounting.account.added " + unitId + "/accounts/1002.01"))
            .containsEntry("createdBy", preparer)
            .containsEntry("name", "工商银行基本户");
        assertThat(events.get("accounting.voucher.prepared " + voucherId))
            .containsEntry("preparer", preparer)
            .containsEntry("summary", SUMMARY)
            .containsEntry("counterparty", counterparty());
        assertThat(events.get("accounting.voucher.reviewed " + voucherId))
            .containsEntry("preparer", preparer)
            .containsEntry("reviewer", reviewer);
        @SuppressWarnings("unchecked")
        Map<String, Object> content =
            (Map<String, Object>)
                events.get("accounting.voucher.posted " + voucherId).get("content");
        assertThat(content)
            .containsEntry("preparer", preparer)
            .containsEntry("reviewer", reviewer)
            .containsEntry("postedBy", preparer)
            .containsEntry("summary", SUMMARY);
        assertThat(events.get("accounting.finding.acknowledged " + findingId))
            .containsEntry("actor", auditor)
            .containsEntry("comment", references.of("comment", COMMENT));
        assertThat(events.get("accounting.voucher.discarded " + draft))
            .containsEntry("preparer", reviewer)
            .containsEntry("discardedBy", preparer);
        assertThat(events.get("accounting.period.closed " + unitId + "/periods/2026-01"))
            .containsEntry("closedBy", preparer);
        assertThat(events.get("accounting.period.reopened " + unitId + "/periods/2026-01"))
            .containsEntry("reopenedBy", auditor)
            .containsEntry("reason", references.reason(REOPEN));
      }

      // the records' own proofs, for the roles that read the unit's records
      for (WebTestClient reader : List.of(app.preparer, app.auditor, app.admin)) {
        for (String path :
            List.of(
                "/api/accounting/units/" + unitId + "/proof",
                "/api/accounting/vouchers/" + voucherId + "/proof",
                "/api/accounting/findings/" + findingId + "/proof")) {
          assertNoneInClear(awaitBundle(reader, path), clear);
        }
      }
    }
  }

  private static Map<String, Object> counterparty() {
    Map<String, Object> counterparty = new LinkedHashMap<>();
    counterparty.put("code", "EMP-0042");
    counterparty.put("kind", "INDIVIDUAL");
    counterparty.put("name", null);
    return counterparty;
  }

  private static Map<?, ?> integrity(AccountingApp app, String unitId) {
    return app.auditor
        .get()
        .uri("/api/accounting/units/{id}/integrity?period=2026-01", unitId)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private static void assertNoneInClear(ProofBundle bundle, List<String> clear) {
    String envelope = new String(bundle.leafData(), StandardCharsets.UTF_8);
    for (String value : clear) {
      assertThat(envelope).doesNotContain(value);
    }
  }

  private static ProofBundle awaitBundle(WebTestClient reader, String path) {
    return Await.value(
        "an anchored bundle at " + path,
        DEADLINE,
        Duration.ofMillis(250),
        () -> {
          var result = reader.get().uri(path).exchange().expectBody(byte[].class).returnResult();
          if (result.getStatus().value() == 200) {
            return Optional.of(ProofBundleJson.parse(result.getResponseBody()));
          }
          assertThat(result.getStatus().value())
              .as("only not-anchored-yet while waiting for %s", path)
              .isEqualTo(409);
          return Optional.empty();
        });
  }
}
