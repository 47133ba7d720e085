package org.govchain.e2e;

import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.DevChainExtension;
import org.govchain.testsupport.PostgresExtension;
import org.govchain.testsupport.PostgresServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link Suite} parameters with one suite per test run, started on first use and closed
 * when the run ends; it shares the run's dev chain and PostgreSQL server with test-support's
 * extensions (same root-store entries).
 */
final class SuiteExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SuiteExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Suite.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // chain and database first, so they are stored (and closed) before (after) the suite
    DevChain chain =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.create(DevChainExtension.class))
            .computeIfAbsent(DevChain.class, t -> DevChain.startOrConnect(), DevChain.class);
    PostgresServer server =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.create(PostgresExtension.class))
            .computeIfAbsent(
                PostgresServer.class, t -> PostgresServer.startOrConnect(), PostgresServer.class);
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(
            Suite.class, type -> Suite.start(chain, server.newDatabase()), Suite.class);
  }
}
