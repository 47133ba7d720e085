package org.govchain.anchor.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The minimal reproduction of issue 9's 90-second stall, on Reactor Netty alone: a handler whose
 * answer is emitted off the event loop (as R2DBC's are in every service), alternating with one that
 * answers at once, on one keep-alive connection. Reactor Netty 1.3.6 buffered a request that came
 * in before the previous exchange had terminated and then never read on
 * (reactor/reactor-netty#4347, #4361): the connection stalled within the first hundred requests.
 * Fixed in 1.3.8, which the root pom pins until Spring Boot manages it.
 */
class KeepAliveReadTest {

  private DisposableServer server;

  @BeforeEach
  void start() {
    server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (request, response) ->
                    request.uri().equals("/off-loop")
                        ? response.sendString(Mono.just("ok").delayElement(Duration.ofMillis(1)))
                        : response.sendString(Mono.just("ok")))
            .bindNow();
  }

  @AfterEach
  void stop() {
    server.disposeNow();
  }

  @Test
  void keepAliveConnectionServesEveryRequestWhenAnswersAlternateBetweenThreads()
      throws IOException {
    int answered = 0;
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(2_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      for (int i = 0; i < 2_000; i++) {
        String body = "{\"n\":" + i + "}";
        String request =
            "POST "
                + (i % 2 == 0 ? "/off-loop" : "/on-loop")
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + body.length()
                + "\r\n\r\n"
                + body;
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        try {
          assertThat(readResponseBody(in)).isEqualTo("ok");
        } catch (SocketTimeoutException e) {
          break;
        }
        answered++;
      }
    }
    assertThat(answered).as("requests answered within 2 s each").isEqualTo(2_000);
  }

  /** Reads one HTTP/1.1 response with a Content-Length and returns its body. */
  private static String readResponseBody(InputStream in) throws IOException {
    int length = 0;
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
        length = Integer.parseInt(line.substring(15).strip());
      }
    }
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new EOFException("connection closed inside a response body");
    }
    return new String(body, StandardCharsets.US_ASCII);
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed inside a response head");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
