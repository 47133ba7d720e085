package org.govchain.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The processes a {@code ./govchain up} started, one line each in {@code GOVCHAIN_HOME/processes}
 * ({@code <name> <pid> <start time in epoch milliseconds>}), written as each starts and deleted
 * when the launcher stops them. A launcher killed with SIGKILL leaves the file behind with its
 * parts still running and holding their ports; the next start reads it and stops them, in reverse
 * start order, before it checks the ports.
 *
 * <p>A process is taken for the recorded one only if its pid is alive <em>and</em> it started at
 * the recorded time: a pid the system has since given to another program is never signalled.
 */
final class RunRecord {

  /** One recorded process. */
  record Entry(String name, long pid, long startedMillis) {

    /** The running process this entry names, if it is still the same process. */
    Optional<ProcessHandle> running() {
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(
              handle ->
                  handle
                      .info()
                      .startInstant()
                      .map(started -> started.toEpochMilli() == startedMillis)
                      .orElse(false));
    }
  }

  private final Path file;

  RunRecord(Path file) {
    this.file = file;
  }

  /**
   * Records a process that was just started.
   *
   * @throws UncheckedIOException if the record cannot be written
   */
  synchronized void add(String name, ProcessHandle process) {
    Instant started = process.info().startInstant().orElse(null);
    if (started == null) {
      // without a start time the next launcher could not tell it from a reused pid: not recorded
      return;
    }
    String line =
        name.replace(' ', '_') + " " + process.pid() + " " + started.toEpochMilli() + "\n";
    try {
      Files.writeString(
          file,
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Forgets every process: they were stopped. */
  synchronized void clear() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  /** The recorded processes, in start order; lines that do not parse are skipped. */
  synchronized List<Entry> entries() {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<Entry> entries = new ArrayList<>();
    for (String line : lines) {
      String[] parts = line.strip().split(" ");
      if (parts.length != 3) {
        continue;
      }
      try {
        entries.add(new Entry(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
      } catch (NumberFormatException e) {
        // a torn last line after a crash: nothing to stop there
      }
    }
    return entries;
  }

  /**
   * Stops what an earlier launcher left running: each recorded process that is still the same
   * process, with its descendants, last started first (SIGTERM; SIGKILL after {@code grace}), and
   * then forgets the record.
   *
   * @return the names of the processes that were stopped, in the order they were stopped
   */
  List<String> stopLeftovers(PrintStream out, Duration grace) {
    List<Entry> entries = new ArrayList<>(entries());
    List<String> stopped = new ArrayList<>();
    List<Entry> alive = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.running().isPresent()) {
        alive.add(entry);
      }
    }
    if (!alive.isEmpty()) {
      StringBuilder names = new StringBuilder();
      for (Entry entry : alive) {
        names.append(names.length() == 0 ? "" : ", ").append(entry.name());
        names.append(" (pid ").append(entry.pid()).append(')');
      }
      out.println(
          "The last ./govchain up on this directory did not stop its parts (was it killed?); still"
              + " running: "
              + names
              + ". Stopping them first.");
      for (int i = alive.size() - 1; i >= 0; i--) {
        Entry entry = alive.get(i);
        Optional<ProcessHandle> handle = entry.running();
        if (handle.isEmpty()) {
          continue;
        }
        boolean clean = ChildProcess.stopTree(handle.get(), grace);
        out.println(
            "  stopped "
                + entry.name()
                + " (pid "
                + entry.pid()
                + (clean ? ")" : ", killed after " + grace.toSeconds() + " s)"));
        stopped.add(entry.name());
      }
      out.flush();
    }
    clear();
    return stopped;
  }
}
