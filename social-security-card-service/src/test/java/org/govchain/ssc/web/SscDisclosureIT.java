package org.govchain.ssc.web;

import static org.assertj.core.api.Assertions.assertThat;
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
 * What the card log's bundles disclose (docs/proof-bundle.md, "What a bundle discloses"), read as
 * every role that can get one — a card clerk, an auditor, an admin and the card's holder, through
 * the card's proofs and the log API (where a holder reads every card's bundles by index): a card's
 * whole life (issue, activation, losses, locks, a clear read, a QR verification, a replacement)
 * leaves no citizen's data, card number, identification code, staff user name or typed reason in
 * clear in any envelope, only keyed references, the same for the same value within the service.
 */
@WithDevChain
@WithPostgres
class SscDisclosureIT {

  private static final Duration DEADLINE = Duration.ofMinutes(2);
  private static final String ADMIN = "admin-sun";
  private static final String LOCK = "张三丰本人来电，称手机被盗，申请锁定";
  private static final String UNLOCK = "张三丰持身份证到柜台核验后解锁";
  private static final String READ = "法院协查函 (2026) 赣0502协字第17号";
  private static final String LOSS = "持卡人张三丰报失，138 1234 5678";

  @Test
  void noRoleFindsACitizenACardIdentifierAStaffMemberOrAReasonInClearInAnyBundle(
      DevChain chain, PostgresServer.Database db) throws Exception {
    String origin = "ssc-" + UUID.randomUUID() + ".govchain.example";
    AnchorRegistryClient owner =
        await(
            AnchorRegistryClient.deploy(chain.web3j(), chain.newFundedAccount(), chain.chainId()));
    Credentials submitter = chain.newFundedAccount();
    await(owner.registerSubmitter(LogId.of(origin), submitter.getAddress()));
    try (SscApp app =
        SscApp.start(
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
      WebTestClient admin = app.service.client(ADMIN, "admin");
      String idNumber = SscApp.newIdNumber();

      // a card's life: issued, activated, lost and found by the holder, locked and unlocked, read
      // in clear, shown at a hospital, formally lost and replaced
      String card = app.normalCard(idNumber);
      app.act(app.holder, card, "temporary-loss", null)
          .expectStatus()
          .isOk()
          .expectBody(Void.class);
      app.act(app.holder, card, "loss-lifting", null).expectStatus().isOk().expectBody(Void.class);
      app.act(app.clerk, card, "lock", LOCK).expectStatus().isOk().expectBody(Void.class);
      app.act(app.clerk, card, "unlock", UNLOCK).expectStatus().isOk().expectBody(Void.class);
      app.act(app.auditor, card, "personal-data", READ)
          .expectStatus()
          .isOk()
          .expectBody(Void.class);
      String payload =
          (String)
              app.holder
                  .post()
                  .uri("/api/ssc/cards/{id}/qr-codes", card)
                  .exchange()
                  .expectStatus()
                  .isOk()
                  .expectBody(Map.class)
                  .returnResult()
                  .getResponseBody()
                  .get("payload");
      app.servicePoint
          .post()
          .uri("/api/ssc/qr-verifications")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("payload", payload, "businessType", "04"))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.verdict")
          .isEqualTo("VALID");
      app.act(app.clerk, card, "formal-loss", LOSS).expectStatus().isOk().expectBody(Void.class);
      Map<?, ?> successor =
          app.act(app.clerk, card, "replacement", null)
              .expectStatus()
              .isCreated()
              .expectBody(Map.class)
              .returnResult()
              .getResponseBody();
      Map<?, ?> original = view(app.clerk, card);
      String number = (String) original.get("cardNumber");
      String code = (String) original.get("identificationCode");

      List<String> clear = new ArrayList<>();
      clear.addAll(List.of(idNumber, "张三丰", "13812345678", "6222021234567890123"));
      clear.addAll(List.of(number, code, (String) successor.get("cardNumber")));
      clear.add((String) successor.get("identificationCode"));
      clear.addAll(
          List.of(SscApp.CLERK, SscApp.AUDITOR, SscApp.HOLDER, SscApp.SERVICE_POINT, ADMIN));
      clear.addAll(List.of(LOCK, UNLOCK, READ, LOSS, "手机被盗", "协查"));

      String clerk = references.staff(SscApp.CLERK);
      // the card's latest event (the replacement) anchored: everything before it is too
      for (WebTestClient reader : List.of(app.clerk, app.auditor, admin, app.holder)) {
        Map<String, Map<String, Object>> byType = new LinkedHashMap<>();
        awaitBundle(reader, "/api/ssc/cards/" + card + "/proof");
        for (int index = 0; index < 11; index++) {
          ProofBundle bundle = awaitBundle(reader, "/api/ssc/log/entries/" + index + "/bundle");
          EventEnvelope envelope = EventEnvelope.parse(bundle.leafData());
          assertNoneInClear(bundle, clear);
          byType.put(
              envelope.type() + (envelope.subject().equals(card) ? "" : " (other)"),
              envelope.data());
        }
        assertThat(byType)
            .containsOnlyKeys(
                "ssc.card.issued",
                "ssc.card.activated",
                "ssc.card.temporary-loss-reported",
                "ssc.card.loss-lifted",
                "ssc.card.locked",
                "ssc.card.unlocked",
                "ssc.card.personal-data-read",
                "ssc.qr.verified (other)",
                "ssc.card.formal-loss-reported",
                "ssc.card.replaced",
                "ssc.card.issued (other)");

        Map<String, Object> issued = byType.get("ssc.card.issued");
        assertThat(issued)
            .containsEntry("actor", clerk)
            .containsEntry("cardNumber", references.of("card-number", number))
            .containsEntry("identificationCode", references.of("card-identification-code", code))
            .containsEntry("issuingRegion", "360502")
            .containsKey("person");
        assertThat((String) issued.get("person"))
            .as("the person's own keyed hash, unchanged (the card service's hash key)")
            .matches("[0-9a-f]{64}");
        assertThat(byType.get("ssc.card.issued (other)"))
            .as("the replacement card: the same person, its own number")
            .containsEntry("person", issued.get("person"))
            .containsEntry("actor", clerk)
            .containsEntry(
                "cardNumber", references.of("card-number", (String) successor.get("cardNumber")));
        String holder = (String) byType.get("ssc.card.activated").get("actor");
        assertThat(holder).startsWith("holder:");
        assertThat(byType.get("ssc.card.temporary-loss-reported")).containsEntry("actor", holder);
        assertThat(byType.get("ssc.card.locked"))
            .containsEntry("actor", clerk)
            .containsEntry("reason", references.reason(LOCK));
        assertThat(byType.get("ssc.card.unlocked"))
            .containsEntry("actor", clerk)
            .containsEntry("reason", references.reason(UNLOCK));
        assertThat(byType.get("ssc.card.personal-data-read"))
            .containsEntry("actor", references.staff(SscApp.AUDITOR))
            .containsEntry("reason", references.reason(READ));
        assertThat(byType.get("ssc.qr.verified (other)"))
            .containsEntry("servicePoint", references.staff(SscApp.SERVICE_POINT))
            .containsEntry("cardId", card)
            .containsEntry("verdict", "VALID");
        assertThat(byType.get("ssc.card.formal-loss-reported"))
            .containsEntry("reason", references.reason(LOSS));
        assertThat(references.staff(SscApp.AUDITOR)).isNotEqualTo(clerk);
      }

      // the card's history: staff by name to staff, by their log reference to the holder
      assertThat(historyActors(app.clerk, card)).contains(SscApp.CLERK, SscApp.AUDITOR);
      List<String> seenByHolder = historyActors(app.holder, card);
      assertThat(seenByHolder)
          .hasSize(9)
          .contains(clerk, references.staff(SscApp.AUDITOR))
          .allSatisfy(actor -> assertThat(actor).matches("(staff|holder):[0-9a-zA-Z_-]+|system"))
          .doesNotContain(SscApp.CLERK, SscApp.AUDITOR, ADMIN);

      // the holder's own card's proofs: the latest event's and each of its history's
      for (WebTestClient reader : List.of(app.clerk, app.auditor, admin, app.holder)) {
        for (int version = 1; version <= 9; version++) {
          assertNoneInClear(
              awaitBundle(reader, "/api/ssc/cards/" + card + "/history/" + version + "/proof"),
              clear);
        }
      }
    }
  }

  private static List<String> historyActors(WebTestClient reader, String card) {
    List<?> events =
        reader
            .get()
            .uri("/api/ssc/cards/{id}/history", card)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(List.class)
            .returnResult()
            .getResponseBody();
    List<String> actors = new ArrayList<>();
    for (Object logged : events) {
      Map<?, ?> event = (Map<?, ?>) ((Map<?, ?>) logged).get("event");
      actors.add((String) event.get("actor"));
    }
    return actors;
  }

  private static void assertNoneInClear(ProofBundle bundle, List<String> clear) {
    String envelope = new String(bundle.leafData(), StandardCharsets.UTF_8);
    for (String value : clear) {
      assertThat(envelope).doesNotContain(value);
    }
  }

  private static Map<?, ?> view(WebTestClient client, String card) {
    return client
        .get()
        .uri("/api/ssc/cards/{id}", card)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
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
