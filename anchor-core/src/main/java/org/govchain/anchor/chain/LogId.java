package org.govchain.anchor.chain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.web3j.crypto.Hash;

/** The on-chain name of a log: {@code keccak256(utf8(origin))}, 32 bytes (DESIGN §2). */
public final class LogId {

  /** Length of a log id in bytes. */
  public static final int LENGTH = 32;

  private LogId() {}

  /**
   * The log id of an origin.
   *
   * @param origin the log's origin line, e.g. {@code seal.govchain.example}; not blank
   */
  public static byte[] of(String origin) {
    Objects.requireNonNull(origin, "origin");
    if (origin.isBlank()) {
      throw new IllegalArgumentException("origin must not be blank");
    }
    return Hash.sha3(origin.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns {@code logId} if it is 32 bytes long, else throws IllegalArgumentException. */
  static byte[] requireValid(byte[] logId) {
    Objects.requireNonNull(logId, "logId");
    if (logId.length != LENGTH) {
      throw new IllegalArgumentException("logId must be 32 bytes, got " + logId.length);
    }
    return logId;
  }
}
