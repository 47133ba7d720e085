package org.govchain.portal.certificate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Evidence links printed on certificates: {@code base64url(prefix|index|leafHash)} and its
 * HMAC-SHA256 under the portal's evidence key. A link names one log entry; only the portal can make
 * one, so the public lookup opens exactly the records certificates were issued for.
 */
final class EvidenceTokens {

  /** What a link names: a service's API prefix, a leaf index and the leaf's hash (hex). */
  record Evidence(String apiPrefix, long leafIndex, String leafHash) {}

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final Pattern PREFIX = Pattern.compile("(/[a-z0-9-]+)+");
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final int MAX_TOKEN = 512;

  private final byte[] key;

  /**
   * @param key at least 32 bytes
   */
  EvidenceTokens(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the evidence key must have at least 32 bytes");
    }
    this.key = key.clone();
  }

  /** The link token for {@code evidence}. */
  String issue(Evidence evidence) {
    String payload = evidence.apiPrefix() + "|" + evidence.leafIndex() + "|" + evidence.leafHash();
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
  }

  /** What {@code token} names, if the portal made it; empty for anything else. */
  Optional<Evidence> read(String token) {
    if (token == null || token.length() > MAX_TOKEN) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    byte[] payload;
    byte[] tag;
    try {
      payload = DECODER.decode(token.substring(0, dot));
      tag = DECODER.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(tag, mac(payload))) {
      return Optional.empty();
    }
    String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
    if (parts.length != 3
        || !PREFIX.matcher(parts[0]).matches()
        || !parts[1].matches("0|[1-9][0-9]{0,17}")
        || !HASH.matcher(parts[2]).matches()) {
      return Optional.empty();
    }
    return Optional.of(new Evidence(parts[0], Long.parseLong(parts[1]), parts[2]));
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
