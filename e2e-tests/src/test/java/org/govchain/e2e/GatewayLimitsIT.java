package org.govchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.e2e.GatewaySecurityIT.assertProblem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.govchain.testsupport.TcpProxy;
import org.govchain.testsupport.process.AppProcess;
import org.govchain.testsupport.process.Http;
import org.govchain.testsupport.samples.SealSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A gateway with tight limits in front of the live seal service: rate limits answer 429 with
 * Retry-After, oversized bodies 413 (declared or chunked), a service that is down or silent a fast
 * 503, and a failing service opens its circuit breaker.
 */
@ExtendWith(SuiteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayLimitsIT {

  private static final int CLIENT_LIMIT = 8;
  private static final int ANONYMOUS_LIMIT = 3;
  private static final int UPLOAD_LIMIT = 256 * 1024;
  private static final int BODY_LIMIT = 64 * 1024;

  private Suite suite;
  private AppProcess gateway;
  private Http http;
  private ServerSocket silentService;
  private TcpProxy sscLink;
  private final List<Socket> silentConnections = new CopyOnWriteArrayList<>();

  @BeforeAll
  void startGatewayWithTightLimits(Suite suite) throws IOException {
    this.suite = suite;
    // accepts connections and never answers: a hung service
    silentService = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!silentService.isClosed()) {
                try {
                  silentConnections.add(silentService.accept());
                } catch (IOException e) {
                  return;
                }
              }
            },
            "silent-service");
    acceptor.setDaemon(true);
    acceptor.start();
    // the ssc route goes through a proxy that is cut: every connection is closed at once, counted
    sscLink = TcpProxy.toUrl(suite.seal.baseUrl());
    sscLink.cut();
    gateway =
        suite.startGateway(
            Map.of(
                "GOVCHAIN_SSC_URL",
                sscLink.httpUrl(),
                "GOVCHAIN_ACCOUNTING_URL",
                "http://127.0.0.1:" + silentService.getLocalPort(),
                "GOVCHAIN_RATE_LIMIT_REQUESTS",
                Integer.toString(CLIENT_LIMIT),
                "GOVCHAIN_RATE_LIMIT_PERIOD",
                "60s",
                "GOVCHAIN_RATE_LIMIT_ANONYMOUS_REQUESTS",
                Integer.toString(ANONYMOUS_LIMIT),
                "GOVCHAIN_RATE_LIMIT_ANONYMOUS_PERIOD",
                "60s",
                "GOVCHAIN_MAX_REQUEST_SIZE",
                BODY_LIMIT / 1024 + "KB",
                "GOVCHAIN_MAX_UPLOAD_SIZE",
                UPLOAD_LIMIT / 1024 + "KB",
                "GOVCHAIN_GATEWAY_TIMEOUT",
                "2s"),
            List.of(
                "--govchain.gateway.resilience.sliding-window-size=4",
                "--govchain.gateway.resilience.minimum-number-of-calls=4",
                "--govchain.gateway.resilience.wait-in-open-state=30s"));
    http = new Http(gateway.baseUrl());
  }

  @AfterAll
  void stop() throws IOException {
    if (gateway != null) {
      gateway.close();
    }
    silentService.close();
    sscLink.close();
    for (Socket s : silentConnections) {
      s.close();
    }
  }

  @Test
  void clientOverItsLimitGets429WithRetryAfterWhileOthersGoOn() {
    // client credentials tokens: the rate limit key (sub) is the client id
    String busy = suite.token("auditor");
    for (int i = 0; i < CLIENT_LIMIT; i++) {
      Http.Response answer = http.get("/api/seal/log/checkpoint", busy);
      assertThat(answer.status()).as("request %d: %s", i + 1, answer).isNotEqualTo(429);
    }
    Http.Response limited = http.get("/api/seal/log/checkpoint", busy);
    assertProblem(limited, 429, "rate-limited");
    long retryAfter = Long.parseLong(limited.header("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 60L);

    Http.Response other = http.get("/api/seal/log/checkpoint", suite.token("admin"));
    assertThat(other.status()).as("another client has its own limit: %s", other).isNotEqualTo(429);
  }

  @Test
  void anonymousCallerOverThePublicLimitGets429WithRetryAfter() {
    byte[] pdf = SealSamples.pdf("not sealed");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < ANONYMOUS_LIMIT; i++) {
      statuses.add(verifyAnonymously(pdf).status());
    }
    assertThat(statuses).doesNotContain(429);
    Http.Response limited = verifyAnonymously(pdf);
    assertProblem(limited, 429, "rate-limited");
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
  }

  private Http.Response verifyAnonymously(byte[] pdf) {
    return http.postMultipart(
        "/api/seal/verifications",
        null,
        Map.of("document", new Http.Part("doc.pdf", "application/pdf", pdf)));
  }

  @Test
  void bodyOverTheLimitWithContentLengthGets413() {
    Map<String, Object> request = SealSamples.sealRequest("too large");
    request.put("padding", "x".repeat(BODY_LIMIT));
    Http.Response answer = http.postJson("/api/seal/seals", suite.token("seal-clerk"), request);
    assertProblem(answer, 413, "payload-too-large");

    Http.Response upload =
        http.postMultipart(
            "/api/seal/verifications",
            suite.token("seal-clerk"),
            Map.of(
                "document",
                new Http.Part("big.pdf", "application/pdf", new byte[UPLOAD_LIMIT + 1024])));
    assertProblem(upload, 413, "payload-too-large");
  }

  @Test
  void chunkedBodyOverTheLimitGets413WhileStreaming() throws IOException {
    String token = suite.token("seal-clerk");
    String boundary = "govchain-chunked";
    byte[] body =
        Http.multipart(
            boundary,
            Map.of(
                "document",
                new Http.Part("big.pdf", "application/pdf", new byte[2 * UPLOAD_LIMIT])));
    String response;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/seal/verifications HTTP/1.1\r\n"
                  + "Host: 127.0.0.1:"
                  + gateway.port()
                  + "\r\nAuthorization: Bearer "
                  + token
                  + "\r\nContent-Type: multipart/form-data; boundary="
                  + boundary
                  + "\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      try {
        for (int offset = 0; offset < body.length; offset += 8192) {
          int n = Math.min(8192, body.length - offset);
          out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(body, offset, n);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException closedEarly) {
        // the gateway may stop reading once it has answered; the answer is still there
      }
      response = readAnswer(socket.getInputStream());
    }
    assertThat(response).startsWith("HTTP/1.1 413");
    assertThat(response).contains("application/problem+json", "payload-too-large");
  }

  @Test
  @Order(1) // before the breaker test opens the ssc breaker
  void readsAreRetriedTwiceAndWritesNeverWhenTheConnectionBreaks() {
    String sscClerk = suite.token("ssc-clerk");
    long before = sscLink.refusedConnections();
    Http.Response read = http.get("/api/ssc/cards/00000000-0000-0000-0000-000000000001", sscClerk);
    assertProblem(read, 503, "service-unavailable");
    long readAttempts = sscLink.refusedConnections() - before;

    before = sscLink.refusedConnections();
    Http.Response write = http.postJson("/api/ssc/cards", sscClerk, Map.of("name", "x"));
    assertProblem(write, 503, "service-unavailable");
    long writeAttempts = sscLink.refusedConnections() - before;
    assertThat(readAttempts).as("GET: first attempt + 2 retries").isEqualTo(3);
    assertThat(writeAttempts).as("POST: sent once").isEqualTo(1);
  }

  @Test
  void serviceThatDoesNotAnswerGetsA503ProblemAfterTheTimeLimit() {
    String clerk = suite.token("accounting-clerk");
    long start = System.nanoTime();
    Http.Response answer = http.get("/api/accounting/units", clerk);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertProblem(answer, 503, "service-unavailable");
    assertThat(answer.json().path("detail").asString()).contains("in time");
    assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(6));
  }

  @Test
  @Order(2)
  void repeatedFailuresOpenTheCircuitAndItAnswersWithRetryAfter() {
    // admin may read ssc records too; another client than the retry test's, so no rate limit here
    String admin = suite.token("admin");
    Http.Response last = null;
    for (int i = 0; i < 6 && (last == null || last.header("Retry-After") == null); i++) {
      last = http.get("/api/ssc/cards", admin);
      assertProblem(last, 503, "service-unavailable");
    }
    assertThat(last.header("Retry-After")).as("breaker open: %s", last).isEqualTo("30");
    assertThat(last.json().path("detail").asString()).contains("paused");
  }

  private static String readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      int n;
      while ((n = in.read(buffer)) > 0) {
        answer.write(buffer, 0, n);
        if (answer.toString(StandardCharsets.UTF_8).contains("\"instance\"")) {
          break;
        }
      }
    } catch (IOException e) {
      if (answer.size() == 0) {
        throw e;
      }
    }
    return answer.toString(StandardCharsets.UTF_8);
  }
}
