package org.govchain.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.Transfer;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/**
 * A real Ethereum JSON-RPC chain for tests: a Hardhat node started from {@code infra/devchain}, or
 * an external chain named by {@code GOVCHAIN_TEST_RPC_URL}.
 *
 * <p>On an external chain, {@code GOVCHAIN_TEST_PRIVATE_KEY} must hold a funded key; it pays for
 * the accounts made by {@link #newFundedAccount()}. Both settings are read from system properties
 * first, then from environment variables. No private key is stored in the repository: Hardhat
 * accounts are fresh random keys funded with {@code hardhat_setBalance}.
 *
 * <p>Methods are blocking; they are for test code, never for production threads.
 */
public final class DevChain implements AutoCloseable {

  /** Setting naming an external chain's JSON-RPC URL instead of starting Hardhat. */
  public static final String RPC_URL_SETTING = "GOVCHAIN_TEST_RPC_URL";

  /** Setting holding the hex private key of a funded account on the external chain. */
  public static final String PRIVATE_KEY_SETTING = "GOVCHAIN_TEST_PRIVATE_KEY";

  private static final Duration START_DEADLINE = Duration.ofSeconds(90);
  private static final BigInteger HARDHAT_BALANCE =
      Convert.toWei("1000", Convert.Unit.ETHER).toBigInteger();
  private static final BigDecimal EXTERNAL_FUNDING_ETHER = BigDecimal.ONE;

  private final Path devchainDir;
  private final int port;
  private final String rpcUrl;
  private final Credentials funder;
  private final HttpService service;
  private final Web3j web3j;
  private Process process;
  private Thread shutdownHook;
  private long chainId;

  private DevChain(Path devchainDir, int port, String rpcUrl, Credentials funder) {
    this.devchainDir = devchainDir;
    this.port = port;
    this.rpcUrl = rpcUrl;
    this.funder = funder;
    this.service = new HttpService(rpcUrl);
    this.web3j = Web3j.build(service);
  }

  /**
   * The chain tests should use: the external chain if {@code GOVCHAIN_TEST_RPC_URL} is set, else a
   * new Hardhat node on a free local port.
   */
  public static DevChain startOrConnect() {
    String url = setting(RPC_URL_SETTING);
    if (url == null) {
      Path dir = NodeProject.root().resolve(Path.of("infra", "devchain"));
      return startHardhat(dir, freePort());
    }
    String key = setting(PRIVATE_KEY_SETTING);
    if (key == null) {
      throw new IllegalStateException(
          RPC_URL_SETTING + " is set, so " + PRIVATE_KEY_SETTING + " must hold a funded key");
    }
    return connect(url, Credentials.create(key));
  }

  /**
   * Starts a Hardhat node from {@code devchainDir} on 127.0.0.1:{@code port}, installing its npm
   * packages first if needed, and waits until it answers {@code eth_chainId}.
   *
   * @throws IllegalStateException with the tail of the node's log if it does not come up
   */
  public static DevChain startHardhat(Path devchainDir, int port) {
    DevChain chain = new DevChain(devchainDir, port, "http://127.0.0.1:" + port, null);
    chain.start();
    return chain;
  }

  /** Connects to an already running chain; {@code funder} pays for new accounts. */
  public static DevChain connect(String rpcUrl, Credentials funder) {
    DevChain chain = new DevChain(null, -1, rpcUrl, funder);
    chain.chainId = chain.web3j.ethChainId().sendAsync().join().getChainId().longValueExact();
    return chain;
  }

  /** The chain's JSON-RPC HTTP URL. */
  public String rpcUrl() {
    return rpcUrl;
  }

  /** The chain id reported by the node (31337 for Hardhat). */
  public long chainId() {
    return chainId;
  }

  /** A shared web3j client for this chain; closed with the chain. */
  public Web3j web3j() {
    return web3j;
  }

  /** Whether this is a Hardhat node started by this object (so Hardhat RPC methods work). */
  public boolean isHardhat() {
    return devchainDir != null;
  }

  /** A fresh random account holding enough ether for many transactions. */
  public synchronized Credentials newFundedAccount() {
    Credentials account;
    try {
      account = Credentials.create(Keys.createEcKeyPair());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a key pair", e);
    }
    try {
      if (isHardhat()) {
        call(
            "hardhat_setBalance",
            List.of(account.getAddress(), Numeric.toHexStringWithPrefix(HARDHAT_BALANCE)));
      } else {
        new Transfer(web3j, new RawTransactionManager(web3j, funder, chainId))
            .sendFunds(
                account.getAddress(),
                EXTERNAL_FUNDING_ETHER,
                Convert.Unit.ETHER,
                web3j.ethGasPrice().send().getGasPrice(),
                BigInteger.valueOf(21_000))
            .send();
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot fund " + account.getAddress(), e);
    }
    return account;
  }

  /**
   * Mines {@code blocks} blocks now on Hardhat ({@code hardhat_mine}); on an external chain, waits
   * until the chain has produced that many more blocks.
   */
  public void mine(int blocks) {
    if (blocks <= 0) {
      throw new IllegalArgumentException("blocks must be positive: " + blocks);
    }
    if (isHardhat()) {
      call("hardhat_mine", List.of(Numeric.toHexStringWithPrefix(BigInteger.valueOf(blocks))));
      return;
    }
    long target = blockNumber() + blocks;
    Await.until(
        "the chain reaches block " + target,
        Duration.ofSeconds(30L * blocks),
        Duration.ofMillis(500),
        () -> blockNumber() >= target);
  }

  /**
   * Turns Hardhat's automine on or off ({@code evm_setAutomine}); with it off, sent transactions
   * wait in the pool until {@link #mine(int)}.
   *
   * @throws UnsupportedOperationException on an external chain
   */
  public void setAutomine(boolean automine) {
    requireHardhat("evm_setAutomine");
    call("evm_setAutomine", List.of(automine));
  }

  /**
   * Sends a JSON-RPC request and fails if it returns an error; for node-specific methods such as
   * {@code hardhat_setStorageAt} that web3j does not wrap.
   */
  public void send(String method, Object... params) {
    call(method, List.of(params));
  }

  /** The newest block number. */
  public long blockNumber() {
    try {
      return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stops the Hardhat node, so its port refuses connections (for outage tests).
   *
   * @throws UnsupportedOperationException on an external chain
   */
  public synchronized void stop() {
    requireHardhat("stop");
    stopProcess();
  }

  /**
   * Starts the Hardhat node again on the same port. Hardhat keeps no state across restarts: the
   * chain starts again from block 0, without deployed contracts or balances.
   *
   * @throws UnsupportedOperationException on an external chain
   */
  public synchronized void restart() {
    requireHardhat("restart");
    stopProcess();
    start();
  }

  /** Stops the Hardhat node if this object started it, and closes the web3j client. */
  @Override
  public synchronized void close() {
    if (isHardhat()) {
      stopProcess();
    }
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook is running or has run; nothing left to remove
      }
      shutdownHook = null;
    }
    web3j.shutdown();
  }

  /** A TCP port that was free a moment ago on 127.0.0.1. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized void start() {
    NodeProject.ensureInstalled(devchainDir);
    Path cli = devchainDir.resolve(Path.of("node_modules", "hardhat", "internal", "cli", "cli.js"));
    Path log = NodeProject.logDirectory().resolve("hardhat-" + port + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                NodeProject.nodeCommand(),
                cli.toString(),
                "node",
                "--hostname",
                "127.0.0.1",
                "--port",
                Integer.toString(port))
            .directory(devchainDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("HARDHAT_DISABLE_TELEMETRY_PROMPT", "true");
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start Hardhat (is Node.js 20 on the PATH?): " + e.getMessage(), e);
    }
    if (shutdownHook == null) {
      shutdownHook = new Thread(this::stopProcess, "devchain-shutdown-" + port);
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    awaitReady(log);
  }

  private void awaitReady(Path log) {
    String[] lastError = {"no answer yet"};
    try {
      chainId =
          Await.value(
              "Hardhat answers eth_chainId at " + rpcUrl,
              START_DEADLINE,
              Duration.ofMillis(250),
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(
                      "Hardhat exited with "
                          + process.exitValue()
                          + ", log "
                          + log
                          + ":\n"
                          + NodeProject.tail(log, 30));
                }
                try {
                  return Optional.of(web3j.ethChainId().send().getChainId().longValueExact());
                } catch (IOException | RuntimeException e) {
                  lastError[0] = e.toString();
                  return Optional.empty();
                }
              });
    } catch (AssertionError e) {
      stopProcess();
      throw new IllegalStateException(
          e.getMessage()
              + " ("
              + lastError[0]
              + "), log "
              + log
              + ":\n"
              + NodeProject.tail(log, 30),
          e);
    }
  }

  private synchronized void stopProcess() {
    if (process != null) {
      NodeProject.destroyTree(process.toHandle());
      process = null;
    }
  }

  private void requireHardhat(String what) {
    if (!isHardhat()) {
      throw new UnsupportedOperationException(what + " needs the Hardhat dev chain, not " + rpcUrl);
    }
  }

  private void call(String method, List<?> params) {
    try {
      VoidResponse response = new Request<>(method, params, service, VoidResponse.class).send();
      if (response.hasError()) {
        Response.Error error = response.getError();
        throw new IllegalStateException(method + " failed: " + error.getMessage());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(method + " failed", e);
    }
  }

  private static String setting(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? null : value.trim();
  }
}
