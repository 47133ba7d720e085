package org.govchain.ssc.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.govchain.anchor.web.region.RegionCode;
import org.govchain.ssc.SscServiceApplication;
import org.govchain.ssc.citizen.CitizenId;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.service.ServiceUnderTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The card service running on a random port against a test database, with clients for each role and
 * request fixtures. Citizen ID numbers are generated with a correct check character, never taken
 * from a list.
 */
final class SscApp implements AutoCloseable {

  static final String CLERK = "clerk-zhou";
  static final String AUDITOR = "auditor-li";
  static final String HOLDER = "citizen-wu";
  static final String SERVICE_POINT = "hospital-1";

  /** The tables a card write touches. */
  static final String[] WRITE_TABLES = {
    "card",
    "card_event",
    "card_activation",
    "qr_token",
    "govchain_log_entry",
    "govchain_idempotency"
  };

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  final ServiceUnderTest service;
  final WebTestClient clerk;
  final WebTestClient auditor;
  final WebTestClient holder;
  final WebTestClient servicePoint;
  final WebTestClient anonymous;

  /** Where the instance keeps its development QR key. */
  final Path dataDir;

  private SscApp(ServiceUnderTest service, Path dataDir) {
    this.service = service;
    this.dataDir = dataDir;
    this.clerk = service.client(CLERK, "ssc-clerk");
    this.auditor = service.client(AUDITOR, "auditor");
    this.holder = service.client(HOLDER, "card-holder");
    this.servicePoint = service.client(SERVICE_POINT, "service-point");
    this.anonymous = service.anonymous();
  }

  /** The service on {@code db} with its own data directory; {@code extra} settings win. */
  static SscApp start(PostgresServer.Database db, String... extra) {
    try {
      return start(db, Files.createTempDirectory("ssc-data"), extra);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The service on {@code db} with {@code dataDir} (another instance's: the same QR key). */
  static SscApp start(PostgresServer.Database db, Path dataDir, String... extra) {
    List<String> properties = new ArrayList<>();
    properties.add("govchain.ssc.data-dir=" + dataDir);
    properties.addAll(List.of(extra));
    return new SscApp(
        ServiceUnderTest.start(SscServiceApplication.class, db, properties.toArray(String[]::new)),
        dataDir);
  }

  /** A fresh valid citizen ID (Xinyu's Yushui district, a birth date in the 1980s). */
  static String newIdNumber() {
    int n = SEQUENCE.incrementAndGet();
    return CitizenId.of(
            RegionCode.parse("360502", "region"),
            LocalDate.of(1980, 1, 1).plusDays(n * 37L % 3650),
            n % 1000)
        .value();
  }

  /** An issue request for a person, with phone and bank. */
  static Map<String, Object> issueRequest(String idNumber) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "张三丰");
    body.put("idNumber", idNumber);
    body.put("issuingRegion", "360502");
    body.put("phone", "13812345678");
    body.put("bankName", "中国工商银行新余分行");
    body.put("bankAccount", "6222021234567890123");
    return body;
  }

  WebTestClient.ResponseSpec issue(Map<String, Object> request) {
    return clerk
        .post()
        .uri("/api/ssc/cards")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(request)
        .exchange();
  }

  /** Issues a card for a new person and returns its id. */
  String issueCard() {
    return issueCard(newIdNumber());
  }

  String issueCard(String idNumber) {
    return issue(issueRequest(idNumber))
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody()
        .get("id")
        .toString();
  }

  /** A new activation code for a sealed card, from the clerk. */
  String activationCode(String cardId) {
    return clerk
        .post()
        .uri("/api/ssc/cards/{id}/activation-code", cardId)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody()
        .get("activationCode")
        .toString();
  }

  /** Issues a card and activates it as {@link #HOLDER}: a NORMAL card of theirs. */
  String normalCard() {
    return normalCard(newIdNumber());
  }

  /** {@link #normalCard()} for the person with {@code idNumber}. */
  String normalCard(String idNumber) {
    String id = issueCard(idNumber);
    holder
        .post()
        .uri("/api/ssc/cards/{id}/activation", id)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("activationCode", activationCode(id)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Void.class);
    return id;
  }

  /** {@code POST /api/ssc/cards/{id}/<action>} with a reason, by {@code client}. */
  WebTestClient.ResponseSpec act(
      WebTestClient client, String cardId, String action, String reason) {
    return client
        .post()
        .uri("/api/ssc/cards/{id}/" + action, cardId)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(reason == null ? Map.of() : Map.of("reason", reason))
        .exchange();
  }

  Map<String, Long> rowCounts() {
    return service.rowCounts(WRITE_TABLES);
  }

  long count(String sql) {
    return service.count(sql);
  }

  @Override
  public void close() {
    service.close();
  }
}
