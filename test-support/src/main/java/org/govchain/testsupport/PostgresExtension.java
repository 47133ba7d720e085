package org.govchain.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that resolves {@link PostgresServer} (one per JVM, closed when the run ends) and
 * {@link PostgresServer.Database} (a fresh database for each parameter resolved) parameters.
 */
public final class PostgresExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == PostgresServer.class || type == PostgresServer.Database.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    PostgresServer server =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent(
                PostgresServer.class,
                type -> PostgresServer.startOrConnect(),
                PostgresServer.class);
    return parameter.getParameter().getType() == PostgresServer.class
        ? server
        : server.newDatabase();
  }
}
