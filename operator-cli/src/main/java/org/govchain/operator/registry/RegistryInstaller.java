package org.govchain.operator.registry;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.ChainException;
import org.govchain.anchor.chain.LogId;
import org.govchain.operator.OperatorException;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Convert;

/**
 * Puts an installation's AnchorRegistry on a chain and keeps it usable: deploys it when no
 * deployment is recorded, otherwise checks that the recorded address still holds the registry on
 * the same chain and that the owner key owns it; registers each log's submitter (only where the
 * registry names another one, so a second run sends nothing).
 *
 * <p>Gas: a chain with an unlocked account (a dev chain) pays for the owner and the submitters from
 * it when they run low; on any other chain the accounts must be funded beforehand (in a Besu
 * genesis: {@code ./govchain besu-network --fund}), unless the chain's gas is free.
 */
public final class RegistryInstaller {

  private static final BigInteger LOW_BALANCE =
      Convert.toWei("10", Convert.Unit.ETHER).toBigInteger();
  private static final BigInteger TOP_UP = Convert.toWei("100", Convert.Unit.ETHER).toBigInteger();
  private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(60);

  /**
   * A log that needs a registered submitter.
   *
   * @param origin the log's origin ({@code logId = keccak256(origin)})
   * @param submitter the submitter's address
   */
  public record LogSubmitter(String origin, String submitter) {
    public LogSubmitter {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(submitter, "submitter");
      submitter = submitter.toLowerCase(Locale.ROOT);
    }
  }

  private final Web3j web3j;
  private final long chainId;
  private final Credentials owner;
  private final Clock clock;

  /**
   * @param web3j the chain
   * @param chainId the chain id the installation is configured for (checked against the chain)
   * @param owner the registry owner's key: deploys the registry and registers submitters
   */
  public RegistryInstaller(Web3j web3j, long chainId, Credentials owner, Clock clock) {
    this.web3j = web3j;
    this.chainId = chainId;
    this.owner = owner;
    this.clock = clock;
  }

  /**
   * Waits until the chain answers, then checks its chain id.
   *
   * @throws OperatorException if it does not answer in time or serves another chain
   */
  public void awaitChain(Duration timeout, String rpcUrl) {
    Instant deadline = clock.instant().plus(timeout);
    IOException last = null;
    while (true) {
      try {
        long actual = web3j.ethChainId().send().getChainId().longValueExact();
        if (actual != chainId) {
          throw new OperatorException(
              "the chain at "
                  + rpcUrl
                  + " has chain id "
                  + actual
                  + ", not "
                  + chainId
                  + " (GOVCHAIN_ANCHOR_CHAIN_ID)");
        }
        return;
      } catch (IOException e) {
        last = e;
      }
      if (clock.instant().isAfter(deadline)) {
        throw new OperatorException(
            "the chain at " + rpcUrl + " did not answer within " + timeout + ": " + last, last);
      }
      sleep(Duration.ofSeconds(1));
    }
  }

  /** Deploys a new registry owned by the owner key, paying for it from the dev funder if any. */
  public RegistryDeployment deploy() {
    try {
      ensureGas(owner.getAddress());
      AnchorRegistryClient client =
          AnchorRegistryClient.await(AnchorRegistryClient.deploy(web3j, owner, chainId));
      return new RegistryDeployment(
          chainId,
          client.address(),
          owner.getAddress(),
          web3j.ethBlockNumber().send().getBlockNumber().longValueExact(),
          clock.instant());
    } catch (IOException | ChainException e) {
      throw new OperatorException("deploying AnchorRegistry failed: " + e.getMessage(), e);
    }
  }

  /**
   * Checks a recorded deployment against the chain.
   *
   * @param where where the record was read, for the messages
   * @param resetHint what to do if the chain was replaced on purpose, appended to the messages
   * @throws OperatorException if the chain differs, the address holds no code or another owner
   */
  public void check(RegistryDeployment recorded, String where, String resetHint) {
    if (recorded.chainId() != chainId) {
      throw new OperatorException(
          where
              + " records a registry on chain "
              + recorded.chainId()
              + ", but this installation is configured for chain "
              + chainId
              + resetHint);
    }
    AnchorRegistryClient client =
        AnchorRegistryClient.connect(web3j, recorded.registry(), chainId, owner);
    if (!AnchorRegistryClient.await(client.hasCode())) {
      throw new OperatorException(
          "the chain holds no contract at "
              + recorded.registry()
              + ", the registry recorded in "
              + where
              + " (was the chain's data reset?)"
              + resetHint);
    }
    String actualOwner = AnchorRegistryClient.await(client.owner());
    if (!actualOwner.equalsIgnoreCase(owner.getAddress())) {
      throw new OperatorException(
          "the registry "
              + recorded.registry()
              + " recorded in "
              + where
              + " is owned by "
              + actualOwner
              + ", not by the configured owner key's address "
              + owner.getAddress()
              + resetHint);
    }
  }

  /**
   * Registers each log's submitter where the registry names none or another one, and makes sure
   * each submitter can pay for its anchors.
   *
   * @return the origins whose submitter was (re-)registered now
   */
  public List<String> registerSubmitters(String registry, List<LogSubmitter> logs) {
    AnchorRegistryClient client = AnchorRegistryClient.connect(web3j, registry, chainId, owner);
    List<String> registered = new ArrayList<>();
    try {
      for (LogSubmitter log : logs) {
        ensureGas(log.submitter());
        byte[] logId = LogId.of(log.origin());
        Optional<String> current = AnchorRegistryClient.await(client.submitterOf(logId));
        if (current.map(address -> !address.equalsIgnoreCase(log.submitter())).orElse(true)) {
          ensureGas(owner.getAddress());
          AnchorRegistryClient.await(client.registerSubmitter(logId, log.submitter()));
          registered.add(log.origin());
        }
      }
    } catch (IOException | ChainException e) {
      throw new OperatorException("registering submitters failed: " + e.getMessage(), e);
    }
    return registered;
  }

  /**
   * Tops {@code account} up from the chain's unlocked account when it runs low; without one,
   * refuses an account that holds nothing on a chain whose gas is not free.
   */
  void ensureGas(String account) throws IOException {
    BigInteger balance =
        web3j.ethGetBalance(account, DefaultBlockParameterName.LATEST).send().getBalance();
    if (balance.compareTo(LOW_BALANCE) >= 0) {
      return;
    }
    Optional<String> funder = unlockedFunder();
    if (funder.isEmpty()) {
      if (balance.signum() == 0 && web3j.ethGasPrice().send().getGasPrice().signum() > 0) {
        throw new OperatorException(
            account
                + " holds no ether on chain "
                + chainId
                + " and the chain has no unlocked account to fund it: fund it first (for a Besu"
                + " network, generate the genesis with ./govchain besu-network --fund "
                + account
                + ")");
      }
      return;
    }
    var sent =
        web3j
            .ethSendTransaction(
                Transaction.createEtherTransaction(funder.get(), null, null, null, account, TOP_UP))
            .send();
    if (sent.hasError()) {
      throw new OperatorException(
          "the chain refused to fund " + account + ": " + sent.getError().getMessage());
    }
    awaitReceipt(sent.getTransactionHash());
  }

  /** The chain's first unlocked account (a dev chain's), which pays for the installation. */
  Optional<String> unlockedFunder() throws IOException {
    var response = web3j.ethAccounts().send();
    if (response.hasError() || response.getAccounts() == null) {
      // Besu answers eth_accounts with an empty list; other nodes may not offer it at all
      return Optional.empty();
    }
    return response.getAccounts().stream().findFirst();
  }

  private void awaitReceipt(String hash) throws IOException {
    Instant deadline = clock.instant().plus(RECEIPT_TIMEOUT);
    while (clock.instant().isBefore(deadline)) {
      Optional<TransactionReceipt> receipt =
          web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
      if (receipt.isPresent()) {
        if (!receipt.get().isStatusOK()) {
          throw new OperatorException("funding transaction " + hash + " failed");
        }
        return;
      }
      sleep(Duration.ofMillis(200));
    }
    throw new OperatorException("funding transaction " + hash + " was not mined in time");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperatorException("interrupted");
    }
  }
}
