package org.govchain.ssc.web;

import static org.govchain.testsupport.service.Problems.expectProblem;
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
 * The card service's security (README, Security) over HTTP: test-support's {@link SecurityContract}
 * against the card service's path → role table, and what is its own: a holder sees and changes only
 * their own card.
 */
@WithPostgres
class SscSecurityIT extends SecurityContract {

  private static final String CLERK = Role.SSC_CLERK.claimValue();
  private static final String HOLDER = Role.CARD_HOLDER.claimValue();
  private static final String SERVICE_POINT = Role.SERVICE_POINT.claimValue();
  private static final String AUDITOR = Role.AUDITOR.claimValue();
  private static final String ADMIN = Role.ADMIN.claimValue();

  /** An id no card has. */
  private static final String NONE = "00000000-0000-4000-8000-000000000000";

  private static SscApp app;

  @BeforeAll
  static void start(PostgresServer.Database db) {
    app = SscApp.start(db);
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
    return "/api/ssc";
  }

  /** SscSecurityConfiguration's table. */
  @Override
  protected List<Route> routes() {
    String card = "/api/ssc/cards/" + NONE;
    return List.of(
        Route.of(GET, "/api/ssc/cards", CLERK, AUDITOR, ADMIN),
        Route.of(GET, card, CLERK, AUDITOR, ADMIN, HOLDER),
        Route.of(GET, card + "/history", CLERK, AUDITOR, ADMIN, HOLDER),
        Route.of(GET, card + "/proof", CLERK, AUDITOR, ADMIN, HOLDER),
        Route.of(GET, card + "/history/1/proof", CLERK, AUDITOR, ADMIN, HOLDER),
        Route.of(GET, "/api/ssc/my-cards", HOLDER),
        Route.of(POST, "/api/ssc/cards", CLERK),
        Route.of(POST, "/api/ssc/cards/search", CLERK, AUDITOR),
        Route.of(POST, card + "/personal-data", CLERK, AUDITOR),
        Route.of(POST, card + "/activation-code", CLERK),
        Route.of(POST, card + "/activation", HOLDER),
        Route.of(POST, card + "/temporary-loss", CLERK, HOLDER),
        Route.of(POST, card + "/loss-lifting", CLERK, HOLDER),
        Route.of(POST, card + "/formal-loss", CLERK),
        Route.of(POST, card + "/replacement", CLERK),
        Route.of(POST, card + "/exchange", CLERK),
        Route.of(POST, card + "/lock", CLERK),
        Route.of(POST, card + "/unlock", CLERK),
        Route.of(POST, card + "/cancellation", CLERK),
        Route.of(POST, "/api/ssc/qr-verifications", SERVICE_POINT));
  }

  @Override
  protected Set<String> logReaders() {
    return Set.of(CLERK, HOLDER);
  }

  @Override
  protected List<String> writeTables() {
    return List.of(SscApp.WRITE_TABLES);
  }

  @Test
  void aHolderSeesAndChangesOnlyTheirOwnCard() {
    String mine = app.normalCard();
    String other = app.issueCard();
    var stranger = app.service.client("citizen-other", HOLDER);
    Map<String, Long> before = app.rowCounts();
    for (String path : List.of("", "/history", "/proof")) {
      expectProblem(
          stranger.get().uri("/api/ssc/cards/" + mine + path).exchange(), 404, "unknown-card");
    }
    expectProblem(app.act(stranger, mine, "temporary-loss", null), 404, "unknown-card");
    // a sealed card nobody has activated is nobody's yet
    expectProblem(app.holder.get().uri("/api/ssc/cards/" + other).exchange(), 404, "unknown-card");
    org.assertj.core.api.Assertions.assertThat(app.rowCounts()).isEqualTo(before);
    app.holder
        .get()
        .uri("/api/ssc/cards/" + mine)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("NORMAL");
    app.holder
        .get()
        .uri("/api/ssc/my-cards")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].id")
        .isEqualTo(mine);
    stranger
        .get()
        .uri("/api/ssc/my-cards")
        .accept(MediaType.APPLICATION_JSON)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json("[]");
  }
}
