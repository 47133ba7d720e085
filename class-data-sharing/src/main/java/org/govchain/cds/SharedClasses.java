package org.govchain.cds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prepares a Spring Boot application jar to start with its classes shared between starts (the JDK's
 * application class data sharing): most of a small JVM's start-up goes to loading and verifying the
 * same twenty thousand classes every time.
 *
 * <p>Per jar (its name, size and modification time), a cache directory keeps the jar extracted by
 * Spring Boot's own tool ({@code java -Djarmode=tools -jar app.jar extract}; classes in a jar
 * inside a jar cannot be shared) and {@code classes.jsa}, the archive of the classes a run of it
 * loaded. While there is no archive, each start is a training run: its JVM writes the archive when
 * it exits ({@code -XX:ArchiveClassesAtExit}) to a file of its own, and {@link Launch#ended}
 * publishes that file only when the run ended without SIGKILL and a JVM started with {@code
 * -Xshare:on} on it maps it (a JVM handed a truncated archive dies of SIGBUS, so nothing unchecked
 * ever takes the archive's name). Anything that goes wrong on the way leaves the application
 * starting from its jar as before, the reason in {@link Launch#description()}.
 */
public final class SharedClasses {

  /** The archive's file name in a jar's cache directory. */
  static final String ARCHIVE = "classes.jsa";

  /** The file naming the process whose start is writing an entry's archive. */
  static final String CLAIM = "training.claim";

  private static final Duration FRESH_CLAIM = Duration.ofMinutes(1);
  private static final String TRAINING_SUFFIX = ".jsa.part";
  private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(2);
  // a training file this old belongs to a run that will never publish it (killed, or not ours)
  private static final Duration ABANDONED_TRAINING = Duration.ofHours(1);
  // the JVM's warnings about classes it leaves out of the archive would fill every training log
  private static final String QUIET = "-Xlog:cds*=off";

  private SharedClasses() {}

  /** The cache directory beside {@code jar}: {@code cds} in the jar's own directory. */
  public static Path cacheBeside(Path jar) {
    return jar.toAbsolutePath().getParent().resolve("cds");
  }

  /**
   * Prepares {@code jar} to start with the JVM options {@code jvmOptions} (which the caller puts on
   * the command line before {@link Launch#arguments()}), its cache directory under {@code cache}:
   * with the jar's archive if there is one; else, if {@code train}, as a training run (extracting
   * the jar on its first use, a second or two) unless another live process holds the claim to train
   * it ({@link #claimTraining}: then from the extracted jar without an archive); else from the jar
   * as it is.
   *
   * <p>A training run costs more than it saves until the jar has started about twice more: writing
   * the archive links and verifies every class the run loaded, some seconds of CPU as the JVM exits
   * (bench/RESULTS.md). So a caller that starts a jar once trains only if it is the jar's usual
   * runner ({@code ./govchain up}), not for a test that happens to start it first.
   */
  public static Launch prepare(Path jar, Path cache, List<String> jvmOptions, boolean train) {
    Path absoluteJar = jar.toAbsolutePath();
    List<String> options = List.copyOf(jvmOptions);
    Path entry;
    Path extracted;
    try {
      entry = cache.resolve(key(absoluteJar));
      if (!train && !Files.isRegularFile(entry.resolve(ARCHIVE))) {
        return fromJar(
            absoluteJar, "no class archive of this build yet, and this start writes none");
      }
      Files.createDirectories(entry);
      removeOtherVersions(cache, absoluteJar, entry);
      removeAbandonedTrainings(entry);
      extracted = extracted(absoluteJar, entry);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return Launch.plain(absoluteJar, "without shared classes: " + e.getMessage());
    }
    Path archive = entry.resolve(ARCHIVE);
    if (Files.isRegularFile(archive)) {
      return new Launch(
          Launch.Mode.SHARING,
          List.of("-XX:SharedArchiveFile=" + archive, QUIET, "-jar", extracted.toString()),
          "with the shared classes of " + archive,
          null,
          null,
          archive,
          extracted,
          options);
    }
    Optional<Path> claim;
    try {
      claim = claimTraining(entry);
    } catch (IOException | UncheckedIOException e) {
      return Launch.plain(extracted, "without shared classes: " + e.getMessage());
    }
    if (claim.isEmpty()) {
      return Launch.plain(
          extracted,
          "without shared classes: another start of this build is writing its archive ("
              + entry.resolve(CLAIM)
              + ")");
    }
    Path training = entry.resolve("training-" + UUID.randomUUID() + TRAINING_SUFFIX);
    return new Launch(
        Launch.Mode.TRAINING,
        List.of("-XX:ArchiveClassesAtExit=" + training, QUIET, "-jar", extracted.toString()),
        "writing " + archive + " when it exits (its first run)",
        training,
        claim.get(),
        archive,
        extracted,
        options);
  }

  /**
   * Claims the writing of {@code entry}'s archive for this process, the one that will call {@link
   * Launch#ended}: the claim file, created only where there is none or where the process that made
   * it has ended, names this process (pid and start time). Empty while a live process holds it:
   * another start of the jar is writing the archive already, and a second training run would spend
   * the same seconds of CPU for nothing (the end-to-end tests and the launcher's test start the
   * same jars at the same time in the build). Two processes finding the same stale claim at once
   * may both train, as without a claim.
   */
  static Optional<Path> claimTraining(Path entry) throws IOException {
    Path claim = entry.resolve(CLAIM);
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        Files.writeString(
            claim,
            owner(ProcessHandle.current()),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
        return Optional.of(claim);
      } catch (FileAlreadyExistsException held) {
        if (heldByALiveProcess(claim)) {
          return Optional.empty();
        }
        Files.deleteIfExists(claim);
      }
    }
    return Optional.empty();
  }

  /** {@code <pid> <start time>}: a process, told apart from a later one given the same pid. */
  static String owner(ProcessHandle process) {
    return process.pid()
        + " "
        + process.info().startInstant().map(Instant::toString).orElse("unknown");
  }

  private static boolean heldByALiveProcess(Path claim) throws IOException {
    String text;
    try {
      text = Files.readString(claim, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException gone) {
      return false;
    }
    String[] parts = text.split(" ");
    long pid;
    try {
      pid = parts.length == 2 ? Long.parseLong(parts[0]) : -1;
    } catch (NumberFormatException e) {
      pid = -1;
    }
    if (pid < 0) {
      // being written at this moment (created, not yet filled), or not ours: held while fresh
      return Files.getLastModifiedTime(claim).toInstant().isAfter(Instant.now().minus(FRESH_CLAIM));
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .map(SharedClasses::owner)
        .filter(text::equals)
        .isPresent();
  }

  /** A start from {@code jar} as it is, without shared classes, for the reason {@code why}. */
  public static Launch fromJar(Path jar, String why) {
    return Launch.plain(jar.toAbsolutePath(), "without shared classes: " + why);
  }

  /**
   * {@code <jar name without .jar>-<modified ms>-<size>-<JVM>} (hexadecimal): a new build of the
   * jar or another JVM (an archive only maps into the JVM build that wrote it), a new entry.
   */
  static String key(Path jar) throws IOException {
    String jvm = System.getProperty("java.home") + " " + System.getProperty("java.vm.version");
    return stem(jar)
        + "-"
        + Long.toHexString(Files.getLastModifiedTime(jar).toMillis())
        + "-"
        + Long.toHexString(Files.size(jar))
        + "-"
        + Integer.toHexString(jvm.hashCode());
  }

  private static String stem(Path jar) {
    String name = jar.getFileName().toString();
    return name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
  }

  /**
   * Entries of other builds of the same jar (or for another JVM): this jar can never use them, and
   * each holds a hundred megabytes or so.
   */
  private static void removeOtherVersions(Path cache, Path jar, Path keep) throws IOException {
    Pattern version = Pattern.compile(Pattern.quote(stem(jar)) + "(-[0-9a-f]+){3}");
    try (Stream<Path> entries = Files.list(cache)) {
      for (Path other : entries.toList()) {
        if (!other.equals(keep) && version.matcher(other.getFileName().toString()).matches()) {
          deleteTree(other);
        }
      }
    }
  }

  private static void removeAbandonedTrainings(Path entry) throws IOException {
    FileTime before = FileTime.from(Instant.now().minus(ABANDONED_TRAINING));
    try (Stream<Path> files = Files.list(entry)) {
      for (Path file : files.toList()) {
        if (file.getFileName().toString().endsWith(TRAINING_SUFFIX)
            && Files.getLastModifiedTime(file).compareTo(before) < 0) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /**
   * {@code <entry>/app/<jar name>}, extracting the jar there first if no earlier start did: into a
   * directory of its own, then renamed, so that concurrent first starts never see half of it.
   */
  private static Path extracted(Path jar, Path entry) throws IOException {
    Path app = entry.resolve("app");
    Path extractedJar = app.resolve(jar.getFileName());
    if (Files.isRegularFile(extractedJar)) {
      return extractedJar;
    }
    Path scratch = entry.resolve("app-" + UUID.randomUUID() + ".tmp");
    try {
      ToolRun extract =
          run(
              List.of(
                  java(),
                  "-Djarmode=tools",
                  "-jar",
                  jar.toString(),
                  "extract",
                  "--destination",
                  scratch.toString()),
              TOOL_TIMEOUT);
      if (extract.exitCode() != 0 || !Files.isRegularFile(scratch.resolve(jar.getFileName()))) {
        throw new IllegalStateException(
            "extracting "
                + jar
                + " failed (exit "
                + extract.exitCode()
                + "): "
                + extract.lastLines(5));
      }
      try {
        Files.move(scratch, app, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (!Files.isRegularFile(extractedJar)) {
          throw e;
        }
        // another start extracted it meanwhile: use theirs
      }
      return extractedJar;
    } finally {
      deleteTree(scratch);
    }
  }

  /** Whether a JVM that must share {@code archive}'s classes ({@code -Xshare:on}) starts. */
  static boolean maps(Path archive, Path extractedJar, List<String> jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-Xshare:on",
            // a bad archive crashes this JVM: no hs_err file for that
            "-XX:ErrorFile=" + nullDevice(),
            "-XX:SharedArchiveFile=" + archive,
            "-cp",
            extractedJar.toString(),
            "-version"));
    try {
      return run(command, TOOL_TIMEOUT).exitCode() == 0;
    } catch (IOException | IllegalStateException e) {
      return false;
    }
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  record ToolRun(int exitCode, String output) {
    String lastLines(int n) {
      List<String> lines = output.lines().toList();
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
  }

  static ToolRun run(List<String> command, Duration timeout) throws IOException {
    Path output = Files.createTempFile("govchain-cds-", ".out");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .start();
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(command.get(1) + "... took longer than " + timeout);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      return new ToolRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(java.io.File.separatorChar == '\\' ? "NUL" : "/dev/null");
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // best effort: what is left is removed with the next version of the jar, or by a clean
    }
  }
}
