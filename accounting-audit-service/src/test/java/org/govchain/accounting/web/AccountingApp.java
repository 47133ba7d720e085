package org.govchain.accounting.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govchain.accounting.AccountingServiceApplication;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.service.ServiceUnderTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The accounting service running on a random port against a test database, with clients for each
 * role — two clerks of the demo unit, a clerk of another unit — and request fixtures.
 */
final class AccountingApp implements AutoCloseable {

  /** The unit the clerks keep books for (机关, region 513200, valid check characters). */
  static final String UNIT_CODE = "115132000088000108";

  /** Another unit (事业单位, same region). */
  static final String OTHER_UNIT_CODE = "125132000088000292";

  static final String PREPARER = "clerk-wang";
  static final String REVIEWER = "clerk-zhao";
  static final String OTHER_CLERK = "clerk-sun";
  static final String AUDITOR = "auditor-li";
  static final String ADMIN = "admin-chen";

  /** The tables a voucher write touches. */
  static final String[] WRITE_TABLES = {
    "unit",
    "unit_account",
    "unit_chain",
    "voucher",
    "voucher_line",
    "voucher_attachment",
    "voucher_counter",
    "period",
    "govchain_log_entry",
    "govchain_idempotency"
  };

  final ServiceUnderTest service;
  final WebTestClient preparer;
  final WebTestClient reviewer;
  final WebTestClient otherClerk;
  final WebTestClient auditor;
  final WebTestClient admin;
  final WebTestClient anonymous;

  private AccountingApp(ServiceUnderTest service) {
    this.service = service;
    this.preparer = clerk(PREPARER, UNIT_CODE);
    this.reviewer = clerk(REVIEWER, UNIT_CODE);
    this.otherClerk = clerk(OTHER_CLERK, OTHER_UNIT_CODE);
    this.auditor = service.client(AUDITOR, "auditor");
    this.admin = service.client(ADMIN, "admin");
    this.anonymous = service.anonymous();
  }

  static AccountingApp start(PostgresServer.Database db, String... extra) {
    List<String> properties = new ArrayList<>(List.of(extra));
    return new AccountingApp(
        ServiceUnderTest.start(
            AccountingServiceApplication.class, db, properties.toArray(String[]::new)));
  }

  /** A client for an accounting clerk of the unit with {@code unitCode} (the unit claim). */
  WebTestClient clerk(String subject, String unitCode) {
    Instant now = Instant.now();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("roles", List.of("accounting-clerk"));
    if (unitCode != null) {
      claims.put("unit", unitCode);
    }
    return service.withToken(
        service.tokens().sign(subject, claims, now, now.plus(Duration.ofMinutes(10))));
  }

  /** Registers a unit (admin) whose books begin in {@code firstPeriod}; returns its id. */
  String registerUnit(String creditCode, String firstPeriod) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("creditCode", creditCode);
    body.put("name", "阿坝州示范单位 " + creditCode.substring(12));
    body.put("region", "513200");
    body.put("type", creditCode.charAt(1) == '1' ? "ADMINISTRATIVE" : "PUBLIC_INSTITUTION");
    body.put("firstPeriod", firstPeriod);
    return admin
        .post()
        .uri("/api/accounting/units")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody()
        .get("id")
        .toString();
  }

  /** Adds a sub-account to the unit's chart as the preparer. */
  void addAccount(String unitId, String code, String name) {
    preparer
        .post()
        .uri("/api/accounting/units/{id}/accounts", unitId)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("code", code, "name", name))
        .exchange()
        .expectStatus()
        .isCreated();
  }

  /** A voucher line. */
  static Map<String, Object> line(String account, String side, String amount) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("account", account);
    line.put("side", side);
    line.put("amount", amount);
    return line;
  }

  static Map<String, Object> debit(String account, String amount) {
    return line(account, "DEBIT", amount);
  }

  static Map<String, Object> credit(String account, String amount) {
    return line(account, "CREDIT", amount);
  }

  /** A voucher request. */
  static Map<String, Object> voucher(
      String period, String date, String summary, List<Map<String, Object>> lines) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("period", period);
    body.put("date", date);
    body.put("summary", summary);
    body.put("lines", lines);
    return body;
  }

  /** Prepares a voucher as the preparer. */
  WebTestClient.ResponseSpec prepare(String unitId, Map<String, Object> voucher) {
    return prepareAs(preparer, unitId, voucher);
  }

  /** Prepares, reviews and posts a voucher; returns it as posted. */
  Map<String, Object> postVoucher(String unitId, Map<String, Object> voucher) {
    return postAs(preparer, reviewer, unitId, voucher);
  }

  /** Reviews (as the reviewer) and posts (as the preparer) a prepared voucher. */
  Map<String, Object> reviewAndPost(String voucherId) {
    return reviewAndPostAs(preparer, reviewer, voucherId);
  }

  /** {@code clerk} prepares a voucher in the unit. */
  static WebTestClient.ResponseSpec prepareAs(
      WebTestClient clerk, String unitId, Map<String, Object> voucher) {
    return clerk
        .post()
        .uri("/api/accounting/units/{id}/vouchers", unitId)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(voucher)
        .exchange();
  }

  /** {@code preparer} prepares a voucher, {@code reviewer} reviews it, the preparer posts it. */
  static Map<String, Object> postAs(
      WebTestClient preparer, WebTestClient reviewer, String unitId, Map<String, Object> voucher) {
    String id =
        prepareAs(preparer, unitId, voucher)
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id")
            .toString();
    return reviewAndPostAs(preparer, reviewer, id);
  }

  /** {@code reviewer} reviews a prepared voucher, {@code preparer} posts it. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> reviewAndPostAs(
      WebTestClient preparer, WebTestClient reviewer, String voucherId) {
    reviewer
        .post()
        .uri("/api/accounting/vouchers/{id}/review", voucherId)
        .exchange()
        .expectStatus()
        .isOk();
    return preparer
        .post()
        .uri("/api/accounting/vouchers/{id}/posting", voucherId)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  @Override
  public void close() {
    service.close();
  }
}
