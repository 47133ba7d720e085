package org.govchain.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of every PostgreSQL process on the machine (the server and its backends, whoever runs
 * them), from {@code /proc/<pid>/stat}, which any user may read. A backend that exits takes its
 * time with it, so this counts pooled connections' work, which is what a service under load uses.
 */
public final class PostgresCpu {

  /** Linux's USER_HZ, the unit of utime and stime in /proc/<pid>/stat. */
  private static final long TICKS_PER_SECOND = 100;

  private PostgresCpu() {}

  /** CPU nanoseconds (user + system) of the processes named postgres, or -1 without /proc. */
  public static long nanos() {
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) {
      return -1;
    }
    long ticks = 0;
    try (Stream<Path> pids = Files.list(proc)) {
      for (Path dir : pids.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
        ticks += ticks(dir);
      }
    } catch (IOException e) {
      return -1;
    }
    return ticks * (1_000_000_000L / TICKS_PER_SECOND);
  }

  private static long ticks(Path dir) {
    try {
      String stat = Files.readString(dir.resolve("stat"));
      // pid (comm) state ppid ...: comm may hold spaces, so read after its closing parenthesis
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      if (open < 0 || close < open || !stat.substring(open + 1, close).equals("postgres")) {
        return 0;
      }
      String[] fields = stat.substring(close + 2).split(" ");
      // fields[0] is the state (field 3); utime and stime are fields 14 and 15
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException gone) {
      return 0; // the process ended while being read
    }
  }
}
