package org.govchain.seal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.govchain.testsupport.http.KeepAliveLoad;
import org.govchain.testsupport.http.KeepAliveLoad.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seal service keeps serving pooled keep-alive connections: 10,000 requests of mixed kinds
 * (reads, JSON writes, multipart sealings and verifications, 400/401/403/404/422 problems) over
 * four connections, none slower than two seconds. Reactor Netty 1.3.6 lost the read of a request
 * that arrived on a connection before the previous exchange had terminated, and the request waited
 * until the client closed the connection (the 90 s stall of issue 9).
 */
@WithPostgres
class SealKeepAliveIT {

  private static final int REQUESTS = 10_000;
  private static final int CONNECTIONS = 4;
  private static final String BOUNDARY = "govchain-keep-alive-boundary";

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
  void tenThousandMixedRequestsOverFourKeepAliveConnectionsAreEachAnsweredWithinTwoSeconds() {
    String sealId = app.createSeal(SealApp.createRequest("keep-alive"));
    byte[] sealedPdf =
        app.client
            .post()
            .uri("/api/seal/seals/{id}/sealings", sealId)
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .bodyValue(SealApp.sealingForm(SealApp.pdf("sealed once"), "1"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    List<Request> mix = mix(sealId, sealedPdf);

    KeepAliveLoad.Report report =
        KeepAliveLoad.against(
                "http://127.0.0.1:" + app.context.getEnvironment().getProperty("local.server.port"),
                CONNECTIONS,
                Duration.ofSeconds(20))
            .run(REQUESTS, i -> mix.get(i % mix.size()));

    System.out.println("SealKeepAliveIT: " + report); // the figures of the run, for the record
    assertThat(report.failed()).as(report.toString()).isEmpty();
    assertThat(report.slowerThan(Duration.ofSeconds(2))).as(report.toString()).isEmpty();
    // the connections were really reused: otherwise this test could not see the defect
    assertThat(report.connectionsOpened()).as(report.toString()).isLessThanOrEqualTo(CONNECTIONS);
    assertThat(report.countsByKind()).hasSize(mix.size());
  }

  private static List<Request> mix(String sealId, byte[] sealedPdf) {
    String clerk = "Bearer " + app.tokens.token(SealApp.CLERK, "seal-clerk");
    String auditor = "Bearer " + app.tokens.token(SealApp.AUDITOR, "auditor");
    Map<String, String> json = Map.of("Content-Type", "application/json");
    Map<String, String> multipart =
        Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    byte[] create = json(SealApp.createRequest("keep-alive seal"));
    Map<String, Object> badCode = SealApp.createRequest("bad code");
    badCode.put("creditCode", "914403001922038217");
    byte[] sealing =
        multipart(
            Map.of("page", "1", "x", "120", "y", "200", "width", "40"),
            "document",
            SealApp.pdf("keep-alive"));
    byte[] verification = multipart(Map.of(), "document", sealedPdf);
    return List.of(
        Request.get("list seals", "/api/seal/seals?size=5", with(clerk), 200),
        Request.get("read seal", "/api/seal/seals/" + sealId, with(clerk), 200),
        new Request("create seal", "POST", "/api/seal/seals", with(clerk, json), create, 201),
        new Request(
            "seal a PDF",
            "POST",
            "/api/seal/seals/" + sealId + "/sealings",
            with(clerk, multipart),
            sealing,
            201),
        new Request(
            "verify a PDF (public)",
            "POST",
            "/api/seal/verifications",
            multipart,
            verification,
            200),
        new Request("no token 401", "POST", "/api/seal/seals", json, create, 401),
        Request.get(
            "invalid token 401", "/api/seal/seals", Map.of("Authorization", "Bearer x.y.z"), 401),
        new Request(
            "auditor writes 403", "POST", "/api/seal/seals", with(auditor, json), create, 403),
        Request.get("unknown seal 404", "/api/seal/seals/" + UUID.randomUUID(), with(clerk), 404),
        new Request(
            "invalid credit code 422",
            "POST",
            "/api/seal/seals",
            with(clerk, json),
            json(badCode),
            422),
        new Request(
            "malformed JSON 400",
            "POST",
            "/api/seal/seals",
            with(clerk, json),
            "{\"name\":".getBytes(StandardCharsets.UTF_8),
            400),
        Request.get(
            "proof not anchored 409", "/api/seal/seals/" + sealId + "/proof", with(clerk), 409));
  }

  private static Map<String, String> with(String authorization) {
    return Map.of("Authorization", authorization);
  }

  private static Map<String, String> with(String authorization, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Authorization", authorization);
    return all;
  }

  private static byte[] json(Map<String, Object> value) {
    return JsonMapper.builder().build().writeValueAsBytes(value);
  }

  /** A multipart/form-data body with text fields and one file part. */
  private static byte[] multipart(Map<String, String> fields, String fileField, byte[] file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            out.writeBytes(
                ("--"
                        + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\""
                + fileField
                + "\"; filename=\"document.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
