package org.govchain.bench.log;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.govchain.anchor.envelope.EventEnvelope;

/**
 * The rows both loads write: one real event envelope per record (about 300 bytes of canonical
 * JSON), made the same way for the raw JDBC baseline and for the starter.
 */
final class Rows {

  static final String TYPE = "bench.record.saved";
  private static final String NOTE =
      "Benchmark record: a short free-text note standing in for a service's business data.";
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(SecureRandom::new);

  private final String origin;
  private final String run;

  /**
   * @param origin the log the envelopes belong to
   * @param run a tag that makes subjects unique to one load (subjects never repeat within it)
   */
  Rows(String origin, String run) {
    this.origin = origin;
    this.run = run;
  }

  String origin() {
    return origin;
  }

  /** The envelope of record {@code seq} of writer {@code writer}, version 1, made now. */
  EventEnvelope next(int writer, long seq) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", "Record " + writer + "/" + seq);
    data.put("amount", (seq % 100_000) + ".00");
    data.put("status", "ACTIVE");
    data.put("note", NOTE);
    return EventEnvelope.create(
        origin, TYPE, run + "-" + writer + "-" + seq, 1, Instant.now(), data, RANDOM.get());
  }
}
