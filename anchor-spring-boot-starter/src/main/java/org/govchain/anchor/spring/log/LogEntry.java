package org.govchain.anchor.spring.log;

/**
 * A sequenced log entry, as {@code GET {prefix}/log/entries/{index}} answers.
 *
 * @param index the leaf index
 * @param envelope the exact canonical envelope bytes, standard base64
 * @param leafHash the RFC 9162 leaf hash, lowercase hex
 */
public record LogEntry(long index, String envelope, String leafHash) {}
