package org.govchain.operator.secrets;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code secrets}: generates an installation's secrets as files, once. */
@Command(
    name = "secrets",
    mixinStandardHelpOptions = true,
    description = {
      "Generates every per-installation secret of GovChain as files named after the settings"
          + " that read them, one directory per container: database passwords, the registry"
          + " owner's and each log's submitter key, each log's checkpoint signer, the seal KEK and"
          + " CA root, the card service's data, hash and QR keys, the auth server's signing key"
          + " and confidential clients, the portal's client and settings. A file that exists is"
          + " kept; run again to add what is missing. Nothing secret is printed.",
      "",
      "Keep DIR out of any repository and back it up: the keys are the installation's"
          + " identity (a lost KEK loses every seal's key, a lost data key every citizen's data)."
    })
public final class SecretsCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "where the files go")
  Path out;

  @Option(
      names = "--domain",
      paramLabel = "DNS-NAME",
      defaultValue = "govchain.example",
      description =
          "the logs' origins are seal.<domain>, ssc.<domain>, accounting.<domain>"
              + " (default ${DEFAULT-VALUE}); fixed once generated")
  String domain;

  @Option(
      names = "--organisation",
      paramLabel = "NAME",
      defaultValue = "GovChain",
      description = "the seal CA root's organisation (default ${DEFAULT-VALUE})")
  String organisation;

  @Option(
      names = "--organisation-code",
      paramLabel = "CODE",
      description =
          "the organisation's unified social credit code: the portal seals evidence certificates"
              + " with its seal. Needed on the first run; recorded in"
              + " portal/GOVCHAIN_PORTAL_SEAL_CREDIT_CODE")
  String organisationCode;

  @Option(
      names = "--accounting-unit",
      paramLabel = "CODE",
      description =
          "also make two accounting clerk clients for this unit (unified social credit code)")
  String accountingUnit;

  private final PrintStream stdout;

  public SecretsCommand() {
    this(System.out);
  }

  SecretsCommand(PrintStream stdout) {
    this.stdout = stdout;
  }

  @Override
  public Integer call() {
    InstallationSecrets.Outcome outcome =
        new InstallationSecrets(domain, accountingUnit, organisation, organisationCode)
            .generate(out);
    Path root = out.toAbsolutePath().normalize();
    stdout.println(
        "secrets in "
            + root
            + ": "
            + outcome.created().size()
            + " generated, "
            + outcome.kept().size()
            + " kept as they were");
    outcome.created().forEach(file -> stdout.println("  new  " + root.relativize(file)));
    outcome.amended().forEach(file -> stdout.println("  added to  " + root.relativize(file)));
    stdout.println("accounts that pay for anchoring (fund them on a chain without free gas):");
    outcome.addresses().forEach((what, address) -> stdout.println("  " + address + "  " + what));
    stdout.println(
        "clients' secrets for their holders: "
            + root.resolve("auth/clients.txt")
            + " (owner-only); addresses for a Besu genesis: "
            + root.resolve("public/addresses.txt")
            + "; the portal's settings: "
            + root.resolve("portal"));
    return 0;
  }
}
