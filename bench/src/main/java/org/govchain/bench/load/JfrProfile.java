package org.govchain.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A CPU profile of a running JVM by Java Flight Recorder ({@code jcmd JFR.start/JFR.stop}, the
 * {@code profile} settings: a Java stack sampled every 10 ms per running thread), summarised as the
 * methods most often on top of the stack and the project's own frames nearest the top.
 */
public final class JfrProfile {

  private static final String NAME = "govchain-bench";

  private final long pid;
  private final Path file;

  private JfrProfile(long pid, Path file) {
    this.pid = pid;
    this.file = file;
  }

  /** Starts recording in process {@code pid}; {@link #stop()} writes {@code file}. */
  public static JfrProfile start(long pid, Path file) throws IOException, InterruptedException {
    jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile", "filename=" + file.toAbsolutePath());
    return new JfrProfile(pid, file);
  }

  /** Stops the recording and returns the file it wrote. */
  public Path stop() throws IOException, InterruptedException {
    jcmd(pid, "JFR.stop", "name=" + NAME);
    return file;
  }

  /**
   * A Markdown summary of the samples: the {@code top} methods on top of the stack (self time) and
   * the {@code top} first {@code org.govchain} frames (whose code the samples were working for).
   */
  public static String summary(Path recording, int top) throws IOException {
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> ours = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStackTrace() == null
          || event.getStackTrace().getFrames().isEmpty()) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      self.merge(method(frames.get(0)), 1, Integer::sum);
      String first = "(no org.govchain frame)";
      for (RecordedFrame frame : frames) {
        if (frame.getMethod().getType().getName().startsWith("org.govchain.")) {
          first = method(frame);
          break;
        }
      }
      ours.merge(first, 1, Integer::sum);
    }
    StringBuilder out = new StringBuilder();
    out.append(String.format("%,d samples.%n%n", samples));
    out.append("| self (top of stack) | % | first org.govchain frame | % |\n|---|---:|---|---:|\n");
    List<Map.Entry<String, Integer>> a = sorted(self);
    List<Map.Entry<String, Integer>> b = sorted(ours);
    for (int i = 0; i < top && (i < a.size() || i < b.size()); i++) {
      out.append("| ").append(cell(a, i, samples)).append(" | ").append(cell(b, i, samples));
      out.append(" |\n");
    }
    return out.toString();
  }

  private static String cell(List<Map.Entry<String, Integer>> entries, int i, int samples) {
    if (i >= entries.size()) {
      return " | ";
    }
    return String.format(
        "`%s` | %.1f", entries.get(i).getKey(), 100.0 * entries.get(i).getValue() / samples);
  }

  private static List<Map.Entry<String, Integer>> sorted(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .toList();
  }

  private static String method(RecordedFrame frame) {
    String type = frame.getMethod().getType().getName();
    return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
  }

  private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
    List<String> line =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
    }
  }
}
