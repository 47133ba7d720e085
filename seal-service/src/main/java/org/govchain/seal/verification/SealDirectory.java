package org.govchain.seal.verification;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.govchain.seal.seals.SealRecord;

/**
 * Finds the seal a certificate was issued to, with its status history; the web layer implements it
 * from the database (e.g. by certificate serial number and issuer).
 */
public interface SealDirectory {
  /** The seal holding {@code certificate}, or empty if no known seal does. */
  Optional<SealRecord> findByCertificate(X509Certificate certificate);
}
