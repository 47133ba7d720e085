package org.govchain.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.govchain.testsupport.process.FreePorts;

/**
 * A Redis server of the test's own: the machine's {@code redis-server} (the one named by {@code
 * GOVCHAIN_TEST_REDIS_SERVER}, system property first, then environment; else the first on {@code
 * PATH} or {@code /usr/bin/redis-server}) on a free local port, in memory only (no snapshot, no
 * append-only file), with a random password. It can be stopped and started again on the same port
 * ({@link #stop()}, {@link #restart()}), empty again, as a store that went away and came back.
 */
public final class RedisServer implements AutoCloseable {

  /** Names the redis-server binary to use. */
  public static final String BINARY_PROPERTY = "GOVCHAIN_TEST_REDIS_SERVER";

  private final Path binary;
  private final int port;
  private final String password = UUID.randomUUID().toString();
  private Process process;

  private RedisServer(Path binary, int port) {
    this.binary = binary;
    this.port = port;
  }

  /**
   * Starts a server on a free port.
   *
   * @throws IllegalStateException if no redis-server binary is found or it does not start
   */
  public static RedisServer start() {
    RedisServer server = new RedisServer(binary(), FreePorts.next());
    server.startProcess();
    return server;
  }

  /** Starts the server again on its port after {@link #stop()}; does nothing while it runs. */
  public synchronized void restart() {
    if (process == null) {
      startProcess();
    }
  }

  /** Stops the server at once (SIGKILL): clients see the connection drop. */
  public synchronized void stop() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  /** {@code redis://127.0.0.1:<port>}, without the password. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** The server's password. */
  public String password() {
    return password;
  }

  /** The server's port. */
  public int port() {
    return port;
  }

  private synchronized void startProcess() {
    List<String> command =
        List.of(
            binary.toString(),
            "--port",
            Integer.toString(port),
            "--bind",
            "127.0.0.1",
            "--requirepass",
            password,
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            System.getProperty("java.io.tmpdir"),
            "--loglevel",
            "warning");
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log()).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + binary + ": " + e.getMessage(), e);
    }
    awaitPort();
  }

  private void awaitPort() {
    try {
      Await.until(
          "redis-server listening on " + port,
          Duration.ofSeconds(10),
          Duration.ofMillis(20),
          () -> {
            if (!process.isAlive()) {
              throw new IllegalStateException(
                  "redis-server exited at start (" + process.exitValue() + "); see " + log());
            }
            return listens();
          });
    } catch (RuntimeException | AssertionError e) {
      stop();
      throw e;
    }
  }

  private boolean listens() {
    try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  private java.io.File log() {
    Path dir = Path.of("target", "redis");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir.resolve("redis-" + port + ".log").toFile();
  }

  private static Path binary() {
    String configured = System.getProperty(BINARY_PROPERTY, System.getenv(BINARY_PROPERTY));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "redis-server");
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    Path usual = Path.of("/usr/bin/redis-server");
    if (Files.isExecutable(usual)) {
      return usual;
    }
    throw new IllegalStateException(
        "no redis-server found (on PATH, /usr/bin, or "
            + BINARY_PROPERTY
            + "): the rate limit tests need one; install it, e.g. apt-get install redis-server"
            + (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")
                ? " or brew install redis"
                : ""));
  }

  @Override
  public void close() {
    stop();
  }
}
