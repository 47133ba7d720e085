package org.govchain.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that resolves {@link DevChain} parameters with one chain per JVM, started on
 * first use and closed when the test run ends.
 */
public final class DevChainExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DevChainExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DevChain.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // The root store outlives every test class and closes AutoCloseable values at the end.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(DevChain.class, type -> DevChain.startOrConnect(), DevChain.class);
  }
}
