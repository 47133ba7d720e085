package org.govchain.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayApplicationTest {

  private String saved;

  @BeforeEach
  void save() {
    saved = System.getProperty(GatewayApplication.LOG_FACTORY_PROPERTY);
  }

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(GatewayApplication.LOG_FACTORY_PROPERTY);
    } else {
      System.setProperty(GatewayApplication.LOG_FACTORY_PROPERTY, saved);
    }
  }

  /** A message that counts how often it is turned into text. */
  private static final class CountingMessage {
    final AtomicInteger rendered = new AtomicInteger();

    @Override
    public String toString() {
      rendered.incrementAndGet();
      return "expensive";
    }
  }

  @Test
  void theChosenCommonsLoggingFactoryDoesNotRenderMessagesOfDisabledLevels() throws Exception {
    LogFactory factory =
        (LogFactory)
            Class.forName(GatewayApplication.LEVEL_CHECKING_LOG_FACTORY)
                .getDeclaredConstructor()
                .newInstance();
    Log log = factory.getInstance("org.govchain.gateway.test.quiet");
    assertThat(log.isTraceEnabled()).isFalse(); // Logback's default level is DEBUG
    CountingMessage message = new CountingMessage();

    log.trace(message);
    log.trace(message, new IllegalStateException("not logged"));

    assertThat(message.rendered).hasValue(0);
    log.warn(message);
    assertThat(message.rendered).hasPositiveValue();
  }

  @Test
  void selectsTheLevelCheckingFactoryUnlessOneIsConfigured() {
    System.clearProperty(GatewayApplication.LOG_FACTORY_PROPERTY);
    GatewayApplication.useLevelCheckingCommonsLogging();
    assertThat(System.getProperty(GatewayApplication.LOG_FACTORY_PROPERTY))
        .isEqualTo(GatewayApplication.LEVEL_CHECKING_LOG_FACTORY);

    System.setProperty(GatewayApplication.LOG_FACTORY_PROPERTY, "an.operators.Choice");
    GatewayApplication.useLevelCheckingCommonsLogging();
    assertThat(System.getProperty(GatewayApplication.LOG_FACTORY_PROPERTY))
        .isEqualTo("an.operators.Choice");
  }
}
