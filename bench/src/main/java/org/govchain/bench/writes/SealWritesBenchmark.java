package org.govchain.bench.writes;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.govchain.bench.load.BenchTokens;
import org.govchain.bench.load.Calls;
import org.govchain.testsupport.samples.SealSamples;

/**
 * The seal service's main writes end to end, straight to the service and through the gateway
 * ({@link WritesRun}): seals created by a clerk ({@code POST /api/seal/seals} with an {@code
 * Idempotency-Key}: a key pair, a certificate from the service's CA, the key wrapped, the seal
 * stored and logged) and PDFs sealed ({@code POST /api/seal/seals/{id}/sealings}, multipart: the
 * document parsed, the stamp drawn, a CMS signature made and embedded, the sealed PDF returned and
 * the sealing logged) for documents of several page counts and sizes, all with one active seal.
 *
 * <p>Arguments (all optional): {@code concurrency=8 rounds=3 seconds=10 warmup=30 profile=true
 * documents=1x0,20x0,1x2000000} (pages × bytes of a picture of random pixels on the first page)
 * {@code sealJar=seal-service/target/…jar gatewayJar=gateway/target/…jar}, and for before/after
 * figures from one run {@code compareSealJar=<another seal-service jar> label=… compareLabel=…}:
 * that jar on a database of its own, loaded straight as a third path in every round.
 */
public final class SealWritesBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SealWritesBenchmark() {}

  public static void main(String[] args) throws Exception {
    WritesRun.Options options = WritesRun.Options.parse(args);
    if (!options.values().containsKey("warmup")) {
      // eight targets: a shorter warm-up each keeps the run near ten minutes
      options.values().put("warmup", "30");
    }
    int concurrency = options.concurrency();
    Path work = Files.createDirectories(Path.of("bench/target/seal-writes"));

    BenchTokens tokens = BenchTokens.create();
    String clerk = tokens.token("bench-clerk", "seal-clerk");
    String compareJar = options.get("compareSealJar", "");
    try (WritesRun.Suite suite =
        WritesRun.Suite.start(
            "seal-service",
            options.jar("sealJar", "seal-service"),
            compareJar.isEmpty() ? null : Path.of(compareJar),
            "SEAL_PORT",
            "GOVCHAIN_SEAL_URL",
            Map.of("GOVCHAIN_SEAL_DATA_DIR", work.resolve("seal-data").toAbsolutePath().toString()),
            Map.of(
                "GOVCHAIN_SEAL_DATA_DIR",
                work.resolve("seal-data-compare").toAbsolutePath().toString()),
            options.jar("gatewayJar", "gateway"),
            tokens,
            work,
            options)) {
      AtomicInteger seals = new AtomicInteger();
      // the seal every sealing uses, one per service (the gateway routes to the first)
      Map<String, String> sealAt = new java.util.HashMap<>();
      String seal =
          Calls.field(
              Calls.send(
                  suite.client,
                  createRequest(suite.service.baseUrl(), clerk, seals.incrementAndGet()),
                  201),
              "id");
      sealAt.put(suite.service.baseUrl(), seal);
      sealAt.put(suite.gateway.baseUrl(), seal);
      if (suite.compare != null) {
        sealAt.put(
            suite.compare.baseUrl(),
            Calls.field(
                Calls.send(
                    suite.client,
                    createRequest(suite.compare.baseUrl(), clerk, seals.incrementAndGet()),
                    201),
                "id"));
      }

      List<WritesRun.Target> targets = new ArrayList<>();
      targets.addAll(
          suite.bothPaths(
              "seal created",
              () -> {},
              result -> {},
              baseUrl -> () -> createRequest(baseUrl, clerk, seals.incrementAndGet()),
              answer -> answer.statusCode() == 201,
              concurrency));
      List<String> described = new ArrayList<>();
      for (String spec : options.get("documents", "1x0,20x0,1x2000000").split(",")) {
        String[] parts = spec.split("x");
        int pages = Integer.parseInt(parts[0]);
        int imageBytes = Integer.parseInt(parts[1]);
        byte[] pdf = SealSamples.pdf(pages, "GovChain sealing benchmark", imageBytes);
        String write = String.format("PDF sealed (%d p, %,.1f KB)", pages, pdf.length / 1024.0);
        described.add(write);
        String boundary = "govchain-bench-" + UUID.randomUUID();
        byte[] body = multipart(boundary, pdf);
        targets.addAll(
            suite.bothPaths(
                write,
                () -> {},
                result -> {},
                baseUrl -> {
                  HttpRequest request =
                      HttpRequest.newBuilder(
                              URI.create(
                                  baseUrl + "/api/seal/seals/" + sealAt.get(baseUrl) + "/sealings"))
                          .header("Authorization", "Bearer " + clerk)
                          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                          .timeout(Duration.ofSeconds(60))
                          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                          .build();
                  return () -> request;
                },
                answer -> answer.statusCode() == 201,
                concurrency));
      }
      WritesRun.run(
          "Seal service (ECDSA P-256 seals; documents: " + String.join("; ", described) + ")",
          suite,
          targets,
          options,
          work);
    }
  }

  /** A clerk's seal creation, its name numbered, with its own key. */
  private static HttpRequest createRequest(String baseUrl, String clerk, int n) {
    try {
      return Calls.post(
          baseUrl + "/api/seal/seals",
          clerk,
          JSON.writeValueAsString(SealSamples.sealRequest("基准测试专用章 " + n)),
          true);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The sealing form: the document, then where the stamp goes (page 1, 20 mm in, 40 mm wide). */
  private static byte[] multipart(String boundary, byte[] pdf) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder fields = new StringBuilder();
    for (Map.Entry<String, String> field :
        Map.of("page", "1", "x", "20", "y", "20", "width", "40").entrySet()) {
      fields
          .append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"")
          .append(field.getKey())
          .append("\"\r\n\r\n")
          .append(field.getValue())
          .append("\r\n");
    }
    fields
        .append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"document\"; filename=\"document.pdf\"")
        .append("\r\nContent-Type: application/pdf\r\n\r\n");
    out.writeBytes(fields.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(pdf);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
