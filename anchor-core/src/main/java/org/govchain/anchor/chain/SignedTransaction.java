package org.govchain.anchor.chain;

import java.util.Objects;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * A signed transaction, whose hash is known before it is sent: callers store the hash first, then
 * send the raw bytes (again, if need be: resending the same bytes is idempotent).
 *
 * @param hash 0x-prefixed keccak256 of {@code rawHex}, lower-case
 * @param rawHex 0x-prefixed signed transaction bytes
 * @param nonce the nonce it uses
 */
public record SignedTransaction(String hash, String rawHex, long nonce) {

  public SignedTransaction {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(rawHex, "rawHex");
  }

  /** The signed transaction of these raw bytes; the hash is computed, not trusted. */
  public static SignedTransaction of(String rawHex, long nonce) {
    return new SignedTransaction(Hash.sha3(Numeric.prependHexPrefix(rawHex)), rawHex, nonce);
  }
}
