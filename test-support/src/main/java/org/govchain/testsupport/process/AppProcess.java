package org.govchain.testsupport.process;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.govchain.cds.Launch;
import org.govchain.cds.SharedClasses;
import org.govchain.testsupport.Await;

/**
 * One packaged GovChain application ({@code java -jar}) running as its own process on a given port,
 * its output captured to a file, ready once {@code /actuator/health} answers 200. Used by the
 * end-to-end tests and the fault campaign, which also kills one with SIGKILL ({@link #kill()}) and
 * starts it again on the same port: each start writes a file of its own, so the output of every
 * life stays readable.
 *
 * <p>Each jar starts with its classes shared between starts ({@link SharedClasses}, in {@code
 * target/cds} beside it): with the archive if there is one, else as a training run that writes it
 * as it is closed (unless another live process is training the same jar: then without an archive).
 * {@value #CLASS_SHARING_PROPERTY} chooses: {@code train} (the default), {@code share} (use an
 * archive, never write one) or {@code off} (every jar as it is). {@code share} ran the e2e tests
 * faster alone (197 s against 331 s, bench/RESULTS.md), but both fresh-clone CI runs with it failed
 * PortalIT's first certificate on the gateway's 10 s limit while the launcher's LocalSuiteIT ran
 * beside it; the one run with {@code train} passed. Until that is understood the default stays what
 * passed.
 */
public final class AppProcess implements AutoCloseable {

  /**
   * The system property naming the directory of the processes' output files (default {@code
   * target/process-logs}).
   */
  public static final String LOGS_PROPERTY = "govchain.process.logs";

  /**
   * The system property holding more options for every started JVM, separated by spaces (e.g.
   * {@code -Dio.netty.leakDetection.level=paranoid}); none by default.
   */
  public static final String JVM_OPTIONS_PROPERTY = "govchain.process.jvm-options";

  /**
   * The system property choosing how the jars share classes between starts: {@code train}
   * (default), {@code share} or {@code off}.
   */
  public static final String CLASS_SHARING_PROPERTY = "govchain.process.class-sharing";

  private static final Duration START_DEADLINE = Duration.ofMinutes(3);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);
  // a training run writes its archive (~100 MB) as it stops, slowly on a saturated machine
  private static final Duration TRAINING_STOP_GRACE = Duration.ofSeconds(60);

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;
  private final Launch launch;

  private AppProcess(String name, int port, Path log, Process process, Launch launch) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
    this.launch = launch;
  }

  /**
   * Starts {@code jar} with {@code env} added to this JVM's environment and {@code args} as
   * command-line arguments ({@code --key=value}), and waits until it is healthy.
   *
   * @throws IllegalStateException with the tail of its output if it exits or is not healthy in time
   */
  public static AppProcess start(
      String name, Path jar, int port, Map<String, String> env, List<String> args) {
    AppProcess app = launch(name, jar, port, env, args);
    app.awaitHealthy();
    return app;
  }

  /**
   * As {@link #start}, without waiting: several applications that need nothing of each other at
   * their start are launched together, then each is awaited ({@link #awaitHealthy()}).
   */
  public static AppProcess launch(
      String name, Path jar, int port, Map<String, String> env, List<String> args) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          name + " jar not found at " + jar + ": build it first (./mvnw -B package -DskipTests)");
    }
    Path logs = logDirectory();
    Path log = freshLogFile(logs, name + "-" + port);
    // small, quickly started JVMs: several run at once on two shared cores
    List<String> options =
        new ArrayList<>(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    options.addAll(jvmOptions());
    String sharing = System.getProperty(CLASS_SHARING_PROPERTY, "train");
    Launch launch =
        switch (sharing) {
          case "share", "train" ->
              SharedClasses.prepare(
                  jar, SharedClasses.cacheBeside(jar), options, sharing.equals("train"));
          case "off" -> SharedClasses.fromJar(jar, CLASS_SHARING_PROPERTY + "=off");
          default ->
              throw new IllegalArgumentException(
                  CLASS_SHARING_PROPERTY + " is share, train or off, not " + sharing);
        };
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.addAll(launch.arguments());
    command.addAll(args);
    try {
      Files.createDirectories(logs);
      Files.writeString(
          log, "=== " + name + " " + launch.description() + " ===\n", StandardCharsets.UTF_8);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(env);
      return new AppProcess(name, port, log, builder.start(), launch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** {@link #JVM_OPTIONS_PROPERTY}'s options, in order. */
  static List<String> jvmOptions() {
    String options = System.getProperty(JVM_OPTIONS_PROPERTY, "").trim();
    return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
  }

  /** Where the processes' output files go: {@link #LOGS_PROPERTY}, else target/process-logs. */
  public static Path logDirectory() {
    return Path.of(System.getProperty(LOGS_PROPERTY, "target/process-logs"));
  }

  /** {@code <stem>.log}, or {@code <stem>-2.log}, … when an earlier start wrote that one. */
  private static Path freshLogFile(Path logs, String stem) {
    Path log = logs.resolve(stem + ".log");
    for (int n = 2; Files.exists(log); n++) {
      log = logs.resolve(stem + "-" + n + ".log");
    }
    return log;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The operating system's id of the process. */
  public long pid() {
    return process.pid();
  }

  /** Whether the process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The file its output goes to. */
  public Path logFile() {
    return log;
  }

  /**
   * Kills the process with SIGKILL ({@link Process#destroyForcibly()} on Unix), as a crash or the
   * OOM killer would: no shutdown hook, no graceful shutdown, no connection closed politely. Waits
   * until it is gone, so its port is free for a restart.
   *
   * @throws IllegalStateException if it is still running after 30 seconds
   */
  public void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL for 30 s");
      }
      launch.ended(process.exitValue());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Freezes the process (SIGSTOP): it keeps its port, the kernel still accepts connections on it,
   * and nothing answers — a hung process, or one behind a network that drops packets — until {@link
   * #thaw()} (or {@link #kill()}, which ends a frozen process too).
   */
  public void freeze() {
    signal("-STOP");
  }

  /** Lets a {@link #freeze() frozen} process run again (SIGCONT). */
  public void thaw() {
    signal("-CONT");
  }

  private void signal(String signal) {
    try {
      Process kill = new ProcessBuilder("kill", signal, Long.toString(pid())).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill " + signal + " " + pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Everything the process has printed so far. */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last {@code lines} lines of its output, for failure messages. */
  public String tail(int lines) {
    List<String> all = output().lines().toList();
    return name
        + " ("
        + log
        + "), last lines:\n"
        + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /**
   * Waits until the application answers healthy.
   *
   * @throws IllegalStateException with the tail of its output (and the process stopped) if it exits
   *     or is not healthy in time
   */
  public void awaitHealthy() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      Await.until(
          name + " healthy",
          START_DEADLINE,
          Duration.ofMillis(300),
          () -> {
            if (!process.isAlive()) {
              throw new IllegalStateException(
                  name + " exited with " + process.exitValue() + " while starting; " + tail(60));
            }
            try {
              return client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode()
                  == 200;
            } catch (IOException e) {
              return false; // not listening yet
            }
          });
    } catch (AssertionError | RuntimeException e) {
      close();
      throw new IllegalStateException(e.getMessage() + "; " + tail(60), e);
    }
  }

  /** How this start shares classes (or why it does not), as its output file's first line says. */
  public Launch launch() {
    return launch;
  }

  /**
   * Stops the process (SIGTERM; SIGKILL if it is still running after 20 s, 60 s for a run writing
   * its jar's class archive), then publishes the archive if it wrote one.
   */
  @Override
  public void close() {
    Duration grace = launch.mode() == Launch.Mode.TRAINING ? TRAINING_STOP_GRACE : STOP_GRACE;
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      if (!process.isAlive()) {
        launch.ended(process.exitValue());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
