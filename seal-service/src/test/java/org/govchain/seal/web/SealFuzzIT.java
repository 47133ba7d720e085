package org.govchain.seal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.govchain.seal.testing.HostileForms;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.govchain.testsupport.fuzz.WriteFuzzing;
import org.govchain.testsupport.fuzz.WriteFuzzing.Target;
import org.govchain.testsupport.process.Http;
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

  @Test
  void bothUploadsRefuseGeneratedHostileFormsAndWriteNothing(CapturedOutput output) {
    String clerk = app.tokens.token(SealApp.CLERK, "seal-clerk");
    String seal = app.createSeal(SealApp.createRequest("fuzz sealing seal"));
    int count = Integer.getInteger(WriteFuzzing.CASES, 50);
    long seed = Long.getLong(WriteFuzzing.SEED, System.currentTimeMillis());
    System.out.printf("[fuzz] /api/seal uploads seed=%d cases-per-operation=%d%n", seed, count);
    HostileForms forms = new HostileForms(seed);
    byte[] pdf = SealApp.pdf("Contract for fuzzing");

    Map<String, Object> sealing = new java.util.LinkedHashMap<>();
    sealing.put("document", new Http.Part("contract.pdf", "application/pdf", pdf));
    sealing.put("page", "1");
    sealing.put("x", "120");
    sealing.put("y", "200");
    sealing.put("width", "40");
    List<String> coordinates =
        List.of(
            "-1", "abc", "NaN", "Infinity", "-Infinity", "1e400", "", "1\u0000", "长".repeat(5000));
    Map<String, List<String>> invalid =
        Map.of(
            "page",
            List.of(
                "0", "-1", "abc", "1.5", "2147483648", "", "NaN", "1\u0000", "2", "长".repeat(5000)),
            "x",
            coordinates,
            "y",
            coordinates,
            "width",
            List.of("0", "-5", "abc", "NaN", "Infinity", "1e400", "", "1\u0000"));
    Target sealingTarget =
        new Target(
            "POST",
            "/api/seal/seals/{id}/sealings",
            "/api/seal/seals/" + seal + "/sealings",
            clerk,
            Map.of(),
            201);
    WriteFuzzing.Outcome sealed =
        WriteFuzzing.run(
            app.service,
            output,
            sealingTarget,
            forms.cases(sealing, invalid, count),
            HostileForms.valid(sealing));

    byte[] sealedPdf = app.sealPdf(seal, pdf);
    Map<String, Object> verification = new java.util.LinkedHashMap<>();
    verification.put("document", new Http.Part("sealed.pdf", "application/pdf", sealedPdf));
    Target verificationTarget =
        new Target(
            "POST", "/api/seal/verifications", "/api/seal/verifications", clerk, Map.of(), 200);
    WriteFuzzing.Outcome verified =
        WriteFuzzing.run(
            app.service,
            output,
            verificationTarget,
            forms.cases(verification, Map.of(), count),
            HostileForms.valid(verification),
            // a sealed PDF cut before its signature is the unsigned PDF it was: said so, truly
            (status, body) -> status == 200 && body.contains("\"verdict\":\"NOT_SIGNED\""));
    for (WriteFuzzing.Outcome outcome : List.of(sealed, verified)) {
      System.out.printf(
          "[fuzz] %s cases=%d statuses=%s findings=%d%n",
          outcome.operation(), outcome.cases(), outcome.statuses(), outcome.findings().size());
      outcome.findings().stream().limit(10).forEach(f -> System.out.println("[fuzz]   " + f));
    }
    assertThat(WriteFuzzing.findings(List.of(sealed, verified))).isEmpty();
  }
}
