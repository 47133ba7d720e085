package org.govchain.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.govchain.cds.Launch;

/**
 * One process of the suite (the dev chain, an application), its output appended to its own log
 * file.
 *
 * <p>Where {@code setsid} exists (Linux), the child runs in its own session, so Ctrl-C in the
 * terminal reaches only the launcher, which then stops the children in order; elsewhere they get
 * the terminal's SIGINT too and stop on their own.
 */
final class ChildProcess {

  private static final String SETSID = findSetsid();

  private final String name;
  private final Path log;
  private final Process process;
  private final Launch launch;

  private ChildProcess(String name, Path log, Process process, Launch launch) {
    this.name = name;
    this.log = log;
    this.process = process;
    this.launch = launch;
  }

  /**
   * Starts {@code command} in {@code workDir} with the launcher's environment plus {@code env}.
   *
   * @throws IllegalStateException if the program cannot be started
   */
  static ChildProcess start(
      String name, List<String> command, Path workDir, Map<String, String> env, Path log) {
    return start(name, command, workDir, env, log, null);
  }

  /**
   * Starts a Java application's {@code command}, prepared as {@code launch} says; once it has
   * stopped, {@link #stop} hands its exit to {@code launch} (a first run's class archive).
   *
   * @throws IllegalStateException if the program cannot be started
   */
  static ChildProcess start(
      String name,
      List<String> command,
      Path workDir,
      Map<String, String> env,
      Path log,
      Launch launch) {
    List<String> full = new ArrayList<>();
    if (SETSID != null) {
      full.add(SETSID);
    }
    full.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(full)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    builder.environment().putAll(env);
    try {
      Files.writeString(
          log,
          "=== "
              + name
              + " started by ./govchain up at "
              + Instant.now()
              + (launch == null ? "" : ", " + launch.description())
              + " ===\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      return new ChildProcess(name, log, builder.start(), launch);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  long pid() {
    return process.pid();
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code; only once the process has ended. */
  int exitValue() {
    return process.exitValue();
  }

  /** Completes when the process ends. */
  java.util.concurrent.CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  /**
   * Asks the process and its descendants to stop (SIGTERM), waits up to {@code grace}, then kills
   * what is left; a Java application's first run then leaves its class archive for the next.
   *
   * @return whether everything ended within the grace period
   */
  boolean stop(Duration grace) {
    boolean clean = stopTree(process.toHandle(), grace);
    if (launch != null && !process.isAlive()) {
      launch.ended(process.exitValue());
    }
    return clean;
  }

  /** How a Java application shares classes between starts; null for the dev chain. */
  Launch launch() {
    return launch;
  }

  /**
   * Asks {@code root} and its descendants to stop (SIGTERM), waits up to {@code grace}, then kills
   * what is left; {@code root} need not be this launcher's child.
   *
   * @return whether everything ended within the grace period
   */
  static boolean stopTree(ProcessHandle root, Duration grace) {
    List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
    all.add(0, root);
    all.forEach(ProcessHandle::destroy);
    Instant deadline = Instant.now().plus(grace);
    boolean clean = true;
    for (ProcessHandle handle : all) {
      long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
      try {
        handle.onExit().get(left, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        clean = false;
        handle.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        clean = false;
        handle.destroyForcibly();
      }
    }
    for (ProcessHandle handle : all) {
      try {
        handle.onExit().get(5, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // nothing more to do: SIGKILL was sent
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return clean;
  }

  /** The last {@code lines} lines of the log. */
  String tail(int lines) {
    return tail(log, lines);
  }

  /** The last {@code lines} lines of a text file, or a note that it cannot be read. */
  static String tail(Path file, int lines) {
    try (java.io.RandomAccessFile in = new java.io.RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, in.length() - 64 * 1024);
      byte[] bytes = new byte[(int) (in.length() - start)];
      in.seek(start);
      in.readFully(bytes);
      List<String> all = List.of(new String(bytes, StandardCharsets.UTF_8).split("\n"));
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }

  private static File nullDevice() {
    return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
  }

  private static String findSetsid() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "setsid");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
