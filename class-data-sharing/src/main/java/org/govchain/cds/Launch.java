package org.govchain.cds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * How to start one prepared jar ({@link SharedClasses#prepare}): the arguments that follow the JVM
 * options, and, after a training run, {@link #ended} to keep the archive it wrote.
 */
public final class Launch {

  /** What a start with these arguments does about shared classes. */
  public enum Mode {
    /** Maps the jar's archive. */
    SHARING,
    /** Has no archive yet and writes one when it exits. */
    TRAINING,
    /** Starts from the jar, as without this module (the description says why). */
    PLAIN
  }

  private static final int KILLED_BY_SIGKILL = 128 + 9;

  private final Mode mode;
  private final List<String> arguments;
  private final String description;
  private final Path training;
  private final Path claim;
  private final Path archive;
  private final Path extractedJar;
  private final List<String> jvmOptions;

  Launch(
      Mode mode,
      List<String> arguments,
      String description,
      Path training,
      Path claim,
      Path archive,
      Path extractedJar,
      List<String> jvmOptions) {
    this.mode = mode;
    this.arguments = List.copyOf(arguments);
    this.description = description;
    this.training = training;
    this.claim = claim;
    this.archive = archive;
    this.extractedJar = extractedJar;
    this.jvmOptions = jvmOptions;
  }

  static Launch plain(Path jar, String why) {
    return new Launch(
        Mode.PLAIN, List.of("-jar", jar.toString()), why, null, null, null, null, List.of());
  }

  public Mode mode() {
    return mode;
  }

  /**
   * What follows the JVM options on the command line: the archive option, {@code -jar} and the
   * (extracted) jar; the application's own arguments come after these.
   */
  public List<String> arguments() {
    return arguments;
  }

  /** One line for a log: shares which archive, trains which, or why neither. */
  public String description() {
    return description;
  }

  /**
   * Once the process started with {@link #arguments()} has ended with {@code exitValue} (or could
   * not be started): after a training run, checks the archive it wrote and makes it the jar's
   * archive, and gives up the claim to write it; otherwise nothing. A run killed with SIGKILL may
   * have been writing it, so its file is deleted unread.
   *
   * @return whether an archive was published
   */
  public boolean ended(int exitValue) {
    if (mode != Mode.TRAINING) {
      return false;
    }
    try {
      if (exitValue != KILLED_BY_SIGKILL
          && Files.isRegularFile(training)
          && SharedClasses.maps(training, extractedJar, jvmOptions)) {
        Files.move(
            training, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return true;
      }
      return false;
    } catch (IOException e) {
      return false;
    } finally {
      try {
        Files.deleteIfExists(training);
      } catch (IOException e) {
        // removed as abandoned by a later start
      }
      try {
        if (claim != null) {
          Files.deleteIfExists(claim);
        }
      } catch (IOException e) {
        // a later start finds this process gone and takes the claim over
      }
    }
  }

  @Override
  public String toString() {
    return mode + ": " + description;
  }
}
