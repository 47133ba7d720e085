package org.govchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.e2e.GatewaySecurityIT.assertProblem;

import java.time.Duration;
import java.util.Map;
import org.govchain.testsupport.process.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A service that is not running (its route points at a closed port): the gateway answers a 503
 * problem at once, retries of reads included, instead of hanging.
 */
@ExtendWith(SuiteExtension.class)
class ServiceDownIT {

  private static final Duration FAST = Duration.ofSeconds(2);

  @Test
  void readFromAServiceThatIsDownGetsA503ProblemWithinTwoSeconds(Suite suite) {
    String sscClerk = suite.token("ssc-clerk");
    long start = System.nanoTime();
    Http.Response answer =
        suite.viaGateway().get("/api/ssc/cards/00000000-0000-0000-0000-000000000001", sscClerk);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertProblem(answer, 503, "service-unavailable");
    assertThat(answer.json().path("detail").asString()).contains("ssc");
    assertThat(took).isLessThan(FAST);
  }

  @Test
  void writeToAServiceThatIsDownGetsA503ProblemWithinTwoSeconds(Suite suite) {
    String accountingClerk = suite.token("accounting-clerk");
    long start = System.nanoTime();
    Http.Response answer =
        suite
            .viaGateway()
            .postJson(
                "/api/accounting/units/00000000-0000-0000-0000-000000000001/vouchers",
                accountingClerk,
                Map.of("summary", "x"));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertProblem(answer, 503, "service-unavailable");
    assertThat(took).isLessThan(FAST);
  }
}
