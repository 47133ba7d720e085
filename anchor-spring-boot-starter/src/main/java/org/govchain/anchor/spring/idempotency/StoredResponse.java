package org.govchain.anchor.spring.idempotency;

/**
 * The answer kept for a key: status, {@code Location} (or null) and body, replayed as they were.
 */
public record StoredResponse(int status, String location, String body) {}
