package org.govchain.seal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.govchain.testsupport.fuzz.WriteFuzzing;
import org.govchain.testsupport.fuzz.WriteFuzzing.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Generated hostile input (issue 14) to every JSON write of the seal API, from its OpenAPI document
 * with test-support's {@code HostileBodies}: each case a 4xx problem that shows nothing of the
 * service's insides, no row written in any table, nothing at ERROR, a healthy service; then the
 * valid body is taken. {@code -Dgovchain.fuzz.cases=2000} for the long run, {@code
 * -Dgovchain.fuzz.seed=…} to replay one.
 */
@WithPostgres
@ExtendWith(OutputCaptureExtension.class)
class SealFuzzIT {

  private static SealApp app;

  @BeforeAll
  static void start(PostgresServer.Database db) {
    app = SealApp.start(db);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void everyJsonWriteRefusesGeneratedHostileBodiesAndWritesNothing(CapturedOutput output) {
    String clerk = app.tokens.token(SealApp.CLERK, "seal-clerk");
    String signing = app.createSeal(SealApp.createRequest("fuzz signing seal"));
    String revoked = app.createSeal(SealApp.createRequest("fuzz revoked seal"));
    List<Target> targets =
        List.of(
            new Target(
                "POST",
                "/api/seal/seals",
                "/api/seal/seals",
                clerk,
                SealApp.createRequest("fuzz seal"),
                201),
            new Target(
                "POST",
                "/api/seal/seals/{id}/signatures",
                "/api/seal/seals/" + signing + "/signatures",
                clerk,
                Map.of("hash", "ab".repeat(32), "hashAlgorithm", "SHA-256"),
                201),
            new Target(
                "POST",
                "/api/seal/seals/{id}/revoke",
                "/api/seal/seals/" + revoked + "/revoke",
                clerk,
                Map.of("reason", "key compromised\nreported by the holder"),
                200));
    List<WriteFuzzing.Outcome> outcomes =
        WriteFuzzing.runAll(app.service, output, "/api/seal", targets);
    assertThat(WriteFuzzing.findings(outcomes)).isEmpty();
  }
}
