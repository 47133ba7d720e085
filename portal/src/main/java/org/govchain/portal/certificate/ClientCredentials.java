package org.govchain.portal.certificate;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.govchain.anchor.web.problem.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Access tokens of one confidential client (OAuth 2.0 client credentials grant), kept until shortly
 * before they expire. A token endpoint that refuses, fails or does not answer within the timeout is
 * a {@link SuiteUnavailableException} (503).
 */
final class ClientCredentials {

  /** A token is renewed this long before its expiry. */
  private static final Duration MARGIN = Duration.ofSeconds(30);

  private final WebClient http;
  private final URI tokenUri;
  private final CertificateProperties.Client client;
  private final Duration timeout;
  private final Clock clock;
  private final AtomicReference<Token> current = new AtomicReference<>();

  private record Token(String value, Instant renewAt) {}

  ClientCredentials(
      WebClient http,
      URI tokenUri,
      CertificateProperties.Client client,
      Duration timeout,
      Clock clock) {
    this.http = http;
    this.tokenUri = tokenUri;
    this.client = client;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** A valid access token, from the cache or the token endpoint. */
  Mono<String> token() {
    Token token = current.get();
    if (token != null && clock.instant().isBefore(token.renewAt())) {
      return Mono.just(token.value());
    }
    return http.post()
        .uri(tokenUri)
        .headers(h -> h.setBasicAuth(client.id(), client.secret()))
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .accept(MediaType.APPLICATION_JSON)
        .body(BodyInserters.fromFormData("grant_type", "client_credentials"))
        .retrieve()
        .bodyToMono(JsonNode.class)
        .timeout(timeout)
        .map(
            body -> {
              String value = body.path("access_token").asString("");
              if (value.isEmpty()) {
                throw new SuiteUnavailableException(
                    "the token endpoint answered no access_token for client " + client.id());
              }
              long seconds = body.path("expires_in").asLong(60);
              Token fresh = new Token(value, clock.instant().plusSeconds(seconds).minus(MARGIN));
              current.set(fresh);
              return value;
            })
        .onErrorMap(
            WebClientResponseException.class,
            e ->
                new SuiteUnavailableException(
                    "the token endpoint refused client "
                        + client.id()
                        + ": HTTP "
                        + e.getStatusCode().value(),
                    e))
        // refused, reset or too slow (the auth server down): the caller gets 503, not a 500
        .onErrorMap(
            e -> !(e instanceof ProblemException),
            e ->
                new SuiteUnavailableException(
                    "the token endpoint "
                        + tokenUri
                        + " did not answer for client "
                        + client.id()
                        + ": "
                        + e,
                    e));
  }

  /** The bearer header value for a request. */
  Mono<String> authorization() {
    return token().map(t -> "Bearer " + t);
  }
}
