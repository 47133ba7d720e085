package org.govchain.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.NodeProject;
import org.govchain.testsupport.process.AppProcess;
import org.govchain.testsupport.process.FreePorts;
import org.web3j.crypto.Credentials;

/**
 * The persistent dev chain as {@code ./govchain up} runs it (launcher's {@code DevChainNode}): the
 * pinned ganache 7.9.2 of {@code infra/devchain} with its blocks in a data directory, chain id
 * 31337, one unlocked account from ganache's public deterministic mnemonic. Killed with SIGKILL and
 * started again on the same directory and port, it continues the same chain — the fault of case 5.
 * Each life's output goes to {@code ganache-<port>[-<life>].log} beside the applications'.
 */
final class GanacheNode implements AutoCloseable {

  private static final Duration START_DEADLINE = Duration.ofSeconds(60);

  /** ganache prints its deterministic development accounts' keys at start (public, DEV ONLY). */
  private static final Pattern FIRST_KEY =
      Pattern.compile("Private Keys\\s+=+\\s+\\(0\\) (0x[0-9a-fA-F]{64})");

  private final Path devchain;
  private final Path dataDir;
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private Process process;
  private Path log;
  private int lives;

  private GanacheNode(Path devchain, Path dataDir, int port) {
    this.devchain = devchain;
    this.dataDir = dataDir;
    this.port = port;
  }

  /**
   * Starts ganache on a free port with its blocks in {@code dataDir}, and waits until it answers.
   */
  static GanacheNode start(Path dataDir) {
    Path devchain = NodeProject.root().resolve(Path.of("infra", "devchain"));
    NodeProject.ensureInstalled(devchain);
    GanacheNode node = new GanacheNode(devchain, dataDir, FreePorts.next());
    node.startAgain();
    return node;
  }

  /** {@code http://127.0.0.1:<port>}. */
  String rpcUrl() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * A test client of the chain; new accounts are funded by ganache's deterministic account, whose
   * key ganache printed at its first start (nothing of it is kept in the repository).
   */
  DevChain devChain() {
    // ganache answers JSON-RPC as soon as it listens, and may print its banner (the keys) after:
    // on a busy machine the first answer came before the key was in the output
    String key =
        Await.value(
            "ganache printing its development key in " + logOfLife(1),
            Duration.ofSeconds(30),
            Duration.ofMillis(100),
            () -> {
              Matcher m = FIRST_KEY.matcher(output(logOfLife(1)));
              return m.find() ? Optional.of(m.group(1)) : Optional.empty();
            });
    return DevChain.connect(rpcUrl(), Credentials.create(key));
  }

  /**
   * Starts the node (again) on its data directory and port, as the launcher does, and waits until
   * it answers {@code eth_blockNumber}.
   */
  synchronized void startAgain() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("ganache is already running on port " + port);
    }
    lives++;
    log = logOfLife(lives);
    List<String> command =
        List.of(
            NodeProject.nodeCommand(),
            devchain
                .resolve(Path.of("node_modules", "ganache", "dist", "node", "cli.js"))
                .toString(),
            "--chain.chainId",
            "31337",
            "--server.host",
            "127.0.0.1",
            "--server.port",
            Integer.toString(port),
            "--database.dbPath",
            dataDir.toString(),
            "--wallet.deterministic",
            "--wallet.totalAccounts",
            "1",
            "--logging.quiet");
    try {
      Files.createDirectories(dataDir);
      Files.createDirectories(log.getParent());
      process =
          new ProcessBuilder(command)
              .directory(devchain.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start ganache (is Node.js 20 on the PATH?)", e);
    }
    Await.until(
        "ganache answering on " + rpcUrl() + " (" + log + ")",
        START_DEADLINE,
        Duration.ofMillis(100),
        () -> {
          if (!process.isAlive()) {
            throw new IllegalStateException(
                "ganache exited with " + process.exitValue() + ":\n" + output(log));
          }
          return blockNumberOrNull() != null;
        });
  }

  /**
   * SIGKILL to the node, as a crash or the OOM killer would: no chance to flush or close anything.
   * Returns once it is gone and its port refuses connections.
   */
  synchronized void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("ganache (pid " + process.pid() + ") survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The node's newest block number, or null when it does not answer. */
  Long blockNumberOrNull() {
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(rpcUrl()))
                  .timeout(Duration.ofSeconds(2))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\","
                              + "\"params\":[]}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher m = Pattern.compile("\"result\":\"0x([0-9a-f]+)\"").matcher(answer.body());
      return m.find() ? Long.parseLong(m.group(1), 16) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private Path logOfLife(int life) {
    return AppProcess.logDirectory()
        .resolve("ganache-" + port + (life == 1 ? "" : "-" + life) + ".log");
  }

  private static String output(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /** Stops the node with SIGTERM (ganache then closes its database), SIGKILL after 20 s. */
  @Override
  public synchronized void close() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
