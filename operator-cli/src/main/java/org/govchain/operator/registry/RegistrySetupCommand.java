package org.govchain.operator.registry;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govchain.operator.OperatorException;
import org.govchain.operator.Variables;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code registry-setup}: deploys the installation's AnchorRegistry once, registers submitters. */
@Command(
    name = "registry-setup",
    mixinStandardHelpOptions = true,
    description = {
      "Deploys AnchorRegistry once, registers each log's submitter and records the registry's"
          + " address where the services read it. Run again, it deploys nothing: it checks the"
          + " recorded registry (same chain, code present, owned by the owner key) and registers"
          + " only submitters the registry does not name yet.",
      "",
      "Settings, from the environment or files of a --config-tree directory:",
      "  GOVCHAIN_ANCHOR_RPC_URL, GOVCHAIN_ANCHOR_CHAIN_ID   the chain",
      "  GOVCHAIN_REGISTRY_OWNER_KEY                         the owner's hex private key",
      "  GOVCHAIN_<LOG>_LOG_ORIGIN with GOVCHAIN_<LOG>_SUBMITTER_ADDRESS (or _SUBMITTER_KEY),"
          + " for each log (e.g. <LOG> = SEAL, SSC, ACCOUNTING)",
      "",
      "On a dev chain (one with an unlocked account) that account pays for the owner and the"
          + " submitters; elsewhere fund them first."
    })
public final class RegistrySetupCommand implements Callable<Integer> {

  private static final Pattern ORIGIN = Pattern.compile("GOVCHAIN_([A-Z0-9_]+)_LOG_ORIGIN");

  @Option(
      names = "--config-tree",
      paramLabel = "DIR",
      description = "a directory of files named after settings (compose secrets); repeatable")
  List<Path> configTrees = new ArrayList<>();

  @Option(
      names = "--write-properties",
      paramLabel = "FILE",
      description =
          "the record as a properties file (compose): read if it exists, written after a"
              + " deployment (the services import it)")
  Path propertiesFile;

  @Option(
      names = "--write-configmap",
      paramLabel = "NAME",
      description =
          "the record as a ConfigMap (Kubernetes): read if it exists, written after a deployment"
              + " (the services take it as environment)")
  String configMap;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      description = "the ConfigMap's namespace (default: the pod's own)")
  String namespace;

  @Option(
      names = "--kubernetes-api",
      paramLabel = "URL",
      description =
          "the API server without authentication, e.g. a kubectl proxy (default: the pod's, with"
              + " its service account)")
  String kubernetesApi;

  @Option(
      names = "--chain-timeout",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description = "how long to wait for the chain to answer (default ${DEFAULT-VALUE})")
  long chainTimeoutSeconds;

  private final Map<String, String> environment;
  private final PrintStream out;

  public RegistrySetupCommand() {
    this(System.getenv(), System.out);
  }

  RegistrySetupCommand(Map<String, String> environment, PrintStream out) {
    this.environment = environment;
    this.out = out;
  }

  @Override
  public Integer call() {
    Variables variables = Variables.of(environment, configTrees);
    String rpcUrl = variables.require("GOVCHAIN_ANCHOR_RPC_URL");
    long chainId = chainId(variables.require("GOVCHAIN_ANCHOR_CHAIN_ID"));
    Credentials owner = key(variables, "GOVCHAIN_REGISTRY_OWNER_KEY");
    List<RegistryInstaller.LogSubmitter> logs = logs(variables);
    if ((propertiesFile == null) == (configMap == null)) {
      throw new OperatorException("give exactly one of --write-properties and --write-configmap");
    }
    RegistryRecord record =
        propertiesFile != null
            ? new PropertiesRecord(propertiesFile)
            : ConfigMapRecord.inCluster(configMap, namespace, kubernetesApi, environment);

    Web3j web3j = Web3j.build(new HttpService(rpcUrl));
    try {
      RegistryInstaller installer = new RegistryInstaller(web3j, chainId, owner, Clock.systemUTC());
      installer.awaitChain(Duration.ofSeconds(chainTimeoutSeconds), rpcUrl);
      Optional<RegistryDeployment> recorded = record.read();
      RegistryDeployment deployment;
      if (recorded.isPresent()) {
        deployment = recorded.get();
        installer.check(
            deployment,
            record.toString(),
            ". The chain, the recorded registry and the keys belong together: if the chain was"
                + " replaced on purpose, delete "
                + record
                + " and run registry-setup again (a new registry; proofs anchored in the old one"
                + " verify only against the old chain)");
        out.println(
            "registry "
                + deployment.registry()
                + " on chain "
                + chainId
                + " (deployed at block "
                + deployment.blockNumber()
                + ", "
                + deployment.deployedAt()
                + "): checked, nothing deployed");
      } else {
        deployment = installer.deploy();
        record.write(deployment);
        out.println(
            "registry "
                + deployment.registry()
                + " deployed on chain "
                + chainId
                + " at block "
                + deployment.blockNumber()
                + ", owner "
                + deployment.owner()
                + "; recorded in "
                + record);
      }
      List<String> registered = installer.registerSubmitters(deployment.registry(), logs);
      for (RegistryInstaller.LogSubmitter log : logs) {
        out.println(
            "log "
                + log.origin()
                + ": submitter "
                + log.submitter()
                + (registered.contains(log.origin()) ? " registered now" : " already registered"));
      }
      out.println(RegistryDeployment.ADDRESS + "=" + deployment.registry());
      return 0;
    } finally {
      web3j.shutdown();
    }
  }

  private static long chainId(String value) {
    try {
      long id = Long.parseLong(value);
      if (id <= 0) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw new OperatorException(
          "GOVCHAIN_ANCHOR_CHAIN_ID must be a positive number, not '" + value + "'");
    }
  }

  private static Credentials key(Variables variables, String name) {
    String hex = variables.require(name);
    if (!WalletUtils.isValidPrivateKey(hex)) {
      throw new OperatorException(name + " is not a 32-byte hex private key");
    }
    return Credentials.create(hex);
  }

  /** Every log named by a GOVCHAIN_<LOG>_LOG_ORIGIN, with its submitter. */
  static List<RegistryInstaller.LogSubmitter> logs(Variables variables) {
    List<RegistryInstaller.LogSubmitter> logs = new ArrayList<>();
    for (Map.Entry<String, String> entry : variables.all().entrySet()) {
      Matcher matcher = ORIGIN.matcher(entry.getKey());
      if (!matcher.matches()) {
        continue;
      }
      String prefix = "GOVCHAIN_" + matcher.group(1);
      String submitter;
      Optional<String> address = variables.get(prefix + "_SUBMITTER_ADDRESS");
      if (address.isPresent()) {
        if (!WalletUtils.isValidAddress(address.get()) || !address.get().startsWith("0x")) {
          throw new OperatorException(prefix + "_SUBMITTER_ADDRESS is not an address");
        }
        submitter = address.get();
      } else if (variables.get(prefix + "_SUBMITTER_KEY").isPresent()) {
        submitter = key(variables, prefix + "_SUBMITTER_KEY").getAddress();
      } else {
        throw new OperatorException(
            entry.getKey()
                + " names a log, but neither "
                + prefix
                + "_SUBMITTER_ADDRESS nor "
                + prefix
                + "_SUBMITTER_KEY is set");
      }
      logs.add(new RegistryInstaller.LogSubmitter(entry.getValue(), submitter));
    }
    if (logs.isEmpty()) {
      throw new OperatorException(
          "no log to register: set GOVCHAIN_<LOG>_LOG_ORIGIN and GOVCHAIN_<LOG>_SUBMITTER_ADDRESS"
              + " for each record service (e.g. GOVCHAIN_SEAL_LOG_ORIGIN)");
    }
    return logs;
  }
}
