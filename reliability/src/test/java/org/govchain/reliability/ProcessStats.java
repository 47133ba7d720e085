package org.govchain.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one of the campaign's JVMs holds at a moment, read from outside as an operator would: its
 * heap after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}), its threads and
 * open sockets ({@code /proc/<pid>}), the CPU time it has used, and the Netty leak detection level
 * it runs with ({@code jcmd VM.system_properties}). Linux only, as the campaign is.
 *
 * @param heapAfterGcKb the used heap (every generation, no metaspace) after a full collection
 * @param sockets open socket descriptors: listening, client connections, the database pool's
 * @param descriptors every open file descriptor
 * @param leakDetection {@code io.netty.leakDetection.level}, {@code (default)} when not set
 */
record ProcessStats(
    String name,
    long pid,
    long heapAfterGcKb,
    int threads,
    int sockets,
    int descriptors,
    Duration cpu,
    String leakDetection) {

  /**
   * A generation's line of {@code GC.heap_info}: {@code def new generation total 9792K, used
   * 1234K}.
   */
  private static final Pattern GENERATION_USED =
      Pattern.compile("(?m)^\\s*\\S.*generation\\s+total \\d+K, used (\\d+)K");

  private static final Pattern LEAK_LEVEL =
      Pattern.compile("(?m)^io\\.netty\\.leakDetection\\.level=(\\S+)");

  /** Reads the figures of the running JVM {@code pid}, collecting its garbage first. */
  static ProcessStats of(String name, long pid) {
    jcmd(pid, "GC.run");
    String heap = jcmd(pid, "GC.heap_info");
    long used = 0;
    int generations = 0;
    Matcher m = GENERATION_USED.matcher(heap);
    while (m.find()) {
      used += Long.parseLong(m.group(1));
      generations++;
    }
    if (generations == 0) {
      throw new IllegalStateException(
          "no generation in the heap information of " + name + ": " + heap);
    }
    Matcher level = LEAK_LEVEL.matcher(jcmd(pid, "VM.system_properties"));
    Duration cpu =
        ProcessHandle.of(pid)
            .flatMap(p -> p.info().totalCpuDuration())
            .orElseThrow(() -> new IllegalStateException("no CPU time for " + name));
    int[] fds = descriptors(pid);
    return new ProcessStats(
        name,
        pid,
        used,
        threads(pid),
        fds[0],
        fds[1],
        cpu,
        level.find() ? level.group(1) : "(default)");
  }

  /** {@code name pid=… heap-after-gc=…K threads=… sockets=… fds=… cpu-ms=…}, for a report line. */
  String summary() {
    return String.format(
        "%s pid=%d heap-after-gc=%dK threads=%d sockets=%d fds=%d cpu-ms=%d leak-detection=%s",
        name, pid, heapAfterGcKb, threads, sockets, descriptors, cpu.toMillis(), leakDetection);
  }

  private static int threads(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("Threads:")) {
          return Integer.parseInt(line.substring("Threads:".length()).trim());
        }
      }
      throw new IllegalStateException("no Threads line in /proc/" + pid + "/status");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {sockets, all descriptors} of the process. */
  private static int[] descriptors(long pid) {
    int sockets = 0;
    int all = 0;
    try (DirectoryStream<Path> fds =
        Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path fd : fds) {
        all++;
        try {
          if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
            sockets++;
          }
        } catch (IOException e) {
          // closed between the listing and the read: not open any more
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new int[] {sockets, all};
  }

  /** Runs {@code jcmd <pid> <command>} (the test JVM's own JDK) and returns its output. */
  private static String jcmd(long pid, String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process p =
          new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
