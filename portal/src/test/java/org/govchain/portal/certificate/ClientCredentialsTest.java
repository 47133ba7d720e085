package org.govchain.portal.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.govchain.anchor.web.problem.CommonProblem;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The portal's clients of the auth server while it is down: a token endpoint that refuses or never
 * answers is a 503 {@code service-unavailable} problem within the configured timeout, never a 500
 * (an evidence link opened while the auth server was down answered 500: the refused connection
 * reached the error handler unmapped; found by the fault campaign's auth-server case).
 */
class ClientCredentialsTest {

  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final CertificateProperties.Client AUDITOR =
      new CertificateProperties.Client("auditor", "auditor-dev-secret");

  @Test
  void aRefusedTokenEndpointIsServiceUnavailable() {
    ClientCredentials client =
        client(URI.create("http://127.0.0.1:" + closedPort() + "/oauth2/token"));
    StepVerifier.create(client.token())
        .expectErrorSatisfies(ClientCredentialsTest::assertUnavailable)
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void aTokenEndpointThatNeverAnswersIsServiceUnavailableAfterTheTimeout() throws IOException {
    List<Socket> accepted = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(silent.accept()); // read nothing, answer nothing
                  }
                } catch (IOException e) {
                  // closed at the end of the test
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      ClientCredentials client =
          client(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/oauth2/token"));
      long start = System.nanoTime();
      StepVerifier.create(client.token())
          .expectErrorSatisfies(ClientCredentialsTest::assertUnavailable)
          .verify(Duration.ofSeconds(10));
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("refused within the timeout, not hung")
          .isLessThan(TIMEOUT.plusSeconds(2));
    } finally {
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  @Test
  void anEvidenceLinkOpenedWhileTheTokenEndpointIsDownIsServiceUnavailable() {
    URI down = URI.create("http://127.0.0.1:" + closedPort() + "/oauth2/token");
    CertificateProperties properties =
        new CertificateProperties(
            URI.create("http://127.0.0.1:" + closedPort()),
            "http://127.0.0.1:" + closedPort(),
            1,
            down,
            AUDITOR,
            AUDITOR,
            new CertificateProperties.Seal("91110108MA01GCH013", "seal", "org"),
            CertificateProperties.DEV_EVIDENCE_KEY,
            TIMEOUT);
    SuiteApi suite = new SuiteApi(WebClient.create(), properties, client(down), client(down), null);
    Mono<byte[]> bundle = suite.evidenceBundle("/api/seal", 0);
    StepVerifier.create(bundle)
        .expectErrorSatisfies(ClientCredentialsTest::assertUnavailable)
        .verify(Duration.ofSeconds(10));
  }

  private static void assertUnavailable(Throwable e) {
    assertThat(e).isInstanceOf(SuiteUnavailableException.class);
    SuiteUnavailableException unavailable = (SuiteUnavailableException) e;
    assertThat(unavailable.kind()).isEqualTo(CommonProblem.SERVICE_UNAVAILABLE);
    assertThat(unavailable.detail())
        .isEqualTo("the suite could not issue the certificate now; retry later");
    assertThat(unavailable.getMessage()).contains("token endpoint").doesNotContain("dev-secret");
  }

  private static ClientCredentials client(URI tokenUri) {
    return new ClientCredentials(WebClient.create(), tokenUri, AUDITOR, TIMEOUT, Clock.systemUTC());
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
