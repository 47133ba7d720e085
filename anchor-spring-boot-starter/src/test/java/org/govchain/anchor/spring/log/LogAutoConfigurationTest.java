package org.govchain.anchor.spring.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.anchor.spring.schema.LogSchemaAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What the auto-configuration wires, and what it refuses, without a database connection. */
class LogAutoConfigurationTest {

  private static final String ORIGIN = "seal.govchain.example";
  private static final String REFERENCE_KEY =
      java.util.Base64.getEncoder().encodeToString(new byte[32]);

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  R2dbcAutoConfiguration.class,
                  R2dbcTransactionManagerAutoConfiguration.class,
                  LogSchemaAutoConfiguration.class,
                  LogAutoConfiguration.class))
          .withPropertyValues(
              // never connected to: these tests start no sequencer and read nothing
              "spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:1/none",
              "spring.r2dbc.username=none",
              "govchain.log.sequencer.enabled=false");

  @Test
  void wiresAppenderReaderAndSignerNamedAfterTheOrigin() {
    runner
        .withPropertyValues("govchain.log.origin=" + ORIGIN)
        .run(
            context -> {
              assertThat(context).hasSingleBean(LogAppender.class).hasSingleBean(LogReader.class);
              assertThat(context).doesNotHaveBean(Sequencer.class);
              assertThat(context.getBean(NoteSigner.class).name()).isEqualTo(ORIGIN);
              assertThat(context.getBean(LogAppender.class).origin()).isEqualTo(ORIGIN);
              assertThat(context.getBean(LogReferences.class).staff("clerk"))
                  .isEqualTo(LogReferences.fromBase64(LogReferences.DEV_KEY).staff("clerk"));
            });
  }

  @Test
  void disabledByProperty() {
    runner
        .withPropertyValues("govchain.log.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(LogAppender.class)
                    .doesNotHaveBean(LogReader.class)
                    .doesNotHaveBean(FlywayConfigurationCustomizer.class));
  }

  @Test
  void refusesToStartWithoutAnOrigin() {
    runner.run(context -> assertThat(context).hasFailed());
  }

  @Test
  void prodProfileRefusesToStartWithoutASignerKey() {
    runner
        .withPropertyValues(
            "govchain.log.origin=" + ORIGIN,
            "spring.profiles.active=prod",
            "govchain.log.reference-key=" + REFERENCE_KEY)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("required in the prod profile"));
  }

  @Test
  void prodProfileRefusesToStartWithoutAReferenceKey() {
    runner
        .withPropertyValues(
            "govchain.log.origin=" + ORIGIN,
            "spring.profiles.active=prod",
            "govchain.log.signer-key=" + NoteSigner.generate(ORIGIN).signerKey())
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageStartingWith(
                        "the prod profile refuses to start without a log reference key"));
  }

  @Test
  void prodProfileStartsWithAConfiguredKey() {
    String key = NoteSigner.generate(ORIGIN).signerKey();
    runner
        .withPropertyValues(
            "govchain.log.origin=" + ORIGIN,
            "spring.profiles.active=prod",
            "govchain.log.signer-key=" + key,
            "govchain.log.reference-key=" + REFERENCE_KEY)
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(LogAppender.class);
              assertThat(context.getBean(LogReferences.class).staff("clerk"))
                  .isEqualTo(LogReferences.fromBase64(REFERENCE_KEY).staff("clerk"));
            });
  }

  @Test
  void flywayKeepsTheServiceLocationsAndAddsTheLogTables() {
    runner
        .withPropertyValues("govchain.log.origin=" + ORIGIN)
        .run(
            context -> {
              FluentConfiguration configuration =
                  Flyway.configure().locations("classpath:db/migration");
              context.getBean(FlywayConfigurationCustomizer.class).customize(configuration);
              context.getBean(FlywayConfigurationCustomizer.class).customize(configuration);
              assertThat(Arrays.stream(configuration.getLocations()).map(Location::getDescriptor))
                  .containsExactlyInAnyOrder(
                      "classpath:db/migration", LogAutoConfiguration.MIGRATIONS);
            });
  }
}
