package org.govchain.reliability;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.process.Http;

/**
 * Concurrent clients creating records through the gateway, as a front-end would: each write with an
 * {@code Idempotency-Key} of its own, each client remembering every write it sent and what it was
 * told. A client that gets no 201 (the service died under it) stops writing and keeps that request
 * to retry later, with the same key and body.
 */
final class WriteLoad {

  /** The body of every answer but a 201 any client of the campaign got (problems, mostly). */
  static final java.util.Queue<String> REFUSALS =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  /** Statuses a client takes for "the service did not answer": the gateway's, for a dead route. */
  static final List<Integer> NO_ANSWER = List.of(502, 503, 504);

  private final Supplier<Http> clients;
  private final String path;
  private final String token;
  private final Supplier<Map<String, Object>> bodies;
  private final List<Write> writes = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger acknowledged = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final AtomicBoolean held = new AtomicBoolean();
  private volatile Duration pauseAfterFailure;
  private volatile Duration pace = Duration.ZERO;

  /**
   * @param clients makes one client (its own connections) per simulated front-end
   * @param path where the writes are posted
   * @param token the writer's access token
   * @param bodies a distinct record's body per call
   */
  WriteLoad(
      Supplier<Http> clients, String path, String token, Supplier<Map<String, Object>> bodies) {
    this.clients = clients;
    this.path = path;
    this.token = token;
    this.bodies = bodies;
  }

  /** One write a client sent, and what it was told. */
  static final class Write {
    final int client;
    final String key;
    final Map<String, Object> body;
    private volatile String id;
    private volatile String failure;
    private volatile Http.Response answer;
    private volatile long sentNanos;
    private volatile long tookNanos;

    private Write(int client, String key, Map<String, Object> body) {
      this.client = client;
      this.key = key;
      this.body = body;
    }

    /** The id of the 201 the client got, or null. */
    String id() {
      return id;
    }

    /** What the client got instead of a 201 (status and problem type, or the broken connection). */
    String failure() {
      return failure;
    }

    boolean acknowledged() {
      return id != null;
    }

    /** The answer the client got instead of a 201, or null (none, or a broken connection). */
    Http.Response answer() {
      return answer;
    }

    /** When it was sent ({@link System#nanoTime()}). */
    long sentNanos() {
      return sentNanos;
    }

    /** How long its client waited for the answer, or for the connection to fail. */
    Duration took() {
      return Duration.ofNanos(tookNanos);
    }
  }

  /**
   * Makes each client go on writing after a write that got no 201 (keeping it to retry later), a
   * new write every {@code pause} after a failure, until {@link #stop()}: a load that runs through
   * an outage of the service's dependencies rather than stopping at its first failure.
   */
  WriteLoad keepWritingThroughFailures(Duration pause) {
    this.pauseAfterFailure = pause;
    return this;
  }

  /** Makes each client wait {@code pace} after every write, as a person at a front-end would. */
  WriteLoad paced(Duration pace) {
    this.pace = pace;
    return this;
  }

  /**
   * Clients send no new write until {@link #release()} (a write in flight is still answered): a
   * service that is quicker than the others waits for them instead of piling up records.
   */
  void hold() {
    held.set(true);
  }

  /** Clients write again after {@link #hold()}. */
  void release() {
    held.set(false);
  }

  /** Clients send no new write after this (a write in flight is still answered). */
  void stop() {
    stopped.set(true);
  }

  /** Starts {@code clientCount} clients, each sending up to {@code writesEach} writes in turn. */
  WriteLoad start(int clientCount, int writesEach) {
    for (int c = 0; c < clientCount; c++) {
      int client = c;
      Http http = clients.get();
      Thread thread =
          new Thread(() -> runClient(http, client, writesEach), "campaign-client-" + client);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    return this;
  }

  private void runClient(Http http, int client, int writesEach) {
    for (int i = 0; i < writesEach && !stopped.get(); i++) {
      while (held.get() && !stopped.get()) {
        pause(Duration.ofMillis(10));
      }
      Write write = writeOnce(http, client, token);
      if (write.acknowledged()) {
        if (!pace.isZero()) {
          pause(pace);
        }
      } else {
        if (pauseAfterFailure == null) {
          return; // no answer: this client stops and retries it after the restart
        }
        pause(pauseAfterFailure);
      }
    }
  }

  /**
   * Sends one new write for {@code client} with {@code token} and remembers it with its answer,
   * whatever it was: one write of a load whose pace the caller sets (the soak's, at a steady rate,
   * with tokens it renews).
   */
  Write writeOnce(Http http, int client, String token) {
    Write write = new Write(client, UUID.randomUUID().toString(), bodies.get());
    writes.add(write);
    inFlight.incrementAndGet();
    try {
      write.sentNanos = System.nanoTime();
      Outcome outcome = send(http, write, token);
      write.tookNanos = System.nanoTime() - write.sentNanos;
      if (outcome.id() != null) {
        write.id = outcome.id();
        acknowledged.incrementAndGet();
      } else {
        write.failure = outcome.failure();
        write.answer = outcome.answer();
      }
      return write;
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * What one send of a write got: the record's id for a 201, else what came instead (the answer
   * itself, if there was one).
   */
  record Outcome(String id, int status, String failure, Http.Response answer) {

    boolean noAnswer() {
      return id == null && (status == 0 || NO_ANSWER.contains(status));
    }
  }

  /** Sends {@code write} once (the same key and body every time). */
  Outcome send(Http http, Write write) {
    return send(http, write, token);
  }

  private Outcome send(Http http, Write write, String token) {
    HttpRequest request =
        http.request(
                path,
                token,
                Map.of("Content-Type", "application/json", "Idempotency-Key", write.key))
            .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(write.body)))
            .build();
    try {
      Http.Response answer = http.send(request);
      if (answer.status() == 201) {
        return new Outcome(answer.json().path("id").asString(), 201, null, answer);
      }
      REFUSALS.add(answer.text());
      return new Outcome(
          null, answer.status(), answer.status() + " " + problemType(answer), answer);
    } catch (UncheckedIOException e) {
      return new Outcome(null, 0, "no answer: " + e.getCause(), null);
    }
  }

  /**
   * Sends {@code write} again until it is answered (the gateway answers 503 while the service is
   * coming back or its breaker is open), as a client retrying after a failure does.
   */
  Outcome retry(Http http, Write write, Duration deadline) {
    return Await.value(
        "an answer to the retried write " + write.key,
        deadline,
        Duration.ofMillis(250),
        () -> {
          Outcome outcome = send(http, write);
          return outcome.noAnswer() ? Optional.empty() : Optional.of(outcome);
        });
  }

  private static String problemType(Http.Response answer) {
    try {
      return answer.json().path("type").asString();
    } catch (RuntimeException e) {
      return "(not a problem)";
    }
  }

  /** Writes acknowledged with a 201 so far. */
  int acknowledged() {
    return acknowledged.get();
  }

  /** Writes sent and not answered yet. */
  int inFlight() {
    return inFlight.get();
  }

  /** Waits for every client to finish and returns every write sent, in sending order. */
  List<Write> awaitEnd(Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    for (Thread thread : threads) {
      try {
        thread.join(Math.max(1, (end - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (thread.isAlive()) {
        throw new AssertionError(thread.getName() + " still writing after " + deadline);
      }
    }
    synchronized (writes) {
      return List.copyOf(writes);
    }
  }
}
