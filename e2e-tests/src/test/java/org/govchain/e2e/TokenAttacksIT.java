package org.govchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.e2e.GatewaySecurityIT.assertProblem;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.govchain.testsupport.process.Http;
import org.govchain.testsupport.tokens.TokenAttacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14, token attacks: what an attacker who knows the auth server's public key, key id and
 * issuer makes of them, sent to the gateway (keys by OpenID discovery) and straight to the seal
 * service (keys from the JWK set URI). Forged tokens and tokens with a claim a correct server
 * refuses are 401 problems at both; roles in claims other than {@code roles} grant nothing (403);
 * no key is ever fetched from where a token's header points; an oversized forgery is refused like a
 * small one and, over the HTTP servers' 8 KiB header limit, before the application reads it.
 */
@ExtendWith(SuiteExtension.class)
class TokenAttacksIT {

  /** A read every role of the seal service may do, so that only the token decides. */
  private static final String SEALS = "/api/seal/seals";

  private static HttpServer attacker;
  private static final AtomicInteger fetchedFromAttacker = new AtomicInteger();

  @BeforeAll
  static void startTheAttackersKeyServer() throws IOException {
    attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    attacker.createContext(
        "/",
        exchange -> {
          fetchedFromAttacker.incrementAndGet();
          byte[] body = "{\"keys\":[]}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    attacker.start();
  }

  @AfterAll
  static void stopTheAttackersKeyServer() {
    attacker.stop(0);
  }

  @Test
  void forgedTokensAre401AtTheGatewayAndTheServiceAndNoKeyIsFetchedFromTheirHeaders(Suite suite) {
    URI attackerUrl = URI.create("http://127.0.0.1:" + attacker.getAddress().getPort() + "/");
    Map<String, String> forgeries = new TokenAttacks(suite.issuerKeyTokens).forgeries(attackerUrl);
    assertThat(forgeries).hasSizeGreaterThanOrEqualTo(8);
    forgeries.forEach((attack, token) -> assertRefused(suite, attack, token));
    assertThat(fetchedFromAttacker.get())
        .as("requests to the key server a token's jku/x5u header named")
        .isZero();
  }

  @Test
  void tokensSignedWithTheIssuersKeyButAWrongOrMissingClaimAre401(Suite suite) {
    new TokenAttacks(suite.issuerKeyTokens)
        .badClaims()
        .forEach((attack, token) -> assertRefused(suite, attack, token));
  }

  @Test
  void rolesInAnyClaimButRolesGrantNothing(Suite suite) {
    new TokenAttacks(suite.issuerKeyTokens)
        .smuggledRoles()
        .forEach(
            (attack, token) -> {
              Http.Response gateway = suite.viaGateway().get(SEALS, token);
              assertThat(gateway.status()).as("gateway, %s: %s", attack, gateway).isEqualTo(403);
              assertProblem(gateway, 403, "forbidden");
              Http.Response direct = suite.direct().get(SEALS, token);
              assertThat(direct.status()).as("service, %s: %s", attack, direct).isEqualTo(403);
              assertProblem(direct, 403, "forbidden");
            });
  }

  @Test
  void theControlTokenOfTheAttacksIsAccepted(Suite suite) {
    // the same builder with nothing wrong: the refusals above come from the one attack each
    String control = new TokenAttacks(suite.issuerKeyTokens).control();
    assertThat(suite.viaGateway().get(SEALS, control).status()).isEqualTo(200);
    assertThat(suite.direct().get(SEALS, control).status()).isEqualTo(200);
  }

  @Test
  void oversizedTokensAreRefusedBeforeAnyoneReadsThemAndTheGatewayStaysUp(Suite suite) {
    TokenAttacks attacks = new TokenAttacks(suite.issuerKeyTokens);
    // under the HTTP servers' 8 KiB header limit: read, checked and refused like a small forgery
    String large = attacks.oversized(4_000);
    assertRefused(suite, "a token of " + large.length() + " characters", large);
    // over it: the HTTP codec answers 431 before any application code runs
    for (int bytes : new int[] {16 * 1024, 1024 * 1024}) {
      String huge = attacks.oversized(bytes);
      for (Http http : new Http[] {suite.viaGateway(), suite.direct()}) {
        int status = statusOrClosed(http, huge);
        assertThat(status).as("%s with a %d-character token", http, huge.length()).isIn(431, -1);
      }
    }
    assertThat(suite.viaGateway().get("/actuator/health", null).status()).isEqualTo(200);
    assertThat(suite.viaGateway().get(SEALS, attacks.control()).status()).isEqualTo(200);
  }

  private static void assertRefused(Suite suite, String attack, String token) {
    Http.Response gateway = suite.viaGateway().get(SEALS, token);
    assertThat(gateway.status()).as("gateway, %s: %s", attack, gateway).isEqualTo(401);
    assertProblem(gateway, 401, "unauthorized");
    assertThat(gateway.header("WWW-Authenticate")).as(attack).contains("invalid_token");
    Http.Response direct = suite.direct().get(SEALS, token);
    assertThat(direct.status()).as("service, %s: %s", attack, direct).isEqualTo(401);
    assertProblem(direct, 401, "unauthorized");
  }

  /** The status of a GET with {@code token}, or -1 when the server closed the connection. */
  private static int statusOrClosed(Http http, String token) {
    try {
      return http.get(SEALS, token).status();
    } catch (UncheckedIOException e) {
      return -1;
    }
  }
}
