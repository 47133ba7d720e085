package org.govchain.anchor.spring.anchoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.spring.schema.LogSchemaAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Auto-configuration of anchoring ({@code govchain.anchor.*}): with {@code
 * govchain.anchor.enabled=true}, the anchorer of the service's log ({@code govchain.log.origin}),
 * the {@code chain} and {@code anchoring} health contributors and the anchoring metrics.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
      "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
    })
@EnableConfigurationProperties(AnchoringProperties.class)
public class AnchoringAutoConfiguration {

  /** Where the starter's migrations live (versions 1000 and up). */
  static final String MIGRATIONS = LogSchemaAutoConfiguration.MIGRATIONS;

  /** The property naming the service's log (owned by the log settings, {@code govchain.log}). */
  static final String ORIGIN_PROPERTY = "govchain.log.origin";

  /** The anchoring beans, only when enabled. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "govchain.anchor", name = "enabled", havingValue = "true")
  static class Enabled {

    @Bean(destroyMethod = "shutdown")
    Web3j govchainAnchorWeb3j(AnchoringProperties properties) {
      return Web3j.build(new HttpService(properties.rpcUrl().toString()));
    }

    @Bean
    AnchorRegistryClient govchainAnchorRegistryClient(
        Web3j govchainAnchorWeb3j, AnchoringProperties properties, Environment environment) {
      Credentials key = requireAllowedKey(properties.submitterKey(), environment);
      return AnchorRegistryClient.connect(
          govchainAnchorWeb3j, properties.registryAddress(), properties.chainId(), key);
    }

    @Bean
    ChainCalls govchainAnchorChainCalls(AnchoringProperties properties) {
      return new ChainCalls("govchain-anchor", properties.resilience());
    }

    @Bean(destroyMethod = "dispose")
    Scheduler govchainAnchorScheduler() {
      return Schedulers.newSingle("govchain-anchorer", true);
    }

    @Bean
    AnchoringMetrics govchainAnchoringMetrics(MeterRegistry registry, Environment environment) {
      return new AnchoringMetrics(registry, origin(environment), Clock.systemUTC());
    }

    @Bean
    Anchorer govchainAnchorer(
        AnchorRegistryClient govchainAnchorRegistryClient,
        ChainCalls govchainAnchorChainCalls,
        ConnectionFactory connectionFactory,
        AnchoringProperties properties,
        AnchoringMetrics govchainAnchoringMetrics,
        Scheduler govchainAnchorScheduler,
        Environment environment) {
      return new Anchorer(
          origin(environment),
          govchainAnchorRegistryClient,
          govchainAnchorChainCalls,
          connectionFactory,
          sharedStore(connectionFactory),
          properties,
          govchainAnchoringMetrics,
          govchainAnchorScheduler,
          Clock.systemUTC());
    }

    @Bean
    ChainHealthIndicator chainHealthIndicator(
        AnchorRegistryClient govchainAnchorRegistryClient,
        ChainCalls govchainAnchorChainCalls,
        AnchoringProperties properties) {
      return new ChainHealthIndicator(
          govchainAnchorRegistryClient,
          govchainAnchorChainCalls,
          properties.resilience().callTimeout());
    }

    @Bean
    AnchoringHealthIndicator anchoringHealthIndicator(
        ConnectionFactory connectionFactory,
        Anchorer govchainAnchorer,
        AnchoringProperties properties) {
      return new AnchoringHealthIndicator(
          sharedStore(connectionFactory),
          govchainAnchorer,
          properties.lagDegradedAfter(),
          Clock.systemUTC());
    }

    /** The submitter key; under the {@code prod} profile, never a Hardhat development key. */
    static Credentials requireAllowedKey(String submitterKey, Environment environment) {
      Credentials key = Credentials.create(submitterKey.trim());
      if (environment.acceptsProfiles(Profiles.of("prod"))
          && DevelopmentKeys.isDevelopmentKey(key)) {
        throw new IllegalStateException(
            "govchain.anchor.submitter-key is a public Hardhat development key ("
                + key.getAddress()
                + "); the prod profile refuses it");
      }
      return key;
    }

    private static AnchorStore sharedStore(ConnectionFactory connectionFactory) {
      return new AnchorStore(
          DatabaseClient.create(connectionFactory),
          TransactionalOperator.create(new R2dbcTransactionManager(connectionFactory)));
    }

    private static String origin(Environment environment) {
      String origin = environment.getProperty(ORIGIN_PROPERTY);
      if (origin == null || origin.isBlank()) {
        throw new IllegalStateException(
            ORIGIN_PROPERTY + " must name the service's log when govchain.anchor.enabled=true");
      }
      return origin.trim();
    }
  }
}
