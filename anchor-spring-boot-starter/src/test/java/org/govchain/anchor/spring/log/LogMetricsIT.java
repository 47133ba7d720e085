package org.govchain.anchor.spring.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.anchor.spring.log.SequencerIT.awaitLeaves;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.govchain.anchor.spring.log.testapp.LogTestApplication;
import org.govchain.anchor.spring.log.testapp.RecordService;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The log gauges and counters follow the database. */
@WithPostgres
class LogMetricsIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @Test
  void gaugesFollowAppendsSequencingAndAnchoring(PostgresServer.Database db) throws Exception {
    try (ConfigurableApplicationContext app = LogTestApplication.start(db)) {
      MeterRegistry registry = app.getBean(MeterRegistry.class);
      RecordService records = app.getBean(RecordService.class);
      for (int i = 0; i < 5; i++) {
        records.save("rec-" + i, "n", 1, false).block();
      }
      awaitLeaves(db, 5);

      awaitGauge(registry, "govchain.log.sequenced.size", 5);
      awaitGauge(registry, "govchain.log.entries", 5);
      awaitGauge(registry, "govchain.log.unsequenced.entries", 0);
      awaitGauge(registry, "govchain.log.unanchored.entries", 5);
      awaitGauge(registry, "govchain.log.anchored.size", 0);
      assertThat(counter(registry, "govchain.log.appends")).isEqualTo(5);
      assertThat(counter(registry, "govchain.log.sequencer.leaves")).isEqualTo(5);
      assertThat(counter(registry, "govchain.log.sequencer.batches")).isPositive();

      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        s.executeUpdate(
            "UPDATE govchain_log_checkpoint SET anchor_state = 'CONFIRMED', chain_id = 31337,"
                + " contract = '0x00000000000000000000000000000000000000aa', tx_hash = '0x01',"
                + " block_number = 1, block_time = now() WHERE tree_size = 5");
      }
      awaitGauge(registry, "govchain.log.anchored.size", 5);
      awaitGauge(registry, "govchain.log.unanchored.entries", 0);

      try {
        records.save("rec-0", "again", 1, false).block();
      } catch (DuplicateEventException expected) {
        // counted below
      }
      assertThat(counter(registry, "govchain.log.appends.duplicate")).isEqualTo(1);
    }
  }

  private static double counter(MeterRegistry registry, String name) {
    return registry.get(name).tag("origin", LogTestApplication.ORIGIN).counter().count();
  }

  /** The gauges refresh from the database every 200 ms in the test app. */
  private static void awaitGauge(MeterRegistry registry, String name, double expected) {
    Await.until(
        name + " = " + expected,
        DEADLINE,
        Duration.ofMillis(50),
        () ->
            registry.get(name).tag("origin", LogTestApplication.ORIGIN).gauge().value()
                == expected);
  }
}
