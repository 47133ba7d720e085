package org.govchain.operator;

import java.util.concurrent.Callable;
import org.govchain.operator.registry.RegistrySetupCommand;
import org.govchain.operator.secrets.SecretsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code govchain-operator}: what an installation needs once, outside the services — its secrets
 * and its AnchorRegistry.
 */
@Command(
    name = "govchain-operator",
    mixinStandardHelpOptions = true,
    description = "Sets up a GovChain installation: its secrets and its AnchorRegistry.",
    subcommands = {SecretsCommand.class, RegistrySetupCommand.class, CommandLine.HelpCommand.class})
public final class GovchainOperator implements Callable<Integer> {

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, failures the operator can act on printed without a stack trace. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new GovchainOperator());
    commandLine.setExecutionExceptionHandler(
        (exception, line, parseResult) -> {
          if (exception instanceof OperatorException) {
            line.getErr()
                .println(
                    "govchain-operator " + line.getCommandName() + ": " + exception.getMessage());
            return 1;
          }
          throw exception;
        });
    return commandLine;
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return 2;
  }
}
