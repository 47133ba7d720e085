package org.govchain.anchor.spring.idempotency;

import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer kept for a key: status, {@code Location} (or null) and body, replayed as they were.
 */
public record StoredResponse(int status, String location, String body) {

  /** The answer as a controller returns it: the status, its {@code Location}, a JSON body. */
  public ResponseEntity<String> toResponseEntity() {
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
    if (location != null) {
      answer.location(URI.create(location));
    }
    return answer.contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
