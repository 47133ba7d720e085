package org.govchain.ssc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.govchain.testsupport.fuzz.WriteFuzzing;
import org.govchain.testsupport.fuzz.WriteFuzzing.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Generated hostile input (issue 14) to every JSON write of the card API, from its OpenAPI document
 * with test-support's {@code HostileBodies}: each case a 4xx problem that shows nothing of the
 * service's insides nor the citizen data it carried, no row written in any table, nothing at ERROR
 * or in clear in the output, a healthy service; then the valid body is taken, each on a card in the
 * state its action needs. {@code -Dgovchain.fuzz.cases=2000} for the long run, {@code
 * -Dgovchain.fuzz.seed=…} to replay one.
 */
@WithPostgres
@ExtendWith(OutputCaptureExtension.class)
class SscFuzzIT {

  private static SscApp app;

  @BeforeAll
  static void start(PostgresServer.Database db) {
    app = SscApp.start(db);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void everyJsonWriteRefusesGeneratedHostileBodiesAndWritesNothing(CapturedOutput output) {
    String clerk = app.service.tokens().token(SscApp.CLERK, "ssc-clerk");
    String auditor = app.service.tokens().token(SscApp.AUDITOR, "auditor");
    String holder = app.service.tokens().token(SscApp.HOLDER, "card-holder");
    String servicePoint = app.service.tokens().token(SscApp.SERVICE_POINT, "service-point");
    Map<String, Object> reason = Map.of("reason", "窗口办理\n持卡人本人申请");
    List<Target> targets = new ArrayList<>();
    targets.add(
        target("POST", "/api/ssc/cards", clerk, SscApp.issueRequest(SscApp.newIdNumber()), 201));
    String searched = SscApp.newIdNumber();
    app.issueCard(searched);
    targets.add(
        target("POST", "/api/ssc/cards/search", auditor, Map.of("idNumber", searched), 200));
    String sealed = app.issueCard();
    targets.add(
        cardTarget(
            "activation",
            sealed,
            holder,
            Map.of("activationCode", app.activationCode(sealed)),
            200));
    targets.add(cardTarget("temporary-loss", app.normalCard(), clerk, reason, 200));
    String inTemporaryLoss = app.normalCard();
    app.act(app.clerk, inTemporaryLoss, "temporary-loss", "挂失")
        .expectStatus()
        .isOk()
        .expectBody(Void.class);
    targets.add(cardTarget("loss-lifting", inTemporaryLoss, clerk, reason, 200));
    targets.add(cardTarget("formal-loss", app.normalCard(), clerk, reason, 200));
    targets.add(cardTarget("lock", app.normalCard(), clerk, reason, 200));
    String locked = app.normalCard();
    app.act(app.clerk, locked, "lock", "冻结").expectStatus().isOk().expectBody(Void.class);
    targets.add(cardTarget("unlock", locked, clerk, reason, 200));
    targets.add(cardTarget("cancellation", app.normalCard(), clerk, reason, 200));
    String lost = app.normalCard();
    app.act(app.clerk, lost, "formal-loss", "正式挂失").expectStatus().isOk().expectBody(Void.class);
    targets.add(cardTarget("replacement", lost, clerk, reason, 201));
    targets.add(
        cardTarget(
            "exchange",
            app.normalCard(),
            clerk,
            Map.of("kind", "ORDINARY", "reason", "卡面磨损"),
            201));
    targets.add(cardTarget("personal-data", app.normalCard(), auditor, reason, 200));
    String payload = qrPayload(app.normalCard());
    targets.add(
        target(
            "POST",
            "/api/ssc/qr-verifications",
            servicePoint,
            Map.of("payload", payload, "businessType", "01"),
            200));
    List<WriteFuzzing.Outcome> outcomes =
        WriteFuzzing.runAll(app.service, output, "/api/ssc", targets);
    assertThat(WriteFuzzing.findings(outcomes)).isEmpty();
  }

  private static Target target(
      String method, String path, String token, Map<String, ?> body, int status) {
    return new Target(method, path, path, token, body, status);
  }

  private static Target cardTarget(
      String action, String card, String token, Map<String, ?> body, int status) {
    return new Target(
        "POST",
        "/api/ssc/cards/{id}/" + action,
        "/api/ssc/cards/" + card + "/" + action,
        token,
        body,
        status);
  }

  private static String qrPayload(String card) {
    return app.holder
        .post()
        .uri("/api/ssc/cards/{id}/qr-codes", card)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody()
        .get("payload")
        .toString();
  }
}
