package org.govchain.anchor.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.govchain.anchor.web.problem.CommonProblem;
import org.govchain.testsupport.tokens.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Tokens checked while the issuer's keys cannot be fetched (the auth server down): 503, not 500;
 * tokens under a cached key still pass, bad tokens are still 401.
 */
class KeyFetchFailuresTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aTokenUnderAKeyNotCachedIsServiceUnavailableWhileTheJwkSetCannotBeFetched() {
    TestIssuer issuer = TestIssuer.foreignKey("http://127.0.0.1/issuer");
    AtomicInteger fetches = new AtomicInteger();
    int port = serveJwks(issuer, fetches);
    ReactiveJwtDecoder decoder =
        TokenValidation.decoder(
            environment(
                Map.of(
                    TokenValidation.JWT + "jwk-set-uri",
                    "http://127.0.0.1:" + port + "/oauth2/jwks")));
    String cached = issuer.token("clerk-1", "seal-clerk");
    assertThat(decoder.decode(cached).block(WAIT).getSubject()).isEqualTo("clerk-1");

    // the issuer's key rotated: a token under a key nobody has seen, with the issuer up, is bad
    TestIssuer rotated = TestIssuer.foreignKey("http://127.0.0.1/issuer");
    String unseen = rotated.token("clerk-2", "seal-clerk");
    assertThatThrownBy(() -> decoder.decode(unseen).block(WAIT))
        .isInstanceOf(BadJwtException.class);
    assertThat(fetches.get()).as("the JWK set fetched again for the unknown kid").isGreaterThan(1);

    server.stop(0);
    server = null;
    assertThatThrownBy(() -> decoder.decode(unseen).block(WAIT))
        .isInstanceOfSatisfying(
            TokenKeysUnavailableException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(CommonProblem.SERVICE_UNAVAILABLE);
              assertThat(e.detail()).doesNotContain(unseen).contains("retry later");
              assertThat(e.getMessage()).doesNotContain(unseen).contains("could not be fetched");
            });
    assertThat(decoder.decode(cached).block(WAIT).getSubject())
        .as("a token under the cached key still passes")
        .isEqualTo("clerk-1");
    assertThatThrownBy(
            () -> decoder.decode(cached.substring(0, cached.length() - 4) + "AAAA").block(WAIT))
        .as("a forged signature under the cached key is still a bad token")
        .isInstanceOf(BadJwtException.class);
  }

  @Test
  void anyTokenIsServiceUnavailableWhileTheIssuersDiscoveryCannotBeFetched() {
    String issuerUri = "http://127.0.0.1:" + closedPort();
    ReactiveJwtDecoder decoder =
        TokenValidation.decoder(environment(Map.of(TokenValidation.JWT + "issuer-uri", issuerUri)));
    String token = TestIssuer.foreignKey(issuerUri).token("clerk-1", "seal-clerk");
    assertThatThrownBy(() -> decoder.decode(token).block(WAIT))
        .isInstanceOf(TokenKeysUnavailableException.class)
        .hasMessageContaining("could not be fetched");
    assertThatThrownBy(() -> decoder.decode("not.a.jwt").block(WAIT))
        .as("garbage is still refused before any key is asked for")
        .isInstanceOf(BadJwtException.class);
  }

  @Test
  void anApplicationThatStartedWhileTheIssuerWasDownChecksTokensOnceItIsBack() {
    int port = closedPort();
    String issuerUri = "http://127.0.0.1:" + port;
    ReactiveJwtDecoder decoder =
        TokenValidation.decoder(environment(Map.of(TokenValidation.JWT + "issuer-uri", issuerUri)));
    TestIssuer issuer = TestIssuer.foreignKey(issuerUri);
    String token = issuer.token("clerk-1", "seal-clerk");
    assertThatThrownBy(() -> decoder.decode(token).block(WAIT))
        .isInstanceOf(TokenKeysUnavailableException.class);

    serveIssuer(issuer, port);
    assertThat(decoder.decode(token).block(WAIT).getSubject())
        .as("discovery tried again, not the failure kept")
        .isEqualTo("clerk-1");
  }

  @Test
  void anIssuerThatAcceptsConnectionsButNeverAnswersIsServiceUnavailableWithinTheTimeout()
      throws IOException {
    List<Socket> accepted = new ArrayList<>();
    try (ServerSocket frozen = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(frozen.accept()); // read nothing, answer nothing
                  }
                } catch (IOException e) {
                  // closed at the end of the test
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      String issuerUri = "http://127.0.0.1:" + frozen.getLocalPort();
      Duration timeout = Duration.ofMillis(500);
      ReactiveJwtDecoder decoder =
          new SignedJwtOnly(
              new KeyFetchFailures(
                  TokenValidation.decoder(
                      environment(Map.of(TokenValidation.JWT + "issuer-uri", issuerUri))),
                  timeout));
      String token = TestIssuer.foreignKey(issuerUri).token("clerk-1", "seal-clerk");
      long start = System.nanoTime();
      assertThatThrownBy(() -> decoder.decode(token).block(WAIT))
          .isInstanceOf(TokenKeysUnavailableException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("given up after the timeout, not hung")
          .isLessThan(timeout.plusSeconds(2));
    } finally {
      for (Socket s : accepted) {
        s.close();
      }
    }
    assertThat(KeyFetchFailures.TIMEOUT).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void onlyFailuresToReachTheIssuerCountAsKeysUnavailable() {
    assertThat(KeyFetchFailures.isKeyFetchFailure(new BadJwtException("bad"))).isFalse();
    assertThat(
            KeyFetchFailures.isKeyFetchFailure(
                new IllegalStateException("Could not obtain the keys", new IOException("refused"))))
        .isTrue();
    assertThat(KeyFetchFailures.isKeyFetchFailure(new IllegalStateException("a bug"))).isFalse();
  }

  /** Serves the issuer's public key as a JWK set and counts the fetches; answers the port. */
  private int serveJwks(TestIssuer issuer, AtomicInteger fetches) {
    String jwks =
        new JWKSet(
                new RSAKey.Builder((RSAPublicKey) issuer.publicKey()).keyID(issuer.keyId()).build())
            .toString();
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/oauth2/jwks",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server.getAddress().getPort();
  }

  /** Serves discovery and the JWK set of {@code issuer} at its {@code iss} on {@code port}. */
  private void serveIssuer(TestIssuer issuer, int port) {
    String jwks =
        new JWKSet(
                new RSAKey.Builder((RSAPublicKey) issuer.publicKey()).keyID(issuer.keyId()).build())
            .toString();
    String discovery =
        "{\"issuer\":\""
            + issuer.issuer()
            + "\",\"jwks_uri\":\""
            + issuer.issuer()
            + "/oauth2/jwks\",\"subject_types_supported\":[\"public\"]}";
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/.well-known/openid-configuration", exchange -> json(exchange, discovery));
    server.createContext("/oauth2/jwks", exchange -> json(exchange, jwks));
    server.start();
  }

  private static void json(com.sun.net.httpserver.HttpExchange exchange, String json)
      throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(properties)));
    return env;
  }
}
