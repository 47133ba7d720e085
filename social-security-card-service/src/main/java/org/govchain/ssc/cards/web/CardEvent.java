package org.govchain.ssc.cards.web;

import java.time.Instant;
import java.util.UUID;
import org.govchain.ssc.cards.CardStatus;

/**
 * One event of a card, at its version: the log event's type, who caused it (a staff member's
 * subject, or {@code holder:<keyed hash>} for a citizen, or {@code system}), the status after it
 * and the stated reason.
 */
record CardEvent(
    UUID cardId,
    long version,
    String type,
    String actor,
    CardStatus status,
    String reason,
    Instant at) {

  /** The event with the index of its leaf in the card log, null until sequenced. */
  record Logged(CardEvent event, Long leafIndex) {}
}
