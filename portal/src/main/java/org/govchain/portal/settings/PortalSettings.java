package org.govchain.portal.settings;

import java.util.List;
import org.govchain.anchor.chain.LogId;
import org.govchain.anchor.checkpoint.NoteVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;

/**
 * The settings the page starts from, checked once at start-up: every published verifier key must
 * parse and be named after its log's origin, or the portal refuses to start.
 */
@Component
public class PortalSettings {

  private static final Logger LOG = LoggerFactory.getLogger(PortalSettings.class);

  private final View view;

  public PortalSettings(PortalProperties properties) {
    this.view = view(properties);
  }

  /** The settings as {@code GET /portal/settings.json} answers them. */
  public View view() {
    return view;
  }

  private static View view(PortalProperties properties) {
    PortalProperties.Chain chain = properties.chain();
    List<LogView> logs =
        properties.logs().stream()
            .map(
                log -> {
                  String key = checkedKey(log);
                  return new LogView(
                      log.name(),
                      log.origin(),
                      Numeric.toHexString(LogId.of(log.origin())),
                      log.apiPrefix(),
                      key);
                })
            .toList();
    String url = properties.publicUrl().toString();
    if (!url.endsWith("/")) {
      throw new IllegalStateException("govchain.portal.public-url must end with '/': " + url);
    }
    return new View(
        url,
        new ChainView(
            chain.rpcUrl(),
            chain.chainId(),
            chain.registryAddress().toLowerCase(java.util.Locale.ROOT),
            chain.minConfirmations()),
        logs);
  }

  private static String checkedKey(PortalProperties.Log log) {
    String key = log.verifierKey() == null ? "" : log.verifierKey().trim();
    if (key.isEmpty()) {
      LOG.warn(
          "No verifier key published for log {}: the page cannot check its checkpoint signatures",
          log.origin());
      return null;
    }
    NoteVerifier verifier;
    try {
      verifier = NoteVerifier.fromVerifierKey(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "the verifier key of log " + log.origin() + " is malformed: " + e.getMessage(), e);
    }
    if (!verifier.name().equals(log.origin())) {
      throw new IllegalStateException(
          "the verifier key of log "
              + log.origin()
              + " is named '"
              + verifier.name()
              + "'; checkpoint keys are named after their log's origin");
    }
    return verifier.verifierKey();
  }

  /**
   * The page's settings.
   *
   * @param publicUrl the portal's address as browsers reach it
   * @param chain the default chain
   * @param logs the suite's logs
   */
  public record View(String publicUrl, ChainView chain, List<LogView> logs) {}

  /** The default chain: RPC address, chain id, registry, required confirmations. */
  public record ChainView(
      String rpcUrl, long chainId, String registryAddress, long minConfirmations) {}

  /**
   * One log: its name, origin, on-chain id ({@code keccak256(origin)}), API prefix and verifier key
   * ({@code null} when none is published).
   */
  public record LogView(
      String name, String origin, String logId, String apiPrefix, String verifierKey) {}
}
