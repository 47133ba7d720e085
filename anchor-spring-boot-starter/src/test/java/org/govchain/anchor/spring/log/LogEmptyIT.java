package org.govchain.anchor.spring.log;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.govchain.anchor.spring.log.testapp.LogTestApplication;
import org.govchain.anchor.spring.log.testapp.RecordService;
import org.govchain.anchor.web.problem.ProblemKind;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A log before its first checkpoint. (Its own class: two Boot applications with servers open at
 * once in one JVM share Reactor Netty's global resources, which the first to close disposes.)
 */
@WithPostgres
class LogEmptyIT {

  @Test
  void emptyLogHasNoCheckpointAndUnsequencedEventsAreNotAnchoredYet(PostgresServer.Database fresh) {
    try (ConfigurableApplicationContext empty =
        LogTestApplication.start(fresh, "govchain.log.sequencer.enabled=false")) {
      WebTestClient emptyWeb = LogApiIT.client(empty);
      emptyWeb
          .get()
          .uri("/api/test/log/checkpoint")
          .exchange()
          .expectStatus()
          .isNotFound()
          .expectBody()
          .jsonPath("$.type")
          .isEqualTo(ProblemKind.TYPE_BASE + "empty-log");

      empty.getBean(RecordService.class).save("waiting", "n", 1, false).block();
      LogReader reader = empty.getBean(LogReader.class);
      assertThatThrownBy(() -> reader.bundleForLatestEvent("waiting").block())
          .isInstanceOf(NotAnchoredYetException.class)
          .hasMessageContaining("awaits the sequencer");
      assertThatThrownBy(() -> reader.bundleForEvent("waiting", 2).block())
          .isInstanceOf(UnknownEntryException.class);
      assertThatThrownBy(() -> reader.bundleForLatestEvent("nobody").block())
          .isInstanceOf(UnknownEntryException.class);
    }
  }
}
