package org.govchain.anchor.spring.log;

import java.time.Instant;
import java.util.HexFormat;

/**
 * A log entry written by {@link LogAppender}: durable once the caller's transaction commits, and
 * given a leaf index later by the sequencer.
 *
 * @param entryId the entry's arrival-order id
 * @param origin the log's origin
 * @param subject the record id the event is about
 * @param version the record's version after the change
 * @param leafHashHex the RFC 9162 leaf hash of the envelope bytes, lowercase hex
 * @param appendedAt when the transaction that wrote the entry started (database clock)
 */
public record AppendedEntry(
    long entryId,
    String origin,
    String subject,
    long version,
    String leafHashHex,
    Instant appendedAt) {

  /** The leaf hash as bytes. */
  public byte[] leafHash() {
    return HexFormat.of().parseHex(leafHashHex);
  }
}
