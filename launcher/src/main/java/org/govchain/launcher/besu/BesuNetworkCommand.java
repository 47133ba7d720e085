package org.govchain.launcher.besu;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code besu-network}: generates a Besu QBFT network into a directory. */
@Command(
    name = "besu-network",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a Hyperledger Besu QBFT network without Besu: a fresh secp256k1 key per"
          + " validator, genesis.json (QBFT, London without Shanghai, free gas, the given accounts"
          + " funded) and static-nodes.json. Writes genesis.json, static-nodes.json and"
          + " validator-<i>/{key,key.pub,address}; keys are readable by their owner only.",
      "",
      "Refuses a directory that already holds a network: the validator keys are the network's"
          + " identity. Exit codes: 0 written, 1 refused or not written, 2 bad arguments.",
      ""
    })
public final class BesuNetworkCommand implements Callable<Integer> {

  @Option(
      names = "--validators",
      paramLabel = "N",
      description = "Validators, 1 to 16 (default: ${DEFAULT-VALUE}; 4 tolerate one down).",
      defaultValue = "1")
  int validators;

  @Option(
      names = "--chain-id",
      paramLabel = "ID",
      description = "Chain id (default: ${DEFAULT-VALUE}).",
      defaultValue = "1337")
  long chainId;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "Directory to write to (created, owner-only, if missing).")
  Path directory;

  @Option(
      names = "--fund",
      paramLabel = "ADDR",
      split = ",",
      description =
          "Addresses funded at genesis, comma-separated: the registry owner and each log's"
              + " submitter.")
  List<String> fund = List.of();

  @Option(
      names = "--host-template",
      paramLabel = "T",
      description =
          "Validator host names in the enode URLs, {i} standing for the index (default:"
              + " ${DEFAULT-VALUE}, compose's service names; on Kubernetes"
              + " besu-validator-{i}.besu-validator.govchain.svc.cluster.local).",
      defaultValue = BesuNetworkSpec.DEFAULT_HOST_TEMPLATE)
  String hostTemplate;

  @Option(
      names = "--block-period",
      paramLabel = "S",
      description =
          "Minimum seconds between blocks (default: ${DEFAULT-VALUE}); the round timeout is"
              + " twice this.",
      defaultValue = "2")
  int blockPeriod;

  @Option(names = "--force", description = "Replace a network already in DIR (its keys are lost).")
  boolean force;

  private final PrintStream console;
  private final SecureRandom random;

  public BesuNetworkCommand() {
    this(System.out, new SecureRandom());
  }

  BesuNetworkCommand(PrintStream out, SecureRandom random) {
    this.console = out;
    this.random = random;
  }

  @Override
  public Integer call() {
    BesuNetworkSpec spec;
    try {
      spec = new BesuNetworkSpec(validators, chainId, blockPeriod, fund, hostTemplate);
    } catch (IllegalArgumentException e) {
      console.println("govchain besu-network: " + e.getMessage());
      return 2;
    }
    BesuNetwork network = BesuNetwork.generate(spec, random);
    NetworkDirectory files = new NetworkDirectory(directory);
    try {
      files.write(network, force);
    } catch (ExistingNetworkException e) {
      console.println("govchain besu-network: " + e.getMessage());
      return 1;
    } catch (IOException | RuntimeException e) {
      console.println("govchain besu-network: cannot write " + directory + ": " + e);
      return 1;
    }
    summary(network, files);
    return 0;
  }

  private void summary(BesuNetwork network, NetworkDirectory files) {
    BesuNetworkSpec spec = network.spec();
    console.println(
        "Besu QBFT network written to "
            + directory
            + ": chain id "
            + spec.chainId()
            + ", block period "
            + spec.blockPeriodSeconds()
            + " s, "
            + spec.validators()
            + (spec.validators() == 1 ? " validator" : " validators"));
    for (int i = 0; i < spec.validators(); i++) {
      console.println(
          "  validator "
              + i
              + "  "
              + network.address(i)
              + "  key "
              + files.validator(i).resolve(NetworkDirectory.KEY));
      console.println("      " + network.enode(i));
    }
    console.println(
        spec.fundedAddresses().isEmpty()
            ? "  no account funded (--fund): senders need a balance to cover their fee cap"
            : "  funded: " + String.join(", ", spec.fundedAddresses()));
    console.println(
        "Keep the keys secret and keep them: they are the network's identity"
            + " (infra/besu/README.md).");
  }
}
