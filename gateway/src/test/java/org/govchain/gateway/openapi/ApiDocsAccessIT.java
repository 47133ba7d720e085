package org.govchain.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.govchain.gateway.GatewayApplication;
import org.govchain.testsupport.tokens.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway itself (no service behind it: every service address is a closed port) on its API
 * documentation: the merged document and the Swagger UI's settings are rate limited like any route,
 * the Swagger UI's files are not, and each service's document, JSON or YAML, passes the gateway
 * without a token. Each test is its own client: a trusted proxy (forward headers on) names a
 * different address for each, so their anonymous limits are apart.
 */
class ApiDocsAccessIT {

  private static final int LIMIT = 3;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TestIssuer ISSUER = TestIssuer.generate();

  private static ConfigurableApplicationContext gateway;
  private static String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startGateway() throws IOException {
    String closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = "http://127.0.0.1:" + s.getLocalPort();
    }
    // as arguments: they must win over application.yml (builder properties are only defaults)
    String[] settings = {
      "server.port=0",
      "server.forward-headers-strategy=native",
      "spring.main.banner-mode=off",
      ISSUER.publicKeyLocationProperty(),
      "govchain.gateway.services.seal.url=" + closed,
      "govchain.gateway.services.ssc.url=" + closed,
      "govchain.gateway.services.accounting.url=" + closed,
      "govchain.gateway.portal.url=" + closed,
      "govchain.gateway.rate-limit.anonymous.requests=" + LIMIT,
      "govchain.gateway.rate-limit.anonymous.period=60s",
      "govchain.gateway.rate-limit.authenticated.requests=" + LIMIT,
      "govchain.gateway.rate-limit.authenticated.period=60s"
    };
    gateway =
        new SpringApplicationBuilder(GatewayApplication.class)
            .run(Arrays.stream(settings).map(s -> "--" + s).toArray(String[]::new));
    baseUrl = "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port");
  }

  @AfterAll
  static void stopGateway() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void anonymousCallersOfTheMergedDocumentGet429PastTheLimit() {
    String client = "203.0.113.1";
    for (int i = 0; i < LIMIT; i++) {
      HttpResponse<String> merged = get("/v3/api-docs", client, null);
      assertThat(merged.statusCode()).as("call %d: %s", i + 1, merged.body()).isEqualTo(200);
      assertThat(json(merged).path("info").path("x-govchain-unavailable").toString())
          .contains("seal", "ssc", "accounting");
    }
    assertRateLimited(get("/v3/api-docs", client, null));
    assertRateLimited(get("/v3/api-docs/gateway/swagger-config", client, null));

    HttpResponse<String> other = get("/v3/api-docs", "203.0.113.2", null);
    assertThat(other.statusCode()).as("another address has its own limit").isEqualTo(200);
  }

  @Test
  void theSwaggerUisFilesAndTheHealthProbesStayUsablePastTheLimit() {
    String client = "203.0.113.10";
    for (int i = 0; i < LIMIT; i++) {
      assertThat(get("/v3/api-docs", client, null).statusCode()).isEqualTo(200);
    }
    assertRateLimited(get("/v3/api-docs", client, null));
    for (int round = 0; round < 2; round++) {
      for (String file :
          List.of(
              "/swagger-ui.html",
              "/swagger-ui/index.html",
              "/swagger-ui/swagger-ui.css",
              "/swagger-ui/swagger-ui-bundle.js",
              "/swagger-ui/swagger-initializer.js",
              "/actuator/health")) {
        HttpResponse<String> answer = get(file, client, null);
        assertThat(answer.statusCode()).as("%s in round %d", file, round + 1).isBetween(200, 399);
      }
    }
  }

  @Test
  void callersWithATokenAreCountedByTheirSubjectNotTheirAddress() {
    String client = "203.0.113.20";
    String busy = ISSUER.token("docs-reader");
    for (int i = 0; i < LIMIT; i++) {
      assertThat(get("/v3/api-docs", client, busy).statusCode()).isEqualTo(200);
    }
    assertRateLimited(get("/v3/api-docs", client, busy));
    assertThat(get("/v3/api-docs", client, ISSUER.token("another-reader")).statusCode())
        .isEqualTo(200);
    assertThat(get("/v3/api-docs", client, null).statusCode())
        .as("the address's anonymous limit is its own")
        .isEqualTo(200);
  }

  @Test
  void eachServicesDocumentPassesTheGatewayWithoutATokenInJsonAndYaml() {
    int client = 30;
    for (String prefix : List.of("/api/seal", "/api/ssc", "/api/accounting")) {
      for (String document : List.of("/v3/api-docs", "/v3/api-docs.yaml")) {
        // the service is down: the gateway let the request through to its route
        HttpResponse<String> answer = get(prefix + document, "203.0.113." + client++, null);
        assertThat(answer.statusCode())
            .as("%s%s: %s", prefix, document, answer.body())
            .isEqualTo(503);
        assertThat(json(answer).path("type").asString()).endsWith("/service-unavailable");
      }
    }
    HttpResponse<String> records = get("/api/seal/seals", "203.0.113." + client, null);
    assertThat(records.statusCode()).as("records still need a token").isEqualTo(401);
  }

  private static void assertRateLimited(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as("%s", answer.body()).isEqualTo(429);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(answer).path("type").asString()).endsWith("/rate-limited");
    assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 60L);
  }

  private HttpResponse<String> get(String path, String clientAddress, String token) {
    List<String> headers = new ArrayList<>(List.of("X-Forwarded-For", clientAddress));
    if (token != null) {
      headers.addAll(List.of("Authorization", "Bearer " + token));
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .headers(headers.toArray(String[]::new))
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> answer) {
    return JSON.readTree(answer.body());
  }
}
