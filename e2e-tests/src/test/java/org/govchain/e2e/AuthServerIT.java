package org.govchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.e2e.GatewaySecurityIT.assertProblem;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.process.AuthServer;
import org.govchain.testsupport.process.Http;
import org.govchain.testsupport.samples.SealSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tokens from the real auth server at the gateway and the seal service: a demo user signing in
 * through the web client (form login, authorization code with PKCE) works with the records under
 * their own name, and the role in an issued token decides what it may read.
 */
@ExtendWith(SuiteExtension.class)
class AuthServerIT {

  private static final Duration LOG_DEADLINE = Duration.ofSeconds(30);

  @Test
  void signedInClerkCreatesAndSealsThroughTheGatewayAndASignedInAuditorSeesTheirName(Suite suite) {
    Http gateway = suite.viaGateway();
    AuthServer.SignIn clerk = suite.auth.signIn("seal-clerk-user", "seal-clerk-dev-password");

    // the code went to the web client's redirect page, which the gateway serves without a token
    assertThat(clerk.redirectedTo().toString()).startsWith(suite.auth.webRedirectUri());
    Http.Response redirectPage = gateway.get(clerk.redirectedTo().getRawPath(), null);
    assertThat(redirectPage.status()).as("%s", redirectPage).isEqualTo(200);

    Http.Response created =
        gateway.postJson(
            "/api/seal/seals",
            clerk.accessToken(),
            SealSamples.sealRequest("signed-in clerk's seal"));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String sealId = created.json().path("id").asString();
    Http.Response read = gateway.get("/api/seal/seals/" + sealId, clerk.accessToken());
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    assertThat(read.json().path("name").asString()).isEqualTo("signed-in clerk's seal");

    Http.Response stamped =
        gateway.postMultipart(
            "/api/seal/seals/" + sealId + "/sealings",
            clerk.accessToken(),
            Map.of(
                "document",
                new Http.Part("letter.pdf", "application/pdf", SealSamples.pdf("signed-in letter")),
                "page",
                "1",
                "x",
                "30",
                "y",
                "40",
                "width",
                "40"));
    assertThat(stamped.status()).as("%s", stamped).isEqualTo(201);
    String sealingId = stamped.header("Sealing-Id");

    AuthServer.SignIn auditor = suite.auth.signIn("auditor-user", "auditor-dev-password");
    Http.Response sealing = gateway.get("/api/seal/sealings/" + sealingId, auditor.accessToken());
    assertThat(sealing.status()).as("%s", sealing).isEqualTo(200);
    assertThat(sealing.json().path("operator").asString())
        .as("the token's sub, the signed-in user, is recorded as the operator")
        .isEqualTo("seal-clerk-user");

    // the signed-in auditor may read but not create
    assertProblem(
        gateway.postJson(
            "/api/seal/seals", auditor.accessToken(), SealSamples.sealRequest("never created")),
        403,
        "forbidden");
  }

  @Test
  void clerkTokenIsRefusedTheFullLogEntryThatAnAuditorTokenReads(Suite suite) {
    Http gateway = suite.viaGateway();
    String clerk = suite.token("seal-clerk");
    String auditor = suite.token("auditor");
    Http.Response created =
        gateway.postJson("/api/seal/seals", clerk, SealSamples.sealRequest("log entry seal"));
    assertThat(created.status()).as("%s", created).isEqualTo(201);

    Http.Response entry = awaitFirstLogEntry(gateway, auditor);
    assertThat(entry.status()).as("%s", entry).isEqualTo(200);

    assertProblem(gateway.get("/api/seal/log/entries/0", clerk), 403, "forbidden");
    // the service checks the role again by itself
    Http.Response direct = suite.direct().get("/api/seal/log/entries/0", clerk);
    assertThat(direct.status()).as("%s", direct).isEqualTo(403);
    assertThat(direct.json().path("type").asString())
        .isEqualTo("https://govchain.example/problems/forbidden");
    assertThat(suite.direct().get("/api/seal/log/entries/0", auditor).status()).isEqualTo(200);
    // proofs hold hashes only: the clerk may read those
    Http.Response checkpoint = gateway.get("/api/seal/log/checkpoint", clerk);
    assertThat(checkpoint.status()).as("%s", checkpoint).isEqualTo(200);
  }

  /** {@code GET /api/seal/log/entries/0} once the sequencer has put the first record there. */
  private static Http.Response awaitFirstLogEntry(Http gateway, String auditor) {
    // the log's sequencer runs every 100 ms; anything but 404 (not there yet) ends the wait
    return Await.value(
        "the first log entry",
        LOG_DEADLINE,
        Duration.ofMillis(200),
        () ->
            Optional.of(gateway.get("/api/seal/log/entries/0", auditor))
                .filter(answer -> answer.status() != 404));
  }
}
