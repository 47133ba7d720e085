package org.govchain.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chain's JSON-RPC endpoint as the services see it: a forwarder on 127.0.0.1 that passes every
 * request on to the dev chain, except that while {@link #holdSends()} is on, a request to {@code
 * eth_sendRawTransaction} is held and never reaches the chain — a transaction signed and stored by
 * the anchorer but not broadcast, held open until the process that sent it is gone.
 */
final class ChainProxy implements AutoCloseable {

  private final URI chain;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  // HTTP/1.1 only: Node's HTTP server (Hardhat) drops a request asking to upgrade to h2c
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final AtomicInteger held = new AtomicInteger();
  private volatile CountDownLatch hold;

  ChainProxy(String chainRpcUrl) {
    this.chain = URI.create(chainRpcUrl);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The address the services use as their RPC URL. */
  String rpcUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** From now on, {@code eth_sendRawTransaction} requests are held, unanswered and unsent. */
  void holdSends() {
    hold = new CountDownLatch(1);
  }

  /**
   * Forwards again; requests held so far are answered 503 and never sent (their sender is dead by
   * then).
   */
  void dropHeldAndForward() {
    CountDownLatch current = hold;
    hold = null;
    if (current != null) {
      current.countDown();
    }
  }

  /** How many send requests have been held so far. */
  int held() {
    return held.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      CountDownLatch current = hold;
      if (current != null
          && new String(body, StandardCharsets.UTF_8).contains("\"eth_sendRawTransaction\"")) {
        held.incrementAndGet();
        try {
          current.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        try {
          exchange.sendResponseHeaders(503, -1);
        } catch (IOException gone) {
          // its sender was killed meanwhile, as intended
        }
        return;
      }
      HttpResponse<byte[]> answer;
      try {
        answer =
            client.send(
                HttpRequest.newBuilder(chain)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException | InterruptedException e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    }
  }

  @Override
  public void close() {
    dropHeldAndForward();
    server.stop(0);
    threads.shutdownNow();
  }
}
