package org.govchain.anchor.spring.log;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.security.SecureRandom;
import java.time.Clock;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.anchor.spring.idempotency.Idempotency;
import org.govchain.anchor.spring.schema.LogSchemaAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Wires the service's log: Flyway location of the log tables, checkpoint signer, {@link
 * LogReferences}, {@link LogAppender}, {@link Sequencer}, {@link LogReader}, the log API and the
 * log metrics. Off with {@code govchain.log.enabled=false}.
 */
@AutoConfiguration(
    after = {R2dbcAutoConfiguration.class, R2dbcTransactionManagerAutoConfiguration.class},
    before = FlywayAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "govchain.log.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LogProperties.class)
public class LogAutoConfiguration {

  /** Where the log tables' migrations live (added to Flyway by LogSchemaAutoConfiguration). */
  public static final String MIGRATIONS = LogSchemaAutoConfiguration.MIGRATIONS;

  /** The clock of every timestamp a service writes (UTC); tests may put a controllable one. */
  @Bean
  @ConditionalOnMissingBean
  Clock govchainClock() {
    return Clock.systemUTC();
  }

  /** The randomness of salts, keys and ids. */
  @Bean
  @ConditionalOnMissingBean
  SecureRandom govchainSecureRandom() {
    return new SecureRandom();
  }

  /** {@code Idempotency-Key} handling for creating POSTs, in table govchain_idempotency. */
  @Bean
  Idempotency govchainIdempotency(
      DatabaseClient db, ReactiveTransactionManager transactionManager, Clock clock) {
    return new Idempotency(db, TransactionalOperator.create(transactionManager), clock);
  }

  @Bean
  NoteSigner govchainLogSigner(LogProperties properties, Environment environment) {
    return SignerKeys.resolve(properties, environment);
  }

  /** How the service's envelopes name people and typed text: keyed references, never clear. */
  @Bean
  LogReferences govchainLogReferences(LogProperties properties, Environment environment) {
    return ReferenceKeys.resolve(properties, environment);
  }

  @Bean
  LogStore govchainLogStore(DatabaseClient db, LogProperties properties) {
    return new LogStore(db, properties.origin());
  }

  @Bean
  LogMetrics govchainLogMetrics(
      LogStore store, ObjectProvider<MeterRegistry> registry, LogProperties properties) {
    return new LogMetrics(
        store,
        registry.getIfAvailable(SimpleMeterRegistry::new),
        properties.origin(),
        properties.metrics().refresh());
  }

  @Bean
  LogAppender govchainLogAppender(
      LogStore store,
      ReactiveTransactionManager transactionManager,
      LogProperties properties,
      LogMetrics metrics,
      Clock clock,
      SecureRandom random) {
    return new LogAppender(
        store,
        TransactionalOperator.create(transactionManager),
        properties.origin(),
        metrics,
        clock,
        random);
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "govchain.log.sequencer.enabled", matchIfMissing = true)
  Sequencer govchainLogSequencer(
      ConnectionFactory connections,
      LogStore store,
      NoteSigner signer,
      LogProperties properties,
      LogMetrics metrics) {
    return new Sequencer(
        connections,
        store,
        signer,
        properties.sequencerLockKey(),
        properties.sequencer().batchSize(),
        properties.sequencer().interval(),
        metrics);
  }

  @Bean
  LogReader govchainLogReader(LogStore store, NoteSigner signer, LogProperties properties) {
    return new LogReader(store, signer, properties.api().notAnchoredRetryAfter());
  }

  /** The log API, in reactive web applications. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
  @ConditionalOnBooleanProperty(name = "govchain.log.api.enabled", matchIfMissing = true)
  static class LogApi {

    @Bean
    LogResource govchainLogResource(LogReader reader) {
      return new LogResource(reader);
    }
  }
}
