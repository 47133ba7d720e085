package org.govchain.anchor.spring.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.anchor.spring.anchoring.AnchoringHarness.awaitTrue;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.TcpProxy;
import org.govchain.testsupport.WithDevChain;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The chain unreachable (a TCP proxy in front of the running dev chain cuts every connection, so
 * the chain keeps its state): checkpoints go on, health says so, the breaker stops the calls, and
 * one transaction anchors the backlog when the chain is back.
 */
@WithDevChain
@WithPostgres
@ExtendWith(OutputCaptureExtension.class)
class AnchoringOutageIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final DevChain chain;

  AnchoringOutageIT(DevChain chain) {
    this.chain = chain;
  }

  @Test
  void backlogBuiltWhileTheChainIsUnreachableIsAnchoredByOneTransactionWhenItReturns(
      PostgresServer.Database db, CapturedOutput output) throws Exception {
    try (AnchoringHarness h = new AnchoringHarness(chain, db);
        TcpProxy proxy = TcpProxy.toUrl(chain.rpcUrl())) {
      ConfigurableApplicationContext app =
          h.start(
              WebApplicationType.REACTIVE,
              proxy.httpUrl(),
              "govchain.anchor.lag-degraded-after=2s");
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      long before = h.appendCheckpoint(2);
      awaitTrue("the first checkpoint is confirmed", () -> h.state(before).equals("CONFIRMED"));
      assertThat(get(base + "/actuator/health/chain").statusCode()).isEqualTo(200);

      proxy.cut();
      long second = h.appendCheckpoint(3);
      awaitTrue(
          "chain health is DEGRADED",
          () -> get(base + "/actuator/health/chain").body().contains("\"DEGRADED\""));
      // an unreachable chain is an outage the anchorer rides out, not the service's: 200, and
      // the service as a whole DEGRADED, never DOWN (503), while writes go on
      HttpResponse<String> chainDegraded = get(base + "/actuator/health/chain");
      assertThat(chainDegraded.statusCode()).isEqualTo(200);
      assertThat(chainDegraded.body()).containsPattern("\"error\":\"(unavailable|timeout)\"");
      HttpResponse<String> whole = get(base + "/actuator/health");
      assertThat(whole.statusCode()).isEqualTo(200);
      assertThat(whole.body()).as("the whole health").endsWith("\"status\":\"DEGRADED\"}");
      long third = h.appendCheckpoint(1);
      long fourth = h.appendCheckpoint(4);
      awaitTrue(
          "anchoring health is DEGRADED",
          () -> get(base + "/actuator/health/anchoring").body().contains("\"DEGRADED\""));
      HttpResponse<String> degraded = get(base + "/actuator/health/anchoring");
      assertThat(degraded.statusCode()).isEqualTo(200);
      assertThat(degraded.body()).contains("\"unanchoredEntries\":8");
      MeterRegistry meters = app.getBean(MeterRegistry.class);
      double lag = meters.get("govchain.anchor.lag").gauge().value();
      assertThat(lag).isGreaterThan(2.0);
      awaitTrue(
          "the lag grows", () -> meters.get("govchain.anchor.lag").gauge().value() > lag + 0.5);
      assertThat(meters.get("govchain.anchor.unanchored.entries").gauge().value()).isEqualTo(8.0);
      assertThat(h.state(second)).isEqualTo("NONE");
      assertThat(h.anchoredEvents()).isEqualTo(1);

      proxy.restore();
      awaitTrue("the newest checkpoint is confirmed", () -> h.state(fourth).equals("CONFIRMED"));

      assertThat(h.state(second)).isEqualTo("SUPERSEDED");
      assertThat(h.state(third)).isEqualTo("SUPERSEDED");
      assertThat(h.anchoredEvents()).isEqualTo(2);
      assertThat(h.transactions()).hasSize(2);
      awaitTrue(
          "anchoring health is UP again",
          () -> get(base + "/actuator/health/anchoring").body().contains("\"UP\""));
      assertThat(get(base + "/actuator/health/chain").statusCode()).isEqualTo(200);
      assertThat(failures(meters, "unavailable")).isPositive();
      // one WARN for the outage and one INFO for the return, not a line per check
      assertThat(
              output
                  .getOut()
                  .lines()
                  .filter(line -> line.contains("anchoring of log " + h.origin + " failed"))
                  .filter(line -> line.contains("WARN")))
          .singleElement()
          .asString()
          .contains("until the chain answers again its failures are logged at DEBUG");
      assertThat(output.getOut())
          .containsOnlyOnce("anchoring of log " + h.origin + ": a check went through after");
    }
  }

  @Test
  void openCircuitBreakerStopsTheAnchorerFromCallingTheChain(PostgresServer.Database db)
      throws Exception {
    try (AnchoringHarness h = new AnchoringHarness(chain, db);
        TcpProxy proxy = TcpProxy.toUrl(chain.rpcUrl())) {
      proxy.cut();
      ConfigurableApplicationContext app =
          h.start(proxy.httpUrl(), "govchain.anchor.resilience.circuit-open-for=5m");
      CircuitBreaker breaker = app.getBean(ChainCalls.class).circuitBreaker();
      MeterRegistry meters = app.getBean(MeterRegistry.class);
      long size = h.appendCheckpoint(5);

      awaitTrue("the breaker opens", () -> breaker.getState() == CircuitBreaker.State.OPEN);
      long attemptsWhenOpened = proxy.refusedConnections();
      double refusedByBreaker = failures(meters, "circuit-open");
      awaitTrue(
          "the anchorer has checked ten more times",
          () -> failures(meters, "circuit-open") >= refusedByBreaker + 10);

      assertThat(attemptsWhenOpened).isPositive();
      assertThat(proxy.refusedConnections()).isEqualTo(attemptsWhenOpened);
      assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isGreaterThanOrEqualTo(10);
      assertThat(h.state(size)).isEqualTo("NONE");
      assertThat(h.transactions()).isEmpty();
    }
  }

  private static double failures(MeterRegistry meters, String kind) {
    Counter counter = meters.find("govchain.anchor.failures").tag("kind", kind).counter();
    return counter == null ? 0 : counter.count();
  }

  private static HttpResponse<String> get(String url) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
