package org.govchain.gateway.openapi;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One service's OpenAPI document as the gateway asked for it: the document, or why there is none.
 *
 * @param service the service's name ({@code seal}, {@code ssc}, …)
 * @param document its document, empty when it could not be fetched
 * @param failure why not ({@code it did not answer (timed out)}); empty when it was fetched
 */
record FetchedDocument(String service, Optional<JsonNode> document, String failure) {

  static FetchedDocument of(String service, JsonNode document) {
    return new FetchedDocument(service, Optional.of(document), "");
  }

  static FetchedDocument failed(String service, String failure) {
    return new FetchedDocument(service, Optional.empty(), failure);
  }
}
