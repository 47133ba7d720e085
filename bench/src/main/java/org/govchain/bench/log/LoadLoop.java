package org.govchain.bench.log;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs {@code threads} writers, each doing one durable write after another, for a warm-up and then
 * a measured window; bounded in time, in writes and in errors, so it always stops by itself.
 */
final class LoadLoop {

  /** One durable write; returns once it is committed, with an id to record (or any number). */
  @FunctionalInterface
  interface Writer {
    long write(int thread, long seq) throws Exception;
  }

  /**
   * What a load did in its measured window.
   *
   * @param warmupWrites writes completed during the warm-up (not counted)
   * @param writes writes completed in the measured window
   * @param errors failed writes in all
   * @param window length of the measured window
   * @param ids ids returned by the measured writes, in per-thread order
   * @param commitMicros wall-clock time (µs since the epoch) at which each measured write returned
   * @param cpuMicrosPerWrite CPU time of this whole JVM (all its threads: writers, driver, and in
   *     the starter's case its sequencer and anchorer) per write, warm-up included
   */
  record Result(
      long warmupWrites,
      long writes,
      long errors,
      Duration window,
      long[] ids,
      long[] commitMicros,
      double cpuMicrosPerWrite) {

    double perSecond() {
      return writes / (window.toNanos() / 1e9);
    }
  }

  private static final long MAX_ERRORS = 100;
  private static final long MAX_WRITES_PER_THREAD = 5_000_000;

  private LoadLoop() {}

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Runs the load and returns its measured figures. */
  static Result run(int threads, Duration warmup, Duration measure, Writer writer)
      throws InterruptedException {
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + measure.toNanos();
    AtomicLong errors = new AtomicLong();
    AtomicLong warm = new AtomicLong();
    List<long[]> idLists = new ArrayList<>();
    List<long[]> timeLists = new ArrayList<>();
    long[] counts = new long[threads];
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      long[][] ids = {new long[1 << 16]};
      long[][] times = {new long[1 << 16]};
      idLists.add(null);
      timeLists.add(null);
      Thread worker =
          new Thread(
              () -> {
                int n = 0;
                for (long seq = 0; seq < MAX_WRITES_PER_THREAD && System.nanoTime() < end; seq++) {
                  long id;
                  try {
                    id = writer.write(thread, seq);
                  } catch (Exception e) {
                    if (errors.incrementAndGet() >= MAX_ERRORS) {
                      System.err.println("too many errors, stopping: " + e);
                      break;
                    }
                    continue;
                  }
                  long done = System.nanoTime();
                  long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
                  if (done < measureFrom) {
                    warm.incrementAndGet();
                  } else if (done <= end) {
                    if (n == ids[0].length) {
                      ids[0] = java.util.Arrays.copyOf(ids[0], n * 2);
                      times[0] = java.util.Arrays.copyOf(times[0], n * 2);
                    }
                    ids[0][n] = id;
                    times[0][n] = micros;
                    n++;
                  }
                }
                counts[thread] = n;
                synchronized (idLists) {
                  idLists.set(thread, java.util.Arrays.copyOf(ids[0], n));
                  timeLists.set(thread, java.util.Arrays.copyOf(times[0], n));
                }
              },
              "load-writer-" + t);
      workers.add(worker);
    }
    workers.forEach(Thread::start);
    for (Thread worker : workers) {
      worker.join();
    }
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    long[] ids = new long[(int) total];
    long[] times = new long[(int) total];
    int at = 0;
    synchronized (idLists) {
      for (int t = 0; t < threads; t++) {
        long[] i = idLists.get(t);
        System.arraycopy(i, 0, ids, at, i.length);
        System.arraycopy(timeLists.get(t), 0, times, at, i.length);
        at += i.length;
      }
    }
    double cpuPerWrite = (processCpuNanos() - cpuStart) / 1000.0 / Math.max(1, total + warm.get());
    return new Result(warm.get(), total, errors.get(), measure, ids, times, cpuPerWrite);
  }
}
