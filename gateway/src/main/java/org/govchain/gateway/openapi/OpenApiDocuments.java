package org.govchain.gateway.openapi;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import org.govchain.anchor.web.requestid.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v3/api-docs}: one OpenAPI document for the whole suite, merged from the services' own
 * documents (asked in parallel, each within {@code docs-timeout}) and kept for {@code docs-cache}
 * ({@link MergedApiDocument}). The Swagger UI lists it and each service's document ({@code
 * /api/<service>/v3/api-docs}, routed to the service).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocuments {

  static final String PATH = "/v3/api-docs";

  private static final Logger log = LoggerFactory.getLogger(OpenApiDocuments.class);

  @Bean
  MergedApiDocument mergedApiDocument(ServicesProperties properties) {
    WebClient client = WebClient.builder().build();
    List<Map.Entry<String, ServicesProperties.Service>> services =
        List.copyOf(new TreeMap<>(properties.services()).entrySet());
    return new MergedApiDocument(
        requestId ->
            Flux.fromIterable(services)
                .flatMapSequential(
                    s -> fetch(client, s.getKey(), s.getValue(), requestId, properties))
                .collectList(),
        properties.docsCache(),
        Clock.systemUTC());
  }

  @Bean
  RouterFunction<ServerResponse> mergedApiDocs(MergedApiDocument merged) {
    return RouterFunctions.route()
        .GET(
            PATH,
            request ->
                merged
                    .get(request.exchange().getAttributeOrDefault(RequestIds.ATTRIBUTE, "openapi"))
                    .flatMap(
                        document ->
                            ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(document)))
        .build();
  }

  /** The service's document, or the reason it is missing (never an error). */
  private static Mono<FetchedDocument> fetch(
      WebClient client,
      String name,
      ServicesProperties.Service service,
      String requestId,
      ServicesProperties properties) {
    return client
        .get()
        .uri(service.url().resolve(service.docsPath()))
        .accept(MediaType.APPLICATION_JSON)
        .header(RequestIds.HEADER, requestId)
        .retrieve()
        .bodyToMono(JsonNode.class)
        .timeout(properties.docsTimeout())
        .map(document -> FetchedDocument.of(name, document))
        .onErrorResume(
            e -> {
              log.info("OpenAPI document of {} unavailable: {}", name, e.toString());
              return Mono.just(
                  FetchedDocument.failed(name, "it did not answer (" + reason(e) + ")"));
            })
        .defaultIfEmpty(FetchedDocument.failed(name, "it answered with an empty document"));
  }

  private static String reason(Throwable e) {
    if (e instanceof TimeoutException) {
      return "timed out";
    }
    if (e instanceof WebClientResponseException r) {
      return "status " + r.getStatusCode().value();
    }
    return "not reachable";
  }
}
