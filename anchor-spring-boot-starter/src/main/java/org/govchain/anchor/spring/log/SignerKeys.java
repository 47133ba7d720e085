package org.govchain.anchor.spring.log;

import org.govchain.anchor.checkpoint.NoteSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Resolves the checkpoint signer from {@code govchain.log.signer-key}, generating a dev-only key
 * when none is configured outside the {@code prod} profile.
 */
final class SignerKeys {

  private static final Logger LOG = LoggerFactory.getLogger(SignerKeys.class);

  private SignerKeys() {}

  /**
   * Returns the configured signer, or a freshly generated dev-only one.
   *
   * @throws IllegalStateException if the key is malformed, not named after the origin, or missing
   *     while the {@code prod} profile is active
   */
  static NoteSigner resolve(LogProperties properties, Environment environment) {
    String origin = properties.origin();
    String configured = properties.signerKey();
    if (configured == null || configured.isBlank()) {
      if (environment.acceptsProfiles(Profiles.of("prod"))) {
        throw new IllegalStateException(
            "govchain.log.signer-key (GOVCHAIN_LOG_SIGNER_KEY) is required in the prod profile;"
                + " a generated dev-only key is refused there");
      }
      NoteSigner dev = NoteSigner.generate(origin);
      LOG.warn(
          "DEV-ONLY checkpoint signer key generated for log {}: set govchain.log.signer-key;"
              + " checkpoints signed now will not verify with the next start's key. Verifier key: {}",
          origin,
          dev.verifierKey());
      return dev;
    }
    NoteSigner signer;
    try {
      signer = NoteSigner.fromSignerKey(configured.strip());
    } catch (IllegalArgumentException e) {
      // the message of fromSignerKey never contains the secret
      throw new IllegalStateException("govchain.log.signer-key is invalid: " + e.getMessage(), e);
    }
    if (!signer.name().equals(origin)) {
      throw new IllegalStateException(
          "govchain.log.signer-key is named '"
              + signer.name()
              + "' but the log origin is '"
              + origin
              + "'; a log's checkpoints are signed with a key named after its origin");
    }
    LOG.info("Checkpoints of log {} are signed by {}", origin, signer.verifierKey());
    return signer;
  }
}
