package org.govchain.anchor.spring.log.testapp;

import java.util.ArrayList;
import java.util.List;
import org.govchain.testsupport.PostgresServer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A minimal service using the starter's log: one business table and {@link RecordService}.
 *
 * <p>The anchorer is excluded: these tests play its part by filling the checkpoint's anchor columns
 * themselves (the name is given as a string so this compiles without the anchoring package).
 */
@SpringBootApplication(
    excludeName = "org.govchain.anchor.spring.anchoring.AnchoringAutoConfiguration")
public class LogTestApplication {

  /** Origin of the test log. */
  public static final String ORIGIN = "test.govchain.example";

  /**
   * Starts the application on a random port against {@code db}, with {@code properties} ({@code
   * key=value}) on top of the defaults.
   */
  public static ConfigurableApplicationContext start(
      PostgresServer.Database db, String... properties) {
    List<String> all = new ArrayList<>(List.of(db.springProperties()));
    all.add("server.port=0");
    all.add("govchain.log.origin=" + ORIGIN);
    all.add("govchain.log.api.prefix=/api/test");
    all.add("govchain.log.sequencer.interval=50ms");
    all.add("govchain.log.metrics.refresh=200ms");
    all.addAll(List.of(properties));
    return new SpringApplicationBuilder(LogTestApplication.class)
        .properties(all.toArray(String[]::new))
        .run();
  }
}
