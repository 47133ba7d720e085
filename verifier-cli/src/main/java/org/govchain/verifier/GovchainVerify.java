package org.govchain.verifier;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The auditor's toolbox: canonical JSON, leaf hashes, Merkle roots and proofs, and full
 * verification of proof bundles against the chain. Exit codes: 0 success or VALID, 1 a check
 * failed, 2 bad input.
 */
@Command(
    name = "govchain-verify",
    mixinStandardHelpOptions = true,
    versionProvider = GovchainVerify.Version.class,
    description = {
      "Checks GovChain records without trusting GovChain: RFC 8785 canonical JSON, RFC 9162 Merkle"
          + " proofs, and proof bundles against the chain alone.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 success or VALID, 1 a check failed (the reason is printed), 2 bad input."
    },
    subcommands = {
      CanonicalizeCommand.class,
      LeafHashCommand.class,
      TreeCommand.class,
      VerifyInclusionCommand.class,
      VerifyConsistencyCommand.class,
      VerifyBundleCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GovchainVerify implements Runnable {

  /** A check ran and failed. */
  static final int FAILED = 1;

  /** The input could not be used. */
  static final int BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
  }

  /** Runs the command line and returns its exit code, without exiting the JVM. */
  static int execute(String... args) {
    return newCommandLine().execute(args);
  }

  static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new GovchainVerify());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("govchain-verify: " + e.getMessage());
          return e instanceof BadInputException ? BAD_INPUT : FAILED;
        });
    cli.setExitCodeExceptionMapper(e -> BAD_INPUT);
    return cli;
  }

  /** Entry point of {@code govchain-verify.jar}. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = GovchainVerify.class.getPackage().getImplementationVersion();
      return new String[] {"govchain-verify " + (v == null ? "(development build)" : v)};
    }
  }
}
