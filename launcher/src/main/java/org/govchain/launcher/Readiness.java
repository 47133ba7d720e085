package org.govchain.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** Waits until a started process answers, failing early (with its log) if it dies first. */
final class Readiness {

  private static final Duration POLL = Duration.ofMillis(250);
  private static final int TAIL_LINES = 40;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Readiness() {}

  /** Waits until {@code GET url} answers 200 (Spring Boot's health: UP, or DEGRADED). */
  static void awaitHealthy(ChildProcess process, URI url, Duration timeout) {
    await(
        process,
        "answer 200 on " + url,
        timeout,
        () -> {
          HttpRequest request =
              HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
          return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
  }

  /**
   * Polls {@code check} until it returns true; a check that throws counts as "not yet".
   *
   * @throws StartupException if the process ends or the time runs out, with the log's tail
   */
  static void await(ChildProcess process, String what, Duration timeout, Callable<Boolean> check) {
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer yet";
    while (true) {
      if (!process.isAlive()) {
        throw new StartupException(
            process.name()
                + " exited with code "
                + process.exitValue()
                + " before it was ready. Its log, "
                + process.log()
                + ", ends with:\n"
                + process.tail(TAIL_LINES));
      }
      try {
        if (Boolean.TRUE.equals(check.call())) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StartupException("interrupted while waiting for " + process.name(), e);
      } catch (Exception e) {
        // not answering yet (connection refused, RPC error, ...): try again
        last = e.toString();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new StartupException(
            process.name()
                + " did not "
                + what
                + " within "
                + timeout.toSeconds()
                + " s (last: "
                + last
                + "). Its log, "
                + process.log()
                + ", ends with:\n"
                + process.tail(TAIL_LINES));
      }
      sleep(POLL);
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("interrupted", e);
    }
  }
}
