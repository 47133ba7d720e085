package org.govchain.ssc.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.testsupport.service.Problems.expectProblem;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Dynamic QR codes against a real PostgreSQL, with two instances of the service on one database:
 * valid once, then already used — on either instance; expired; forged; a card that cannot be used.
 */
@WithPostgres
class SscQrIT {

  private static SscApp app;
  private static SscApp replica;

  @BeforeAll
  static void start(PostgresServer.Database db) {
    app = SscApp.start(db);
    // a second instance on the same database and data directory (so the same QR key)
    replica = SscApp.start(db, app.dataDir);
  }

  @AfterAll
  static void stop() {
    replica.close();
    app.close();
  }

  @Test
  void aCodeIsValidOnceAndThenAlreadyUsedOnEitherInstance() {
    String card = app.normalCard();
    String payload = issue(card);
    verify(app.servicePoint, payload, "02")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.verdict")
        .isEqualTo("VALID")
        .jsonPath("$.card.status")
        .isEqualTo("NORMAL")
        .jsonPath("$.card.region")
        .isEqualTo("360502")
        .jsonPath("$.card.holderName")
        .isEqualTo("张*丰")
        .jsonPath("$.card.holderIdNumber")
        .value(id -> assertThat((String) id).matches("360502\\*{8}[0-9]{3}[0-9X]"));
    for (SscApp instance : List.of(app, replica)) {
      verify(instance.servicePoint, payload, "01")
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.verdict")
          .isEqualTo("ALREADY_USED");
    }
  }

  @Test
  void aReplayRacedOnTwoInstancesIsAcceptedExactlyOnce() throws Exception {
    for (int round = 0; round < 5; round++) {
      String payload = issue(app.normalCard());
      List<CompletableFuture<String>> verdicts = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        SscApp instance = i % 2 == 0 ? app : replica;
        verdicts.add(
            CompletableFuture.supplyAsync(
                () ->
                    (String)
                        verify(instance.servicePoint, payload, "04")
                            .expectStatus()
                            .isOk()
                            .expectBody(Map.class)
                            .returnResult()
                            .getResponseBody()
                            .get("verdict")));
      }
      List<String> all = new ArrayList<>();
      for (CompletableFuture<String> v : verdicts) {
        all.add(v.get());
      }
      assertThat(all).filteredOn("VALID"::equals).hasSize(1);
      assertThat(all).filteredOn("ALREADY_USED"::equals).hasSize(5);
    }
  }

  @Test
  void expiredForgedAndUnusableCodesAreSaidSoAndEveryVerificationIsLogged() {
    long before =
        app.count("SELECT count(*) FROM govchain_log_entry WHERE event_type = 'ssc.qr.verified'");
    String card = app.normalCard();
    String late = issue(card);
    String tampered = issue(card);
    char last = tampered.charAt(tampered.length() - 1);
    String forged = tampered.substring(0, tampered.length() - 1) + (last == 'A' ? 'B' : 'A');
    verdict(forged, "FORGED");
    verdict("not a code", "FORGED");
    app.service.clock().advance(Duration.ofSeconds(61));
    replica.service.clock().advance(Duration.ofSeconds(61));
    verdict(late, "EXPIRED");
    // the tampered code itself is still genuine once the forgery was refused
    String fresh = issue(card);
    app.act(app.holder, card, "temporary-loss", null).expectStatus().isOk().expectBody(Void.class);
    verify(app.servicePoint, fresh, "03")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.verdict")
        .isEqualTo("CARD_NOT_USABLE")
        .jsonPath("$.card.statusCode")
        .isEqualTo(4);
    expectProblem(
        app.holder.post().uri("/api/ssc/cards/{id}/qr-codes", card).exchange(),
        409,
        "card-not-usable");
    assertThat(
            app.count(
                "SELECT count(*) FROM govchain_log_entry WHERE event_type = 'ssc.qr.verified'"))
        .isEqualTo(before + 4);
  }

  @Test
  void badBusinessTypesAndOtherHoldersAreRefusedWithoutWriting() {
    String card = app.normalCard();
    String payload = issue(card);
    Map<String, Long> before = app.rowCounts();
    expectProblem(verify(app.servicePoint, payload, "05"), 422, "invalid-request");
    expectProblem(
        app.service
            .client("citizen-other", "card-holder")
            .post()
            .uri("/api/ssc/cards/{id}/qr-codes", card)
            .exchange(),
        404,
        "unknown-card");
    assertThat(app.rowCounts()).isEqualTo(before);
  }

  @Test
  void theHolderGetsThePngOfAnUnusedCode() throws Exception {
    String card = app.normalCard();
    Map<?, ?> issued = issued(card);
    byte[] png =
        app.holder
            .get()
            .uri(issued.get("image") + "?size=256")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType(MediaType.IMAGE_PNG)
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(256);
    verify(app.servicePoint, (String) issued.get("payload"), "01")
        .expectStatus()
        .isOk()
        .expectBody(Void.class);
    expectProblem(
        app.holder.get().uri((String) issued.get("image")).exchange(), 404, "unknown-qr-code");
  }

  private static String issue(String card) {
    return (String) issued(card).get("payload");
  }

  private static Map<?, ?> issued(String card) {
    return app.holder
        .post()
        .uri("/api/ssc/cards/{id}/qr-codes", card)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private static void verdict(String payload, String expected) {
    verify(app.servicePoint, payload, "01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.verdict")
        .isEqualTo(expected);
  }

  private static WebTestClient.ResponseSpec verify(
      WebTestClient servicePoint, String payload, String business) {
    return servicePoint
        .post()
        .uri("/api/ssc/qr-verifications")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("payload", payload, "businessType", business))
        .exchange();
  }
}
