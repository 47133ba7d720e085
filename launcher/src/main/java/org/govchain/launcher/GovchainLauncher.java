package org.govchain.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.govchain.launcher.besu.BesuNetworkCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code govchain-launcher}: the Java side of {@code ./govchain}. {@code up} runs the local suite
 * in the foreground until Ctrl-C; {@code besu-network} generates a Besu QBFT network for compose
 * and Kubernetes.
 */
@Command(
    name = "govchain",
    mixinStandardHelpOptions = true,
    description =
        "Runs GovChain's local suite (dev only); generates a Besu network for deployments.",
    subcommands = {
      GovchainLauncher.Up.class,
      GovchainLauncher.SampleFiles.class,
      BesuNetworkCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GovchainLauncher implements Callable<Integer> {

  /** Entry point. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    int code = new CommandLine(new GovchainLauncher()).execute(args);
    System.exit(code);
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return 2;
  }

  /** {@code up}: starts everything, prints where it is, stops everything on Ctrl-C. */
  @Command(
      name = "up",
      description = {
        "Starts the dev chain (with AnchorRegistry), PostgreSQL, the authorization server, every"
            + " built service, the auditor's portal and the gateway, in the foreground; Ctrl-C stops them. Data stays in"
            + " GOVCHAIN_HOME (default <repo>/.govchain) across starts.",
        "",
        "Environment: GOVCHAIN_HOME, GOVCHAIN_CHAIN_PORT (8545), GOVCHAIN_PG_PORT (5433),"
            + " GOVCHAIN_PG_URL/_USER/_PASSWORD (use that PostgreSQL server), AUTH_PORT (9000),"
            + " SEAL_PORT (8081), SSC_PORT (8082), ACCOUNTING_PORT (8083), PORTAL_PORT (8084),"
            + " GATEWAY_PORT (8080),"
            + " GOVCHAIN_START_TIMEOUT (seconds per application, 240), GOVCHAIN_JAVA_OPTS."
      })
  static final class Up implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      Settings settings;
      try {
        settings = Settings.from(repositoryRoot(), System.getenv());
      } catch (IllegalArgumentException e) {
        System.out.println("govchain: " + e.getMessage());
        return 2;
      }
      if (!settings.isRepository()) {
        System.out.println(
            "govchain: "
                + settings.root()
                + " is not a GovChain repository; run ./govchain from the repository root or set"
                + " -Dgovchain.root");
        return 2;
      }
      Suite suite = new Suite(settings, System.out);
      int code = suite.run();
      suite.exiting();
      return code;
    }
  }

  /**
   * {@code samples}: the walkthrough's files without starting anything, for trying an installation
   * that runs elsewhere (docker compose, Kubernetes).
   */
  @Command(
      name = "samples",
      mixinStandardHelpOptions = true,
      description =
          "Writes the walkthrough's sample files (seal image, PDF, request bodies) into DIR, as"
              + " `up` does into GOVCHAIN_HOME/samples.")
  static final class SampleFiles implements Callable<Integer> {
    @picocli.CommandLine.Option(
        names = "--out",
        paramLabel = "DIR",
        required = true,
        description = "where the files go")
    Path out;

    @Override
    public Integer call() throws Exception {
      new Samples(out).write(java.time.Instant.now());
      System.out.println("sample files written to " + out.toAbsolutePath().normalize());
      return 0;
    }
  }

  /**
   * The repository: {@code -Dgovchain.root}, else two levels above this jar ({@code
   * launcher/target/govchain-launcher.jar}), else the working directory.
   */
  static Path repositoryRoot() {
    String configured = System.getProperty("govchain.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    try {
      Path jar =
          Path.of(
              GovchainLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = jar.getParent() == null ? null : jar.getParent().getParent();
      if (root != null && Files.isRegularFile(root.resolve("infra/devchain/package.json"))) {
        return root;
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall back to the working directory
    }
    return Path.of("").toAbsolutePath();
  }
}
