package org.govchain.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The GovChain gateway: the one public entry in front of the record services. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

  /** Commons Logging's setting naming the {@code LogFactory} implementation to use. */
  static final String LOG_FACTORY_PROPERTY = "org.apache.commons.logging.LogFactory";

  /**
   * Commons Logging through the Log4j API (which {@code log4j-to-slf4j} hands to Logback, so levels
   * and output are unchanged) instead of its direct SLF4J adapter.
   *
   * <p>Why: Spring Framework 7 logs through Apache Commons Logging 1.3, whose SLF4J adapter turns
   * every message into a String before asking whether its level is enabled. Spring Security and
   * Spring WebFlux log a lazily formatted {@code LogMessage} at DEBUG/TRACE several times per
   * request, so with DEBUG off the gateway still formatted all of them (found with JFR: {@code
   * Slf4jLogFactory$Slf4jLocationAwareLog.debug} → {@code LogMessage.toString}). The Log4j API
   * adapter checks the level first.
   */
  static final String LEVEL_CHECKING_LOG_FACTORY =
      "org.apache.commons.logging.impl.Log4jApiLogFactory";

  public static void main(String[] args) {
    useLevelCheckingCommonsLogging();
    SpringApplication.run(GatewayApplication.class, args);
  }

  /** Selects {@link #LEVEL_CHECKING_LOG_FACTORY} unless the operator chose a factory already. */
  static void useLevelCheckingCommonsLogging() {
    if (System.getProperty(LOG_FACTORY_PROPERTY) == null) {
      System.setProperty(LOG_FACTORY_PROPERTY, LEVEL_CHECKING_LOG_FACTORY);
    }
  }
}
