package org.govchain.seal.verification.web;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import org.govchain.seal.seals.SealRecord;
import org.govchain.seal.seals.web.SealService;
import org.govchain.seal.verification.SealDirectory;

/**
 * The core verifier's view of the seal table: the seal holding a certificate (same DER), with its
 * status history. It blocks, so verifiers run on {@code boundedElastic}, never on an event loop.
 */
final class DatabaseSealDirectory implements SealDirectory {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final SealService seals;

  DatabaseSealDirectory(SealService seals) {
    this.seals = seals;
  }

  @Override
  public Optional<SealRecord> findByCertificate(X509Certificate certificate) {
    return seals.byCertificate(certificate).block(TIMEOUT);
  }
}
