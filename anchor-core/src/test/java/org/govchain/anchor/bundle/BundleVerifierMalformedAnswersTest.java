package org.govchain.anchor.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govchain.anchor.chain.LogId;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.anchor.merkle.MemoryTree;
import org.govchain.anchor.merkle.MerkleHasher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * An endpoint that answers JSON-RPC with values no chain would send — a malformed quantity, a chain
 * id past 64 bits — gets CHAIN_UNAVAILABLE, as the portal's verifier gives it, instead of an
 * exception out of {@link BundleVerifier#verify}. The endpoint holds no chain state: every bundle
 * here fails before any state would matter. Verifying against a real chain is BundleVerifierIT's.
 */
class BundleVerifierMalformedAnswersTest {

  private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  /** The JSON-RPC result (raw JSON) for a method. */
  private final AtomicReference<Function<String, String>> results = new AtomicReference<>();

  private HttpServer server;
  private Web3j web3j;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String request =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Matcher method = METHOD.matcher(request);
          Matcher id = ID.matcher(request);
          String result = method.find() ? results.get().apply(method.group(1)) : "null";
          byte[] body =
              ("{\"jsonrpc\":\"2.0\",\"id\":"
                      + (id.find() ? id.group(1) : "1")
                      + ",\"result\":"
                      + result
                      + "}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    web3j = Web3j.build(new HttpService("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  @AfterEach
  void stop() {
    web3j.shutdown();
    server.stop(0);
  }

  @Test
  void aChainIdThatIsNotAQuantityIsChainUnavailable() {
    results.set(method -> "\"0xzz\"");

    Verification verification = new BundleVerifier(web3j).verify(bundle(), 1, null);

    assertThat(verification.verdict()).isEqualTo(Verdict.CHAIN_UNAVAILABLE);
    assertThat(verification.reasons().get(verification.reasons().size() - 1))
        .startsWith("FAILED: the chain's answer could not be read:");
  }

  @Test
  void aChainIdPast64BitsIsChainUnavailable() {
    results.set(method -> "\"0x1" + "0".repeat(16) + "\"");

    Verification verification = new BundleVerifier(web3j).verify(bundle(), 1, null);

    assertThat(verification.verdict()).isEqualTo(Verdict.CHAIN_UNAVAILABLE);
  }

  /** A bundle whose offline checks pass (a one-leaf tree), claiming chain 31337. */
  private static ProofBundle bundle() {
    String origin = "malformed.govchain.example";
    byte[] leaf =
        EventEnvelope.create(
                origin,
                "test.recorded",
                UUID.randomUUID().toString(),
                1,
                Instant.now(),
                Map.of("amount", "1.00"),
                new SecureRandom())
            .toCanonicalBytes();
    MemoryTree tree = new MemoryTree();
    tree.append(MerkleHasher.leafHash(leaf));
    return new ProofBundle(
        origin,
        0,
        leaf,
        1,
        tree.root(),
        List.of(),
        new Anchor(
            31337,
            "0x5fbdb2315678afecb367f032d93f642f64180aa3",
            LogId.of(origin),
            new byte[32],
            1,
            Instant.parse("2026-11-28T18:00:00Z")),
        null);
  }
}
