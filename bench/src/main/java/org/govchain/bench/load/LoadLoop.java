package org.govchain.bench.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop: {@code concurrency} threads each send the same GET, wait for the whole answer and
 * send again, for a fixed time; every latency is kept (no sampling) for exact percentiles.
 */
final class LoadLoop {

  private final HttpClient client;
  private final HttpRequest request;
  private final int concurrency;

  LoadLoop(HttpClient client, String url, String token, int concurrency) {
    this.client = client;
    this.request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    this.concurrency = concurrency;
  }

  Result run(Duration duration) throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    AtomicLong errors = new AtomicLong();
    long[][] results = new long[concurrency][];
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < concurrency; t++) {
      int worker = t;
      Thread thread =
          new Thread(
              () -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                  long sent = System.nanoTime();
                  try {
                    HttpResponse<byte[]> answer =
                        client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (answer.statusCode() != 200) {
                      errors.incrementAndGet();
                      continue;
                    }
                  } catch (IOException e) {
                    errors.incrementAndGet();
                    continue;
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                  }
                  if (n == latencies.length) {
                    latencies = Arrays.copyOf(latencies, n * 2);
                  }
                  latencies[n++] = System.nanoTime() - sent;
                }
                results[worker] = Arrays.copyOf(latencies, n);
              },
              "load-" + t);
      workers.add(thread);
      thread.start();
    }
    for (Thread thread : workers) {
      thread.join(); // join gives the happens-before edge for results[]
    }
    long elapsed = System.nanoTime() - start;
    long[] all = Arrays.stream(results).flatMapToLong(Arrays::stream).toArray();
    return new Result(all, errors.get(), elapsed);
  }

  /** Latencies (ns) of the successful requests, the failed count, and the wall time (ns). */
  record Result(long[] latencies, long errors, long elapsedNanos) {

    static final Result EMPTY = new Result(new long[0], 0, 0);

    long requests() {
      return latencies.length;
    }

    double throughput() {
      return latencies.length / (elapsedNanos / 1e9);
    }

    double p50Millis() {
      return percentile(0.50);
    }

    double p99Millis() {
      return percentile(0.99);
    }

    private double percentile(double p) {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p * sorted.length) - 1;
      return sorted[Math.max(0, index)] / 1e6;
    }

    Result plus(Result other) {
      long[] merged = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
      System.arraycopy(other.latencies, 0, merged, latencies.length, other.latencies.length);
      return new Result(merged, errors + other.errors, elapsedNanos + other.elapsedNanos);
    }
  }
}
