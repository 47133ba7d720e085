package org.govchain.bench.load;

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
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A closed loop: {@code concurrency} threads each send a request, wait for the whole answer and
 * send the next, for a fixed time or until the requests run out; every latency is kept (no
 * sampling) for exact percentiles. An answer the check refuses counts as an error, not a latency.
 */
public final class LoadLoop {

  private final HttpClient client;
  private final Supplier<HttpRequest> requests;
  private final Predicate<HttpResponse<byte[]>> success;
  private final int concurrency;

  /**
   * @param requests the next request to send; null when there are no more (the thread stops)
   * @param success whether an answer is the one expected
   */
  public LoadLoop(
      HttpClient client,
      Supplier<HttpRequest> requests,
      Predicate<HttpResponse<byte[]>> success,
      int concurrency) {
    this.client = client;
    this.requests = requests;
    this.success = success;
    this.concurrency = concurrency;
  }

  /** The same authenticated GET again and again, 200 expected. */
  public static LoadLoop get(HttpClient client, String url, String token, int concurrency) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    return new LoadLoop(client, () -> request, answer -> answer.statusCode() == 200, concurrency);
  }

  public Result run(Duration duration) throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    AtomicLong errors = new AtomicLong();
    long[][] results = new long[concurrency][];
    long[] finished = new long[concurrency];
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
                  HttpRequest request = requests.get();
                  if (request == null) {
                    break;
                  }
                  long sent = System.nanoTime();
                  try {
                    HttpResponse<byte[]> answer =
                        client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (!success.test(answer)) {
                      if (errors.getAndIncrement() == 0) {
                        report(request, answer.statusCode() + " " + text(answer.body()));
                      }
                      continue;
                    }
                  } catch (IOException e) {
                    if (errors.getAndIncrement() == 0) {
                      report(request, e.toString());
                    }
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
                finished[worker] = System.nanoTime();
              },
              "load-" + t);
      workers.add(thread);
      thread.start();
    }
    for (Thread thread : workers) {
      thread.join(); // join gives the happens-before edge for results[] and finished[]
    }
    // the load lasted until its last thread stopped (earlier than the deadline if requests ran out)
    long elapsed = Arrays.stream(finished).max().orElse(start) - start;
    long[] all = Arrays.stream(results).flatMapToLong(Arrays::stream).toArray();
    return new Result(all, errors.get(), elapsed);
  }

  /** The first unexpected answer of a load, on stderr: errors are counted, not hidden. */
  private static void report(HttpRequest request, String what) {
    System.err.printf(
        "first error of this load: %s %s -> %s%n", request.method(), request.uri(), what);
  }

  private static String text(byte[] body) {
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  /** Latencies (ns) of the successful requests, the failed count, and the wall time (ns). */
  public record Result(long[] latencies, long errors, long elapsedNanos) {

    public static final Result EMPTY = new Result(new long[0], 0, 0);

    public long requests() {
      return latencies.length;
    }

    public double throughput() {
      return latencies.length / (elapsedNanos / 1e9);
    }

    public double p50Millis() {
      return percentile(0.50);
    }

    public double p99Millis() {
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

    public Result plus(Result other) {
      long[] merged = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
      System.arraycopy(other.latencies, 0, merged, latencies.length, other.latencies.length);
      return new Result(merged, errors + other.errors, elapsedNanos + other.elapsedNanos);
    }
  }
}
