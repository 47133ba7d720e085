package org.govchain.reliability;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a case's clients were told, counted by kind of answer ({@code 201}, {@code 503-problem},
 * {@code refused}, …), with the longest wait for each kind: the figures of a {@code [campaign]}
 * line.
 */
final class Tally {

  private final Map<String, Integer> counts = new TreeMap<>();
  private final Map<String, Duration> longest = new TreeMap<>();

  /** Counts one answer of {@code kind} that took {@code took}. */
  synchronized void add(String kind, Duration took) {
    counts.merge(kind, 1, Integer::sum);
    longest.merge(kind, took, (a, b) -> a.compareTo(b) >= 0 ? a : b);
  }

  synchronized int count(String kind) {
    return counts.getOrDefault(kind, 0);
  }

  synchronized int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Answers of any kind but {@code kinds}. */
  synchronized int otherThan(String... kinds) {
    int other = total();
    for (String kind : kinds) {
      other -= count(kind);
    }
    return other;
  }

  /** The longest wait for an answer of {@code kind}, zero if none. */
  synchronized Duration longest(String kind) {
    return longest.getOrDefault(kind, Duration.ZERO);
  }

  /** The longest wait for any answer. */
  synchronized Duration longest() {
    return longest.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
  }

  /** {@code kind=count} pairs and {@code longest-ms={kind=ms,…}}, for a {@code [campaign]} line. */
  @Override
  public synchronized String toString() {
    return counts.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "))
        + " longest-ms="
        + longest.entrySet().stream()
            .map(e -> e.getKey() + ":" + e.getValue().toMillis())
            .collect(Collectors.joining(",", "{", "}"));
  }
}
