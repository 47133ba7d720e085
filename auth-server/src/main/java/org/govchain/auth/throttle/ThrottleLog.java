package org.govchain.auth.throttle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The throttle's log lines, one per decision, on the logger {@value #LOGGER}: the client id or
 * account name, the remote address, the failure count and the end of the lock — never a secret or
 * password, which the throttle never sees. A name that is no registered client or user appears only
 * as a tag (an HMAC under a key made at start-up), the same for the same name within one run: it
 * may be a password, an ID number or a phone number typed in the wrong field.
 */
final class ThrottleLog {

  /** The logger every throttling decision is written to. */
  static final String LOGGER = "org.govchain.auth.throttle";

  private static final Logger log = LoggerFactory.getLogger(LOGGER);

  private final SecretKeySpec tagKey;

  ThrottleLog(SecureRandom random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    this.tagKey = new SecretKeySpec(key, "HmacSHA256");
  }

  /** A lock starts for a name. */
  void nameLocked(Attempt attempt, int failures, Instant until) {
    log.warn(
        "locked {} until {} after {} consecutive failures; the last from {}",
        describe(attempt),
        until,
        failures,
        attempt.address());
  }

  /** A lock starts for an address ({@code counted}: the address, or an IPv6 address's /64). */
  void addressLocked(Attempt attempt, String counted, int failures, Instant until) {
    log.warn(
        "locked address {} until {} after {} consecutive failures from it; the last for {}{}",
        counted,
        until,
        failures,
        describe(attempt),
        counted.equals(attempt.address()) ? "" : " from " + attempt.address());
  }

  /** The first attempt refused by a lock (later ones until it ends are not logged). */
  void refused(Attempt attempt, String lockedWhat, int failures, Instant until) {
    log.info(
        "refused {} from {}: {} locked until {} after {} consecutive failures"
            + " (further refusals until then are not logged)",
        describe(attempt),
        attempt.address(),
        lockedWhat,
        until,
        failures);
  }

  /** How a log line names the attempt's client or account. */
  String describe(Attempt attempt) {
    String kind = attempt.kind().label();
    return attempt.registered()
        ? kind + " '" + attempt.name() + "'"
        : "unregistered " + kind + " #" + tag(kind + ':' + attempt.name());
  }

  private String tag(String name) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(tagKey);
      byte[] digest = mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
