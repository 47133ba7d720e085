package org.govchain.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Locates the repository and runs its Node.js tooling (npm, node scripts) for tests. */
public final class NodeProject {

  /** System property that overrides the repository root. */
  public static final String ROOT_PROPERTY = "govchain.root";

  private static final Path MARKER = Path.of("infra", "devchain", "package.json");
  private static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(10);
  private static final Set<Path> INSTALLED = new HashSet<>();

  private NodeProject() {}

  /**
   * The repository root: the {@code govchain.root} system property if set, else the nearest
   * directory at or above the working directory that holds {@code infra/devchain/package.json}.
   *
   * @throws IllegalStateException if no such directory exists
   */
  public static Path root() {
    String configured = System.getProperty(ROOT_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path root = Path.of(configured).toAbsolutePath().normalize();
      if (!Files.isRegularFile(root.resolve(MARKER))) {
        throw new IllegalStateException(
            ROOT_PROPERTY + "=" + configured + " does not hold " + MARKER);
      }
      return root;
    }
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(MARKER))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no GovChain repository root (a directory with "
            + MARKER
            + ") at or above "
            + start
            + "; set -D"
            + ROOT_PROPERTY
            + "=<path>");
  }

  /** The directory for logs of processes started by tests: {@code target/govchain-test-logs}. */
  public static Path logDirectory() {
    Path dir = Path.of("target", "govchain-test-logs").toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /**
   * Runs {@code npm ci --no-audit --no-fund} in {@code dir} unless its {@code node_modules} exists;
   * at most once per directory and JVM, output to a log file under {@code target/}.
   *
   * @param dir a directory holding {@code package.json} and {@code package-lock.json}
   * @throws IllegalStateException if npm is missing or fails
   */
  public static synchronized void ensureInstalled(Path dir) {
    Path key = dir.toAbsolutePath().normalize();
    if (INSTALLED.contains(key) || Files.isDirectory(key.resolve("node_modules"))) {
      INSTALLED.add(key);
      return;
    }
    Path log = logDirectory().resolve("npm-ci-" + key.getFileName() + ".log");
    int exit = run(key, log, NPM_CI_TIMEOUT, npmCommand(), "ci", "--no-audit", "--no-fund");
    if (exit != 0) {
      throw new IllegalStateException(
          "npm ci failed in " + key + " (exit " + exit + "), see " + log + ":\n" + tail(log, 20));
    }
    INSTALLED.add(key);
  }

  /**
   * Runs a command in {@code dir} with stdout and stderr appended to {@code log}, waiting at most
   * {@code timeout}; returns its exit code.
   *
   * @throws IllegalStateException if the program is missing or the timeout passes
   */
  public static int run(Path dir, Path log, Duration timeout, String... command) {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run "
              + command[0]
              + " (is Node.js 20 with npm installed and on the PATH?): "
              + e.getMessage(),
          e);
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        destroyTree(process.toHandle());
        throw new IllegalStateException(
            String.join(" ", command) + " took longer than " + timeout + ", see " + log);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      destroyTree(process.toHandle());
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command[0], e);
    }
  }

  /** The node executable name. */
  public static String nodeCommand() {
    return isWindows() ? "node.exe" : "node";
  }

  /** The last {@code lines} lines of a text file, or a note that it cannot be read. */
  public static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }

  /** Destroys a process and all its descendants, forcibly if they do not end within 5 s. */
  static void destroyTree(ProcessHandle process) {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process);
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : all) {
      try {
        handle.onExit().get(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        handle.destroyForcibly();
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        handle.destroyForcibly();
      }
    }
  }

  private static String npmCommand() {
    return isWindows() ? "npm.cmd" : "npm";
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("win");
  }
}
