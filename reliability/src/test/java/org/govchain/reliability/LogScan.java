package org.govchain.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.testsupport.process.Http;

/**
 * A service's whole log as an auditor reads it through the gateway: every leaf's envelope (GET
 * {@code <prefix>/log/entries/{i}}) decoded, counted by subject and version, and the leaves of the
 * records' creating event by subject.
 */
record LogScan(
    long size, Map<String, Integer> bySubjectAndVersion, Map<String, List<Long>> createdLeaves) {

  /** Reads leaves {@code 0 … size-1} of the newest checkpoint. */
  static LogScan read(Http http, String auditorToken, String prefix, String createdType) {
    Http.Response checkpoint = http.get(prefix + "/log/checkpoint", auditorToken);
    assertThat(checkpoint.status()).as("%s", checkpoint).isEqualTo(200);
    long size = checkpoint.json().path("size").asLong();
    Map<String, Integer> bySubjectAndVersion = new HashMap<>();
    Map<String, List<Long>> createdLeaves = new HashMap<>();
    for (long i = 0; i < size; i++) {
      Http.Response entry = http.get(prefix + "/log/entries/" + i, auditorToken);
      assertThat(entry.status()).as("%s", entry).isEqualTo(200);
      EventEnvelope envelope =
          EventEnvelope.parse(Base64.getDecoder().decode(entry.json().path("envelope").asString()));
      bySubjectAndVersion.merge(envelope.subject() + "@" + envelope.version(), 1, Integer::sum);
      if (envelope.type().equals(createdType)) {
        createdLeaves.computeIfAbsent(envelope.subject(), s -> new ArrayList<>()).add(i);
      }
    }
    return new LogScan(size, bySubjectAndVersion, createdLeaves);
  }

  /** Leaves of the creating event for {@code id}. */
  int created(String id) {
    return createdLeaves.getOrDefault(id, List.of()).size();
  }

  /** Leaves of the creating event in all. */
  int createdTotal() {
    return createdLeaves.values().stream().mapToInt(List::size).sum();
  }

  /** Subject-and-version pairs that appear in more than one leaf. */
  long repeatedEvents() {
    return bySubjectAndVersion.values().stream().filter(n -> n > 1).count();
  }

  /** The (first) leaf index of {@code id}'s creating event. */
  long leafOf(String id) {
    List<Long> leaves = createdLeaves.get(id);
    if (leaves == null || leaves.isEmpty()) {
      throw new AssertionError("record " + id + " has no leaf in the log");
    }
    return leaves.get(0);
  }
}
