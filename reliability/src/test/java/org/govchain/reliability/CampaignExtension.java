package org.govchain.reliability;

import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.DevChainExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link Campaign} parameters with one campaign per test run, started on first use and
 * closed when the run ends; it shares the run's dev chain with test-support's extension (same
 * root-store entry). Its PostgreSQL is the campaign's own, never the run's shared server.
 */
final class CampaignExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CampaignExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Campaign.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // the chain first, so that it is stored (and closed) before (after) the campaign
    DevChain chain =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.create(DevChainExtension.class))
            .computeIfAbsent(DevChain.class, t -> DevChain.startOrConnect(), DevChain.class);
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(Campaign.class, t -> Campaign.start(chain), Campaign.class);
  }
}
