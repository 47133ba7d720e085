package org.govchain.anchor.spring.log;

/**
 * An event as the log holds it, sequenced or not: what a service compares its own rows with (an
 * integrity check) before it asks for a proof.
 *
 * @param subject the record id
 * @param version the record's version the event made
 * @param envelope the exact canonical envelope bytes
 * @param leafHash the RFC 9162 leaf hash of {@code envelope}
 * @param leafIndex the leaf index, or null while the event awaits the sequencer
 */
public record LoggedEvent(
    String subject, long version, byte[] envelope, byte[] leafHash, Long leafIndex) {}
