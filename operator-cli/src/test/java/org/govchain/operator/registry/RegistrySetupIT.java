package org.govchain.operator.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.LogId;
import org.govchain.operator.GovchainOperator;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.WithDevChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;
import picocli.CommandLine;

/**
 * registry-setup against a real chain (Hardhat): the first run deploys and records, a second run
 * sends nothing, and a record that does not match the chain is refused with what to do.
 */
@WithDevChain
class RegistrySetupIT {

  @TempDir Path temp;

  private final DevChain chain;
  private Map<String, String> environment;
  private Credentials owner;
  private Credentials sealSubmitter;
  private Path record;

  RegistrySetupIT(DevChain chain) {
    this.chain = chain;
  }

  @BeforeEach
  void freshInstallation() throws Exception {
    owner = Credentials.create(Keys.createEcKeyPair());
    sealSubmitter = Credentials.create(Keys.createEcKeyPair());
    record = temp.resolve("registry/registry.properties");
    environment = new HashMap<>();
    environment.put("GOVCHAIN_ANCHOR_RPC_URL", chain.rpcUrl());
    environment.put("GOVCHAIN_ANCHOR_CHAIN_ID", Long.toString(chain.chainId()));
    environment.put(
        "GOVCHAIN_REGISTRY_OWNER_KEY",
        Numeric.toHexStringWithPrefixZeroPadded(owner.getEcKeyPair().getPrivateKey(), 64));
    environment.put("GOVCHAIN_SEAL_LOG_ORIGIN", "seal.city.example");
    environment.put("GOVCHAIN_SEAL_SUBMITTER_ADDRESS", sealSubmitter.getAddress());
  }

  @Test
  void firstRunDeploysFundsAndRegistersSecondRunSendsNothing() throws Exception {
    Run first = run();

    assertThat(first.code).as(first.err).isZero();
    Properties recorded = properties();
    String address = recorded.getProperty("GOVCHAIN_ANCHOR_REGISTRY_ADDRESS");
    assertThat(first.out)
        .contains("deployed on chain " + chain.chainId())
        .contains(
            "log seal.city.example: submitter " + sealSubmitter.getAddress() + " registered now")
        .contains("GOVCHAIN_ANCHOR_REGISTRY_ADDRESS=" + address);
    assertThat(recorded.getProperty("GOVCHAIN_REGISTRY_OWNER")).isEqualTo(owner.getAddress());
    AnchorRegistryClient registry =
        AnchorRegistryClient.connect(chain.web3j(), address, chain.chainId());
    assertThat(AnchorRegistryClient.await(registry.owner()))
        .isEqualToIgnoringCase(owner.getAddress());
    assertThat(AnchorRegistryClient.await(registry.submitterOf(LogId.of("seal.city.example"))))
        .contains(sealSubmitter.getAddress());
    // the dev chain's unlocked account paid for the submitter's future anchors too
    assertThat(balance(sealSubmitter.getAddress())).isPositive();
    BigInteger ownerNonce = nonce(owner.getAddress());
    byte[] recordBytes = Files.readAllBytes(record);

    Run second = run();

    assertThat(second.code).as(second.err).isZero();
    assertThat(second.out)
        .contains("registry " + address + " on chain " + chain.chainId())
        .contains("checked, nothing deployed")
        .contains("already registered");
    assertThat(nonce(owner.getAddress())).isEqualTo(ownerNonce);
    assertThat(Files.readAllBytes(record)).isEqualTo(recordBytes);
  }

  @Test
  void aNewSubmitterKeyIsRegisteredOnTheSameRegistry() throws Exception {
    assertThat(run().code).isZero();
    String address = properties().getProperty("GOVCHAIN_ANCHOR_REGISTRY_ADDRESS");
    Credentials rotated = Credentials.create(Keys.createEcKeyPair());
    environment.put("GOVCHAIN_SEAL_SUBMITTER_ADDRESS", rotated.getAddress());

    Run again = run();

    assertThat(again.code).as(again.err).isZero();
    assertThat(properties().getProperty("GOVCHAIN_ANCHOR_REGISTRY_ADDRESS")).isEqualTo(address);
    AnchorRegistryClient registry =
        AnchorRegistryClient.connect(chain.web3j(), address, chain.chainId());
    assertThat(AnchorRegistryClient.await(registry.submitterOf(LogId.of("seal.city.example"))))
        .contains(rotated.getAddress());
  }

  @Test
  void aRecordOfARegistryTheChainDoesNotHoldIsRefusedWithWhatToDo() throws Exception {
    Files.createDirectories(record.getParent());
    Files.writeString(
        record,
        "GOVCHAIN_ANCHOR_REGISTRY_ADDRESS=0x00000000000000000000000000000000000000aa\n"
            + "GOVCHAIN_REGISTRY_CHAIN_ID="
            + chain.chainId()
            + "\nGOVCHAIN_REGISTRY_OWNER="
            + owner.getAddress()
            + "\nGOVCHAIN_REGISTRY_DEPLOYED_BLOCK=1\n"
            + "GOVCHAIN_REGISTRY_DEPLOYED_AT=2026-01-01T00:00:00Z\n");
    BigInteger before = nonce(owner.getAddress());

    Run run = run();

    assertThat(run.code).isEqualTo(1);
    assertThat(run.err)
        .contains("holds no contract at 0x00000000000000000000000000000000000000aa")
        .contains("delete " + record)
        .doesNotContain("Exception");
    assertThat(nonce(owner.getAddress())).isEqualTo(before);
  }

  @Test
  void aRegistryOwnedBySomeoneElseIsRefused() throws Exception {
    assertThat(run().code).isZero();
    Credentials other = Credentials.create(Keys.createEcKeyPair());
    environment.put(
        "GOVCHAIN_REGISTRY_OWNER_KEY",
        Numeric.toHexStringWithPrefixZeroPadded(other.getEcKeyPair().getPrivateKey(), 64));

    Run run = run();

    assertThat(run.code).isEqualTo(1);
    assertThat(run.err).contains("is owned by").contains(other.getAddress());
  }

  @Test
  void theWrongChainIdAndMissingSettingsAreRefusedBeforeAnythingIsSent() throws Exception {
    environment.put("GOVCHAIN_ANCHOR_CHAIN_ID", Long.toString(chain.chainId() + 1));
    Run wrongChain = run();
    assertThat(wrongChain.code).isEqualTo(1);
    assertThat(wrongChain.err)
        .contains("has chain id " + chain.chainId() + ", not " + (chain.chainId() + 1));
    assertThat(record).doesNotExist();

    environment.put("GOVCHAIN_ANCHOR_CHAIN_ID", Long.toString(chain.chainId()));
    environment.remove("GOVCHAIN_SEAL_SUBMITTER_ADDRESS");
    Run noSubmitter = run();
    assertThat(noSubmitter.code).isEqualTo(1);
    assertThat(noSubmitter.err)
        .contains(
            "GOVCHAIN_SEAL_LOG_ORIGIN names a log, but neither GOVCHAIN_SEAL_SUBMITTER_ADDRESS");

    environment.remove("GOVCHAIN_REGISTRY_OWNER_KEY");
    Run noOwner = run();
    assertThat(noOwner.code).isEqualTo(1);
    assertThat(noOwner.err).contains("GOVCHAIN_REGISTRY_OWNER_KEY is not set");
  }

  @Test
  void settingsComeFromAConfigTreeToo() throws Exception {
    Path tree = temp.resolve("secrets");
    Files.createDirectories(tree);
    Files.writeString(
        tree.resolve("GOVCHAIN_REGISTRY_OWNER_KEY"),
        environment.remove("GOVCHAIN_REGISTRY_OWNER_KEY") + "\n");
    Files.writeString(
        tree.resolve("GOVCHAIN_SEAL_SUBMITTER_ADDRESS"),
        environment.remove("GOVCHAIN_SEAL_SUBMITTER_ADDRESS"));

    Run run = run("--config-tree", tree.toString());

    assertThat(run.code).as(run.err).isZero();
    assertThat(properties().getProperty("GOVCHAIN_REGISTRY_OWNER")).isEqualTo(owner.getAddress());
  }

  @Test
  void onKubernetesTheRecordIsAConfigMapCreatedOnceThenOnlyRead() throws Exception {
    try (ConfigMapApi api = new ConfigMapApi("govchain")) {
      String[] configMap = {
        "--write-configmap",
        "govchain-chain",
        "--namespace",
        "govchain",
        "--kubernetes-api",
        api.url()
      };

      Run first = runWith(configMap);

      assertThat(first.code).as(first.err).isZero();
      var data = api.configMaps.get("govchain-chain").path("data");
      String address = data.path("GOVCHAIN_ANCHOR_REGISTRY_ADDRESS").asText();
      assertThat(address).startsWith("0x").hasSize(42);
      assertThat(data.path("GOVCHAIN_REGISTRY_OWNER").asText()).isEqualTo(owner.getAddress());
      assertThat(first.out).contains("recorded in ConfigMap govchain/govchain-chain");
      BigInteger ownerNonce = nonce(owner.getAddress());

      Run second = runWith(configMap);

      assertThat(second.code).as(second.err).isZero();
      assertThat(second.out).contains("registry " + address).contains("checked, nothing deployed");
      assertThat(nonce(owner.getAddress())).isEqualTo(ownerNonce);
      assertThat(api.calls).filteredOn(c -> c.startsWith("POST")).hasSize(1);
      assertThat(api.calls).noneMatch(c -> c.startsWith("PATCH"));

      // an API server that refuses says what the service account needs
      api.refuseWith = 403;
      Run refused = runWith(configMap);
      assertThat(refused.code).isEqualTo(1);
      assertThat(refused.err).contains("HTTP 403").contains("rbac.yaml");
    }
  }

  @Test
  void exactlyOneRecordMustBeNamed() {
    Run neither = runWith();
    assertThat(neither.code).isEqualTo(1);
    assertThat(neither.err).contains("exactly one of --write-properties and --write-configmap");
  }

  private record Run(int code, String out, String err) {}

  private Run run(String... extra) {
    String[] args = new String[extra.length + 2];
    args[0] = "--write-properties";
    args[1] = record.toString();
    System.arraycopy(extra, 0, args, 2, extra.length);
    return runWith(args);
  }

  private Run runWith(String... extra) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    CommandLine commandLine = GovchainOperator.commandLine();
    CommandLine setup = commandLine.getSubcommands().get("registry-setup");
    // the same command, reading this test's environment instead of the JVM's
    CommandLine replaced =
        new CommandLine(
            new RegistrySetupCommand(
                environment, new PrintStream(out, true, StandardCharsets.UTF_8)));
    replaced.setExecutionExceptionHandler(setup.getExecutionExceptionHandler());
    replaced.setErr(new PrintWriter(err, true));
    String[] args = new String[extra.length + 2];
    args[0] = "--chain-timeout";
    args[1] = "5";
    System.arraycopy(extra, 0, args, 2, extra.length);
    int code = replaced.execute(args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  private Properties properties() throws Exception {
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(record)) {
      properties.load(reader);
    }
    return properties;
  }

  private BigInteger nonce(String address) throws Exception {
    return chain
        .web3j()
        .ethGetTransactionCount(address, DefaultBlockParameterName.LATEST)
        .send()
        .getTransactionCount();
  }

  private BigInteger balance(String address) throws Exception {
    return chain
        .web3j()
        .ethGetBalance(address, DefaultBlockParameterName.LATEST)
        .send()
        .getBalance();
  }
}
