package org.govchain.seal.verification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The verdict on one signature with every check's finding; signer, signing time and seal id are
 * present as far as they could be read.
 */
public record SignatureReport(
    Verdict verdict,
    Optional<String> signer,
    Optional<Instant> signingTime,
    Optional<UUID> sealId,
    List<Finding> findings) {
  public SignatureReport {
    findings = List.copyOf(findings);
  }

  /** The finding of {@code check} (every report has one per check). */
  public Finding finding(Check check) {
    return findings.stream()
        .filter(f -> f.check() == check)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no finding for " + check));
  }
}
