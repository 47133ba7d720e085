package org.govchain.gateway.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.govchain.anchor.web.requestid.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v3/api-docs}: one OpenAPI document for the whole suite, gathered from the services'
 * own documents at request time (in parallel, each within {@code docs-timeout}); a service that is
 * down is left out and named in the description. The Swagger UI lists it and each service's
 * document ({@code /api/<service>/v3/api-docs}, routed to the service).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocuments {

  static final String PATH = "/v3/api-docs";

  private static final Logger log = LoggerFactory.getLogger(OpenApiDocuments.class);

  @Bean
  RouterFunction<ServerResponse> mergedApiDocs(ServicesProperties properties) {
    WebClient client = WebClient.builder().build();
    return RouterFunctions.route()
        .GET(PATH, request -> merged(request, properties, client))
        .build();
  }

  private static Mono<ServerResponse> merged(
      ServerRequest request, ServicesProperties properties, WebClient client) {
    String requestId = request.exchange().getAttributeOrDefault(RequestIds.ATTRIBUTE, "openapi");
    List<Map.Entry<String, ServicesProperties.Service>> services =
        List.copyOf(new TreeMap<>(properties.services()).entrySet());
    return Flux.fromIterable(services)
        .flatMapSequential(s -> fetch(client, s.getKey(), s.getValue(), requestId, properties))
        .collectList()
        .flatMap(
            results -> {
              Map<String, JsonNode> documents = new LinkedHashMap<>();
              Map<String, String> missing = new LinkedHashMap<>();
              for (Tuple2<String, Object> r : results) {
                if (r.getT2() instanceof JsonNode document) {
                  documents.put(r.getT1(), document);
                } else {
                  missing.put(r.getT1(), (String) r.getT2());
                }
              }
              return ServerResponse.ok()
                  .contentType(MediaType.APPLICATION_JSON)
                  .bodyValue(OpenApiMerger.merge(documents, missing));
            });
  }

  /** The service's document, or the reason it is missing (never an error). */
  private static Mono<Tuple2<String, Object>> fetch(
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
        .<Tuple2<String, Object>>map(document -> Tuples.of(name, document))
        .onErrorResume(
            e -> {
              log.info("OpenAPI document of {} unavailable: {}", name, e.toString());
              return Mono.just(Tuples.of(name, "it did not answer (" + reason(e) + ")"));
            })
        .defaultIfEmpty(Tuples.of(name, "it answered with an empty document"));
  }

  private static String reason(Throwable e) {
    if (e instanceof java.util.concurrent.TimeoutException) {
      return "timed out";
    }
    if (e
        instanceof org.springframework.web.reactive.function.client.WebClientResponseException r) {
      return "status " + r.getStatusCode().value();
    }
    return "not reachable";
  }
}
