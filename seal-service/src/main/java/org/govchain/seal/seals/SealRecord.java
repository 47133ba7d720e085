package org.govchain.seal.seals;

import java.util.UUID;

/** What verification needs to know about a known seal: its id, names and status history. */
public record SealRecord(
    UUID id, String name, String organisation, CreditCode creditCode, SealStatusHistory history) {}
