package org.govchain.anchor.spring.web;

import org.govchain.anchor.bundle.ProofBundleJson;
import org.govchain.anchor.spring.log.LogReader;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

/**
 * The answer of a record's {@code …/{id}/proof} (DESIGN §5): the proof bundle ({@code
 * govchain.proof/v1} JSON) of the record's latest event against the newest anchored checkpoint. The
 * log's problems pass through: 409 {@code not-anchored-yet} with {@code Retry-After} until then,
 * 404 {@code unknown-entry} for a subject the log never saw.
 */
public final class ProofResponses {

  private ProofResponses() {}

  /** The proof of {@code subject}'s latest event. */
  public static Mono<ResponseEntity<byte[]>> latest(LogReader reader, String subject) {
    return reader.bundleForLatestEvent(subject).map(ProofResponses::answer);
  }

  /** The proof of {@code subject}'s event at {@code version} (a record's history, one by one). */
  public static Mono<ResponseEntity<byte[]>> of(LogReader reader, String subject, long version) {
    return reader.bundleForEvent(subject, version).map(ProofResponses::answer);
  }

  private static ResponseEntity<byte[]> answer(org.govchain.anchor.bundle.ProofBundle bundle) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(ProofBundleJson.write(bundle));
  }
}
