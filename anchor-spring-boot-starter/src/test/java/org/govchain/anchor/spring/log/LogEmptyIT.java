package org.govchain.anchor.spring.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.govchain.anchor.checkpoint.Checkpoint;
import org.govchain.anchor.checkpoint.SignedCheckpoint;
import org.govchain.anchor.spring.log.testapp.LogTestApplication;
import org.govchain.anchor.spring.log.testapp.RecordService;
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
  void emptyLogAnswersTheSignedEmptyCheckpointAndUnsequencedEventsAreNotAnchoredYet(
      PostgresServer.Database fresh) {
    try (ConfigurableApplicationContext empty =
        LogTestApplication.start(fresh, "govchain.log.sequencer.enabled=false")) {
      WebTestClient emptyWeb = LogApiIT.client(empty);
      Map<?, ?> checkpoint =
          emptyWeb
              .get()
              .uri("/api/test/log/checkpoint")
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(Map.class)
              .returnResult()
              .getResponseBody();
      assertThat(checkpoint.get("size")).isEqualTo(0);
      // SHA-256 of the empty string, the RFC 9162 root of the empty tree
      assertThat(checkpoint.get("rootHash"))
          .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
      assertThat(checkpoint.get("anchor")).isNull();
      LogReader emptyReader = empty.getBean(LogReader.class);
      SignedCheckpoint signed =
          Checkpoint.verify((String) checkpoint.get("note"), emptyReader.verifier());
      assertThat(signed.checkpoint().size()).isZero();
      assertThat(signed.checkpoint().origin()).isEqualTo(emptyReader.origin());

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
