package org.govchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.e2e.GatewaySecurityIT.assertProblem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govchain.anchor.bundle.BundleVerifier;
import org.govchain.anchor.bundle.ProofBundle;
import org.govchain.anchor.bundle.ProofBundleJson;
import org.govchain.anchor.bundle.Verdict;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.govchain.testsupport.process.AppProcess;
import org.govchain.testsupport.process.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The social security card service behind a gateway, with tokens from the auth server for a clerk,
 * a card holder, a service point and an auditor: a card issued, activated by its holder, shown as a
 * QR code and verified once, read in clear by an auditor with a reason, and its proof anchored on
 * the dev chain.
 */
@WithPostgres
@ExtendWith(SuiteExtension.class)
class CardsThroughGatewayIT {

  private static Suite.RecordService cards;
  private static AppProcess gateway;

  @BeforeAll
  static void start(Suite suite, PostgresServer.Database db) {
    cards = suite.startCardService(db);
    // anonymous calls unthrottled: the authorization matrix makes dozens a second
    gateway =
        suite.startGateway(
            Map.of(
                "GOVCHAIN_SSC_URL",
                cards.process().baseUrl(),
                "GOVCHAIN_RATE_LIMIT_ANONYMOUS_REQUESTS",
                "10000"),
            List.of());
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (cards != null) {
      cards.close();
    }
  }

  @Test
  void everyOperationAnswersEachCallerAsTheReadmesAccessTableSays(Suite suite) {
    AuthorizationMatrix.Result matrix =
        AuthorizationMatrix.run(
            suite,
            AuthorizationMatrix.readme("social-security-card-service"),
            "/api/ssc",
            new Http(cards.process().baseUrl()),
            new Http(gateway.baseUrl()));
    System.out.printf(
        "[matrix] ssc requests=%d findings=%d%n", matrix.requests(), matrix.findings().size());
    assertThat(matrix.findings()).isEmpty();
  }

  @Test
  void theServicesApiDocumentIsPublicThroughTheGatewayAsJsonAndAsYaml() {
    GatewaySecurityIT.assertServiceDocumentsPublic(new Http(gateway.baseUrl()), "/api/ssc");
  }

  @Test
  void aCardFromIssueToAVerifiedQrCodeAndAnAnchoredProof(Suite suite) {
    Http http = new Http(gateway.baseUrl());
    String clerk = suite.token("ssc-clerk");
    String holder = suite.token("card-holder");
    String servicePoint = suite.token("service-point");
    String auditor = suite.token("auditor");
    String idNumber = "36050219850615123" + checkCharacter("36050219850615123");

    Http.Response issued =
        http.postJson(
            "/api/ssc/cards",
            clerk,
            Map.of("name", "李四", "idNumber", idNumber, "issuingRegion", "360502"));
    assertThat(issued.status()).as("%s", issued).isEqualTo(201);
    assertThat(issued.text()).doesNotContain(idNumber).contains("360502********");
    String card = issued.json().path("id").asString();
    // a holder is not a clerk: issuing is refused at the gateway
    assertProblem(http.postJson("/api/ssc/cards", holder, Map.of("name", "x")), 403, "forbidden");

    String code =
        http.postJson("/api/ssc/cards/" + card + "/activation-code", clerk, Map.of())
            .json()
            .path("activationCode")
            .asString();
    Http.Response activated =
        http.postJson(
            "/api/ssc/cards/" + card + "/activation", holder, Map.of("activationCode", code));
    assertThat(activated.status()).as("%s", activated).isEqualTo(200);
    assertThat(http.get("/api/ssc/my-cards", holder).json().get(0).path("id").asString())
        .isEqualTo(card);

    String payload =
        http.postJson("/api/ssc/cards/" + card + "/qr-codes", holder, Map.of())
            .json()
            .path("payload")
            .asString();
    Map<String, String> scan = Map.of("payload", payload, "businessType", "04");
    Http.Response first = http.postJson("/api/ssc/qr-verifications", servicePoint, scan);
    assertThat(first.json().path("verdict").asString()).as("%s", first).isEqualTo("VALID");
    assertThat(
            http.postJson("/api/ssc/qr-verifications", servicePoint, scan)
                .json()
                .path("verdict")
                .asString())
        .isEqualTo("ALREADY_USED");
    assertProblem(http.postJson("/api/ssc/qr-verifications", auditor, scan), 403, "forbidden");

    // the clear data, for an auditor with a reason; not for the holder
    assertProblem(
        http.postJson("/api/ssc/cards/" + card + "/personal-data", holder, Map.of("reason", "x")),
        403,
        "forbidden");
    Http.Response clear =
        http.postJson(
            "/api/ssc/cards/" + card + "/personal-data", auditor, Map.of("reason", "case 7"));
    assertThat(clear.json().path("idNumber").asString()).as("%s", clear).isEqualTo(idNumber);

    ProofBundle proof =
        Await.value(
            "an anchored proof of card " + card,
            Duration.ofMinutes(2),
            Duration.ofMillis(300),
            () -> {
              Http.Response answer = http.get("/api/ssc/cards/" + card + "/proof", auditor);
              if (answer.status() == 200) {
                return Optional.of(ProofBundleJson.parse(answer.body()));
              }
              assertThat(answer.status()).as("%s", answer).isEqualTo(409);
              return Optional.empty();
            });
    assertThat(new BundleVerifier(suite.chain.web3j()).verify(proof, 1, cards.logKey()).verdict())
        .isEqualTo(Verdict.VALID);
    // the latest event, the auditor's clear read: who and why only as keyed references under
    // the key the service got by environment (docs/proof-bundle.md, What a bundle discloses)
    assertThat(new String(proof.leafData(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("ssc.card.personal-data-read")
        .contains("\"actor\":\"" + cards.reference("staff", "auditor") + "\"")
        .contains("\"reason\":\"" + cards.reference("reason", "case 7") + "\"")
        .doesNotContain(idNumber, "李四", "case 7", "\"auditor\"");
  }

  /** GB 11643's MOD 11-2 check character (sample data for this test only). */
  private static char checkCharacter(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return "10X98765432".charAt(sum % 11);
  }
}
