package org.govchain.launcher;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.govchain.anchor.canonical.Jcs;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.LogId;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Convert;

/**
 * Puts the AnchorRegistry on the dev chain once and keeps it usable: deploys it on the first start
 * (recorded in {@code devchain.json}), checks on later starts that the chain still holds it and
 * that our owner key owns it, funds the suite's keys and registers each log's submitter.
 */
final class RegistrySetup {

  private static final BigInteger LOW_BALANCE =
      Convert.toWei("10", Convert.Unit.ETHER).toBigInteger();
  private static final BigInteger TOP_UP = Convert.toWei("100", Convert.Unit.ETHER).toBigInteger();
  private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(30);

  /**
   * The registry of this installation.
   *
   * @param chainId the chain id
   * @param registry the contract address
   * @param owner the owner's address (key in {@code keys/registry-owner.hex})
   * @param blockNumber the chain's block number right after the deployment
   * @param deployedAt when it was deployed
   */
  record Deployment(
      long chainId, String registry, String owner, long blockNumber, Instant deployedAt) {}

  /**
   * A log that needs a registered submitter.
   *
   * @param origin the log's origin ({@code logId = keccak256(origin)})
   * @param submitter its submitter key
   */
  record LogSubmitter(String origin, Credentials submitter) {}

  private RegistrySetup() {}

  /**
   * Deploys or re-checks the registry and registers the submitters.
   *
   * @throws StartupException if the recorded registry is gone or owned by someone else
   */
  static Deployment ensure(
      DevChainNode chain, Home home, Credentials owner, List<LogSubmitter> logs) {
    Web3j web3j = chain.web3j();
    try {
      String funder = funder(web3j);
      fund(web3j, funder, owner.getAddress());
      Deployment deployment = readDeployment(home).orElse(null);
      AnchorRegistryClient client;
      if (deployment == null) {
        client =
            AnchorRegistryClient.await(
                AnchorRegistryClient.deploy(web3j, owner, DevChainNode.CHAIN_ID));
        deployment =
            new Deployment(
                DevChainNode.CHAIN_ID,
                client.address(),
                owner.getAddress(),
                web3j.ethBlockNumber().send().getBlockNumber().longValueExact(),
                Instant.now());
        writeDeployment(home, deployment);
      } else {
        client = checkRecorded(web3j, home, owner, deployment);
      }
      for (LogSubmitter log : logs) {
        fund(web3j, funder, log.submitter().getAddress());
        byte[] logId = LogId.of(log.origin());
        String wanted = log.submitter().getAddress().toLowerCase(Locale.ROOT);
        Optional<String> current = AnchorRegistryClient.await(client.submitterOf(logId));
        if (current.map(a -> !a.equalsIgnoreCase(wanted)).orElse(true)) {
          AnchorRegistryClient.await(client.registerSubmitter(logId, wanted));
        }
      }
      return deployment;
    } catch (IOException e) {
      throw new StartupException(
          "the dev chain at " + chain.rpcUrl() + " failed while setting up the registry: " + e, e);
    }
  }

  private static AnchorRegistryClient checkRecorded(
      Web3j web3j, Home home, Credentials owner, Deployment deployment) {
    if (deployment.chainId() != DevChainNode.CHAIN_ID) {
      throw new StartupException(
          home.deployment()
              + " names chain "
              + deployment.chainId()
              + ", but the dev chain is "
              + DevChainNode.CHAIN_ID
              + resetHint(home));
    }
    AnchorRegistryClient client =
        AnchorRegistryClient.connect(web3j, deployment.registry(), DevChainNode.CHAIN_ID, owner);
    if (!AnchorRegistryClient.await(client.hasCode())) {
      throw new StartupException(
          "the dev chain in "
              + home.chain()
              + " holds no contract at "
              + deployment.registry()
              + ", the registry recorded in "
              + home.deployment()
              + " (was "
              + home.chain()
              + " deleted or replaced?)"
              + resetHint(home));
    }
    String actualOwner = AnchorRegistryClient.await(client.owner());
    if (!actualOwner.equalsIgnoreCase(owner.getAddress())) {
      throw new StartupException(
          "the registry "
              + deployment.registry()
              + " is owned by "
              + actualOwner
              + ", not by this installation's key "
              + owner.getAddress()
              + " ("
              + home.keys().resolve("registry-owner.hex")
              + ")"
              + resetHint(home));
    }
    return client;
  }

  private static String resetHint(Home home) {
    return ". The chain, the deployment record, the keys and the databases belong together: to"
        + " start afresh, stop GovChain and delete "
        + home.dir()
        + " (everything made locally is lost).";
  }

  /** The dev chain's one unlocked (public, deterministic) account, which pays for our keys. */
  private static String funder(Web3j web3j) throws IOException {
    List<String> accounts = web3j.ethAccounts().send().getAccounts();
    if (accounts.isEmpty()) {
      throw new StartupException("the dev chain has no unlocked account to fund the suite's keys");
    }
    return accounts.get(0);
  }

  private static void fund(Web3j web3j, String funder, String account) throws IOException {
    BigInteger balance =
        web3j.ethGetBalance(account, DefaultBlockParameterName.LATEST).send().getBalance();
    if (balance.compareTo(LOW_BALANCE) >= 0) {
      return;
    }
    var sent =
        web3j
            .ethSendTransaction(
                Transaction.createEtherTransaction(funder, null, null, null, account, TOP_UP))
            .send();
    if (sent.hasError()) {
      throw new StartupException(
          "the dev chain refused to fund " + account + ": " + sent.getError().getMessage());
    }
    awaitReceipt(web3j, sent.getTransactionHash());
  }

  private static TransactionReceipt awaitReceipt(Web3j web3j, String hash) throws IOException {
    Instant deadline = Instant.now().plus(RECEIPT_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      Optional<TransactionReceipt> receipt =
          web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
      if (receipt.isPresent()) {
        if (!receipt.get().isStatusOK()) {
          throw new StartupException("funding transaction " + hash + " failed on the dev chain");
        }
        return receipt.get();
      }
      Readiness.sleep(Duration.ofMillis(100));
    }
    throw new StartupException("funding transaction " + hash + " was not mined in time");
  }

  static Optional<Deployment> readDeployment(Home home) {
    if (!Files.isRegularFile(home.deployment())) {
      return Optional.empty();
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> json =
          (Map<String, Object>) Jcs.parse(Files.readAllBytes(home.deployment()));
      return Optional.of(
          new Deployment(
              ((Number) json.get("chainId")).longValue(),
              (String) json.get("registry"),
              (String) json.get("owner"),
              ((Number) json.get("blockNumber")).longValue(),
              Instant.parse((String) json.get("deployedAt"))));
    } catch (IOException | RuntimeException e) {
      throw new StartupException(
          home.deployment() + " is unreadable (" + e.getMessage() + ")" + resetHint(home), e);
    }
  }

  private static void writeDeployment(Home home, Deployment deployment) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("chainId", deployment.chainId());
    json.put("registry", deployment.registry());
    json.put("owner", deployment.owner());
    json.put("blockNumber", deployment.blockNumber());
    json.put("deployedAt", deployment.deployedAt().toString());
    Files.write(home.deployment(), Jcs.serialize(json));
    Files.writeString(
        home.deployment(), "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
  }
}
