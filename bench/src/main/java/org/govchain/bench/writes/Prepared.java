package org.govchain.bench.writes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.govchain.bench.load.LoadLoop;

/**
 * Things a single-use write needs, made ahead of each load and not measured (QR codes to verify,
 * reviewed vouchers to post): the load takes them one by one and stops early when they run out.
 * Each pool is 1.5× the best rate seen so far over a round, plus 200, at most {@code max}.
 */
final class Prepared {

  private static final int WORKERS = 8;

  private final String what;
  private final Callable<String> make;
  private final long roundSeconds;
  private final int max;
  private final ConcurrentLinkedQueue<String> items = new ConcurrentLinkedQueue<>();
  private double bestThroughput = 100;

  /**
   * @param what what is made, for errors
   * @param make makes one (thread-safe; called from {@value #WORKERS} threads)
   */
  Prepared(String what, Callable<String> make, long roundSeconds, int max) {
    this.what = what;
    this.make = make;
    this.roundSeconds = roundSeconds;
    this.max = max;
  }

  /** Notes a load's throughput, to size the next pool. */
  void observe(LoadLoop.Result result) {
    bestThroughput = Math.max(bestThroughput, result.throughput());
  }

  /** Drops what is left and makes a fresh pool. */
  void fill() {
    items.clear();
    int size = (int) Math.min(max, Math.ceil(bestThroughput * 1.5 * roundSeconds) + 200);
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        int share = size / WORKERS + (w < size % WORKERS ? 1 : 0);
        done.add(
            workers.submit(
                () -> {
                  for (int n = 0; n < share; n++) {
                    items.add(make.call());
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot make the " + what + " of the next load", e);
    } finally {
      workers.shutdown();
    }
  }

  /** The next one, or null when there are no more. */
  String take() {
    return items.poll();
  }
}
