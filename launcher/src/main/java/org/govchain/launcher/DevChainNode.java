package org.govchain.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The local dev chain: a ganache node (pinned in {@code infra/devchain}) whose blocks live in
 * {@code chain/}, so a second start continues the same chain. Chain id 31337. DEV ONLY: its one
 * unlocked account comes from ganache's public deterministic mnemonic and only pays for the suite's
 * own keys; nothing is owned by it.
 */
final class DevChainNode {

  static final long CHAIN_ID = 31337;
  static final String NAME = "devchain";

  private final ChildProcess process;
  private final Web3j web3j;
  private final String rpcUrl;

  private DevChainNode(ChildProcess process, Web3j web3j, String rpcUrl) {
    this.process = process;
    this.web3j = web3j;
    this.rpcUrl = rpcUrl;
  }

  /**
   * Starts ganache; {@link #awaitReady()} waits until it answers.
   *
   * @throws StartupException if ganache is not installed or cannot be started
   */
  static DevChainNode launch(Settings settings, Home home) {
    Path devchain = settings.repoFile("infra/devchain");
    Path cli = devchain.resolve("node_modules/ganache/dist/node/cli.js");
    if (!Files.isRegularFile(cli)) {
      throw new StartupException(
          "ganache is not installed in "
              + devchain
              + ": run `npm ci` there (./govchain up does it when node_modules is missing)");
    }
    List<String> command =
        List.of(
            "node",
            cli.toString(),
            "--chain.chainId",
            Long.toString(CHAIN_ID),
            "--server.host",
            "127.0.0.1",
            "--server.port",
            Integer.toString(settings.chainPort()),
            "--database.dbPath",
            home.chain().toString(),
            "--wallet.deterministic",
            "--wallet.totalAccounts",
            "1",
            "--logging.quiet");
    ChildProcess process = ChildProcess.start(NAME, command, devchain, Map.of(), home.log(NAME));
    String rpcUrl = settings.rpcUrl();
    return new DevChainNode(process, Web3j.build(new HttpService(rpcUrl)), rpcUrl);
  }

  /**
   * Waits until the node answers {@code eth_chainId} with 31337.
   *
   * @throws StartupException if it exits, does not answer in time, or serves another chain
   */
  void awaitReady() {
    Readiness.await(
        process,
        "answer eth_chainId on " + rpcUrl,
        Duration.ofSeconds(60),
        () -> web3j.ethChainId().send().getChainId().longValueExact() > 0);
    long chainId;
    try {
      chainId = web3j.ethChainId().send().getChainId().longValueExact();
    } catch (IOException e) {
      throw new StartupException("the dev chain stopped answering on " + rpcUrl, e);
    }
    if (chainId != CHAIN_ID) {
      throw new StartupException(
          "the node on " + rpcUrl + " serves chain id " + chainId + ", expected " + CHAIN_ID);
    }
  }

  ChildProcess process() {
    return process;
  }

  Web3j web3j() {
    return web3j;
  }

  String rpcUrl() {
    return rpcUrl;
  }

  /** Stops the node with SIGTERM (ganache then flushes its database), killing it after 20 s. */
  void stop() {
    web3j.shutdown();
    process.stop(Duration.ofSeconds(20));
  }
}
