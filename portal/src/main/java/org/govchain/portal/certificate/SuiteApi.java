package org.govchain.portal.certificate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.govchain.anchor.web.problem.CommonProblem;
import org.govchain.anchor.web.problem.ProblemException;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The suite's HTTP API as the portal uses it, through the gateway: proof bundles (with the caller's
 * token, so the caller's rights apply, or with the portal's reading client for evidence links), the
 * platform seal (found by its credit code and name, made once when there is none) and sealing a PDF
 * with it.
 */
final class SuiteApi {

  /** Seals read per page while looking for the platform seal (the seal service's maximum). */
  private static final int SEAL_PAGE = 200;

  private final WebClient http;
  private final CertificateProperties properties;
  private final ClientCredentials sealing;
  private final ClientCredentials reading;
  private final SealImage sealImage;
  private final AtomicReference<String> platformSeal = new AtomicReference<>();

  SuiteApi(
      WebClient http,
      CertificateProperties properties,
      ClientCredentials sealing,
      ClientCredentials reading,
      SealImage sealImage) {
    this.http = http;
    this.properties = properties;
    this.sealing = sealing;
    this.reading = reading;
    this.sealImage = sealImage;
  }

  /**
   * The bundle at {@code path} (under the gateway) read with {@code authorization}, the caller's
   * {@code Authorization} header or {@code null}. Refusals keep their meaning: 401, 403, 404 and
   * 409 (not anchored yet) are answered as such.
   */
  Mono<byte[]> bundle(String path, String authorization) {
    return http.get()
        .uri(properties.gatewayUrl() + path)
        .headers(
            h -> {
              if (authorization != null) {
                h.set(HttpHeaders.AUTHORIZATION, authorization);
              }
            })
        .accept(MediaType.APPLICATION_JSON)
        .exchangeToMono(response -> bundleAnswer(path, response))
        .timeout(properties.timeout())
        .onErrorMap(
            e -> !(e instanceof ProblemException),
            e -> new SuiteUnavailableException("reading " + path + " failed: " + e, e));
  }

  /**
   * The bundle of leaf {@code index} of the log under {@code apiPrefix}, as the portal reads it.
   */
  Mono<byte[]> evidenceBundle(String apiPrefix, long index) {
    String path = apiPrefix + "/log/entries/" + index + "/bundle";
    return reading.authorization().flatMap(authorization -> bundle(path, authorization));
  }

  private static Mono<byte[]> bundleAnswer(String path, ClientResponse response) {
    HttpStatusCode status = response.statusCode();
    if (status.is2xxSuccessful()) {
      return response.bodyToMono(byte[].class);
    }
    ProblemException refusal =
        switch (status.value()) {
          case 401 ->
              new ProblemException(
                  CommonProblem.UNAUTHORIZED, "reading the bundle at " + path + " needs a token");
          case 403 ->
              new ProblemException(
                  CommonProblem.FORBIDDEN, "your token may not read the bundle at " + path);
          case 404 -> new ProblemException(CommonProblem.NOT_FOUND, "no bundle at " + path);
          case 409 ->
              new ProblemException(
                  CommonProblem.CONFLICT,
                  "the record at " + path + " is not anchored yet; retry soon");
          default ->
              new SuiteUnavailableException("reading " + path + " answered HTTP " + status.value());
        };
    return response.releaseBody().then(Mono.error(refusal));
  }

  /** {@code pdf} sealed with the platform seal at {@code placement}. */
  Mono<byte[]> seal(byte[] pdf, CertificateDocument.SealPlacement placement, String filename) {
    return platformSealId()
        .flatMap(
            sealId ->
                sealing
                    .authorization()
                    .flatMap(
                        authorization -> {
                          MultipartBodyBuilder form = new MultipartBodyBuilder();
                          form.part("document", new ByteArrayResource(pdf))
                              .filename(filename)
                              .contentType(MediaType.APPLICATION_PDF);
                          form.part("page", Integer.toString(placement.page()));
                          form.part("x", number(placement.x()));
                          form.part("y", number(placement.y()));
                          form.part("width", number(placement.width()));
                          return http.post()
                              .uri(
                                  properties.gatewayUrl()
                                      + "/api/seal/seals/"
                                      + sealId
                                      + "/sealings")
                              .header(HttpHeaders.AUTHORIZATION, authorization)
                              .contentType(MediaType.MULTIPART_FORM_DATA)
                              .accept(MediaType.APPLICATION_PDF)
                              .body(BodyInserters.fromMultipartData(form.build()))
                              .exchangeToMono(
                                  response -> {
                                    if (response.statusCode().value() == 201) {
                                      return response.bodyToMono(byte[].class);
                                    }
                                    // a seal suspended or revoked since: look again next time
                                    platformSeal.compareAndSet(sealId, null);
                                    return response
                                        .bodyToMono(String.class)
                                        .defaultIfEmpty("")
                                        .flatMap(
                                            body ->
                                                Mono.error(
                                                    new SuiteUnavailableException(
                                                        "the seal service refused to seal a"
                                                            + " certificate with seal "
                                                            + sealId
                                                            + ": HTTP "
                                                            + response.statusCode().value()
                                                            + " "
                                                            + body)));
                                  });
                        }))
        .timeout(properties.timeout())
        .onErrorMap(
            e -> !(e instanceof ProblemException),
            e -> new SuiteUnavailableException("sealing a certificate failed: " + e, e));
  }

  /**
   * The platform seal's id: the ACTIVE seal of the configured credit code that bears the configured
   * name, made when there is none. The organisation's other seals (its 公章, a contract seal, the
   * walkthrough's sample) are never used for certificates.
   */
  Mono<String> platformSealId() {
    String known = platformSeal.get();
    if (known != null) {
      return Mono.just(known);
    }
    return sealing
        .authorization()
        .flatMap(
            authorization ->
                findPlatformSeal(authorization, 0)
                    .switchIfEmpty(Mono.defer(() -> createSeal(authorization))))
        .doOnNext(platformSeal::set);
  }

  /** The platform seal among the credit code's ACTIVE seals, from page {@code page} on. */
  private Mono<String> findPlatformSeal(String authorization, int page) {
    CertificateProperties.Seal seal = properties.seal();
    return http.get()
        .uri(
            properties.gatewayUrl()
                + "/api/seal/seals?status=ACTIVE&size="
                + SEAL_PAGE
                + "&page="
                + page
                + "&creditCode="
                + seal.creditCode())
        .header(HttpHeaders.AUTHORIZATION, authorization)
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .bodyToMono(JsonNode.class)
        .flatMap(
            answer -> {
              JsonNode items = answer.path("items");
              for (JsonNode item : items) {
                if (seal.name().equals(item.path("name").asString())) {
                  return Mono.just(item.path("id").asString());
                }
              }
              return items.size() < SEAL_PAGE
                  ? Mono.empty()
                  : findPlatformSeal(authorization, page + 1);
            });
  }

  private Mono<String> createSeal(String authorization) {
    CertificateProperties.Seal seal = properties.seal();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("name", seal.name());
    request.put("organisation", seal.organisation());
    request.put("creditCode", seal.creditCode());
    request.put("type", "OFFICIAL");
    request.put("validFrom", now.minus(5, ChronoUnit.MINUTES).toString());
    request.put("validUntil", now.plus(3 * 365, ChronoUnit.DAYS).toString());
    request.put("imagePng", Base64.getEncoder().encodeToString(sealImage.png(seal.organisation())));
    return http.post()
        .uri(properties.gatewayUrl() + "/api/seal/seals")
        .header(HttpHeaders.AUTHORIZATION, authorization)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(request)
        .retrieve()
        .bodyToMono(JsonNode.class)
        .map(created -> created.path("id").asString());
  }

  private static String number(double millimetres) {
    return millimetres == Math.rint(millimetres)
        ? Long.toString((long) millimetres)
        : Double.toString(millimetres);
  }
}
