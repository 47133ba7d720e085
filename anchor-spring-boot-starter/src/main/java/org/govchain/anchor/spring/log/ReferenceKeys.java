package org.govchain.anchor.spring.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Resolves the log reference key from {@code govchain.log.reference-key}: without one, outside the
 * {@code prod} profile, the published development key. Unlike the signer key it is never generated
 * at start: references made before a restart must equal those made after it.
 */
final class ReferenceKeys {

  private static final Logger LOG = LoggerFactory.getLogger(ReferenceKeys.class);

  private ReferenceKeys() {}

  /**
   * The configured key's references, or the development key's outside {@code prod}.
   *
   * @throws IllegalStateException if the key is malformed or short, or, in the {@code prod}
   *     profile, missing or the development key
   */
  static LogReferences resolve(LogProperties properties, Environment environment) {
    String configured = properties.referenceKey();
    boolean missing = configured == null || configured.isBlank();
    boolean dev = missing || LogReferences.DEV_KEY.equals(configured.strip());
    if (dev && environment.acceptsProfiles(Profiles.of("prod"))) {
      throw new IllegalStateException(
          "the prod profile refuses "
              + (missing ? "to start without a" : "the development")
              + " log reference key: set govchain.log.reference-key (GOVCHAIN_LOG_REFERENCE_KEY),"
              + " 32 random bytes in base64");
    }
    if (dev) {
      LOG.warn(
          "DEV-ONLY: log {} references people and typed text under the published development"
              + " key; set govchain.log.reference-key",
          properties.origin());
      return LogReferences.fromBase64(LogReferences.DEV_KEY);
    }
    try {
      return LogReferences.fromBase64(configured);
    } catch (IllegalArgumentException e) {
      // the message never contains the key
      throw new IllegalStateException(
          "govchain.log.reference-key is invalid: " + e.getMessage(), e);
    }
  }
}
