package org.govchain.ssc.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.testsupport.service.Problems.expectProblem;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.govchain.testsupport.service.Aftermath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile text against every write of the card API (issue 14): control characters, bidi controls
 * and unpaired surrogates in a citizen's data, a reason, a code or a scanned payload are 422 {@code
 * invalid-request} naming the field and the rule — never the value, which is personal data here —
 * and leave no row, no error and no clear value in the log, and a healthy service.
 */
@WithPostgres
@ExtendWith(OutputCaptureExtension.class)
class SscHostileInputIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** As JSON string escapes: NUL, ESC, DEL, a C1 control, RLO, RLI, ALM, two unpaired halves. */
  private static final List<String> HOSTILE =
      List.of(
          "\\u0000", "\\u001b", "\\u007f", "\\u0085", "\\u202e", "\\u2067", "\\u061c", "\\ud800",
          "\\udc00");

  private static SscApp app;
  private static String card;

  @BeforeAll
  static void start(PostgresServer.Database db) {
    app = SscApp.start(db);
    card = app.normalCard();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @SuppressWarnings("unchecked") // the JSON path's list of fields
  void hostileTextInAnyFieldOfANewCardIs422AndNoneOfThePersonsDataIsEchoedOrLogged(
      CapturedOutput output) {
    for (String field :
        List.of("name", "idNumber", "issuingRegion", "phone", "bankName", "bankAccount")) {
      for (String hostile : HOSTILE) {
        String idNumber = SscApp.newIdNumber();
        Map<String, Object> request = SscApp.issueRequest(idNumber);
        String clear = String.valueOf(request.get(field));
        request.put(field, "@hostile@");
        String body = JSON.writeValueAsString(request).replace("@hostile@", clear + hostile);
        Aftermath aftermath = watch(output);
        byte[] answer =
            expectProblem(post(app.clerk, "/api/ssc/cards", body), 422, "invalid-request")
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<Object>) fields).containsOnly(field))
                .jsonPath("$.errors[?(@.message =~ /.*(control|bidi|surrogate).*/)]")
                .exists()
                .returnResult()
                .getResponseBodyContent();
        assertThat(new String(answer, StandardCharsets.UTF_8))
            .doesNotContain(clear)
            .doesNotContain(idNumber);
        aftermath.assertHarmless(idNumber, clear);
      }
    }
  }

  @Test
  void aSearchAnActivationCodeOrAScannedPayloadWithHostileTextIs422(CapturedOutput output) {
    for (String hostile : HOSTILE) {
      String idNumber = SscApp.newIdNumber();
      Aftermath aftermath = watch(output);
      expectProblem(
              post(
                  app.clerk,
                  "/api/ssc/cards/search",
                  "{\"idNumber\": \"" + idNumber + hostile + "\"}"),
              422,
              "invalid-request")
          .jsonPath("$.errors[0].field")
          .isEqualTo("idNumber");
      expectProblem(
              post(
                  app.holder,
                  "/api/ssc/cards/" + card + "/activation",
                  "{\"activationCode\": \"123456" + hostile + "\"}"),
              422,
              "invalid-request")
          .jsonPath("$.errors[0].field")
          .isEqualTo("activationCode");
      expectProblem(
              post(
                  app.servicePoint,
                  "/api/ssc/qr-verifications",
                  "{\"payload\": \"x" + hostile + "\", \"businessType\": \"01\"}"),
              422,
              "invalid-request")
          .jsonPath("$.errors[0].field")
          .isEqualTo("payload");
      expectProblem(
              post(
                  app.servicePoint,
                  "/api/ssc/qr-verifications",
                  "{\"payload\": \"x\", \"businessType\": \"0" + hostile + "\"}"),
              422,
              "invalid-request")
          .jsonPath("$.errors[0].field")
          .isEqualTo("businessType");
      aftermath.assertHarmless(idNumber);
    }
  }

  @Test
  void everyReasonRefusesHostileTextButTakesLineBreaks(CapturedOutput output) {
    Map<String, WebTestClient> actions =
        Map.of(
            "temporary-loss", app.holder,
            "loss-lifting", app.holder,
            "formal-loss", app.clerk,
            "lock", app.clerk,
            "unlock", app.clerk,
            "cancellation", app.clerk,
            "replacement", app.clerk,
            "personal-data", app.clerk);
    actions.forEach(
        (action, client) -> {
          for (String hostile : List.of("\\u0000", "\\u202e", "\\ud800", "\\r", "\\u2028")) {
            Aftermath aftermath = watch(output);
            expectProblem(
                    post(
                        client,
                        "/api/ssc/cards/" + card + "/" + action,
                        "{\"reason\": \"at the counter" + hostile + "\"}"),
                    422,
                    "invalid-request")
                .jsonPath("$.errors[0].field")
                .isEqualTo("reason");
            aftermath.assertHarmless();
          }
        });
    Aftermath aftermath = watch(output);
    expectProblem(
            post(
                app.clerk,
                "/api/ssc/cards/" + card + "/exchange",
                "{\"kind\": \"ORDINARY\", \"reason\": \"worn\\u0000\"}"),
            422,
            "invalid-request")
        .jsonPath("$.errors[0].field")
        .isEqualTo("reason");
    aftermath.assertHarmless();

    String locked = app.normalCard();
    post(
            app.clerk,
            "/api/ssc/cards/" + locked + "/lock",
            "{\"reason\": \"court order\\r\\nno 12\"}")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("APPLICATION_LOCKED");
  }

  @Test
  void aPageNumberBelowZeroIsAProblemNotAServerError(CapturedOutput output) {
    Aftermath aftermath = watch(output);
    expectProblem(app.clerk.get().uri("/api/ssc/cards?page=-1").exchange(), 422, "invalid-request")
        .jsonPath("$.errors[0].field")
        .isEqualTo("page");
    aftermath.assertHarmless();
  }

  @Test
  void hostileTextInAQueryOrPathIsAProblemNotAServerError(CapturedOutput output) {
    for (String hostile : List.of("\u0000", "36\u202E0502", "\u0085")) {
      Aftermath aftermath = watch(output);
      expectProblem(
              app.clerk
                  .get()
                  .uri(b -> b.path("/api/ssc/cards").queryParam("region", "{v}").build(hostile))
                  .exchange(),
              422,
              "invalid-request")
          .jsonPath("$.errors[0].field")
          .isEqualTo("region");
      WebTestClient.ResponseSpec png =
          app.holder
              .get()
              .uri(
                  b ->
                      b.path("/api/ssc/cards/{id}/qr-codes/{token}.png").build(card, "t" + hostile))
              .exchange();
      png.expectStatus().value(status -> assertThat(status).isIn(400, 422));
      png.expectBody(Void.class);
      aftermath.assertHarmless();
    }
  }

  private static Aftermath watch(CapturedOutput output) {
    return Aftermath.watch(app.service, output, SscApp.WRITE_TABLES);
  }

  private static WebTestClient.ResponseSpec post(WebTestClient client, String path, String json) {
    return client
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json.getBytes(StandardCharsets.UTF_8))
        .exchange();
  }
}
