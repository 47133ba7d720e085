package org.govchain.launcher.besu;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * A validator's secp256k1 node key, in the forms Besu reads and prints: the private key file, the
 * public key (the node id of its enode URL) and the address that the genesis lists.
 *
 * <p>{@link #toString()} shows the address only: key material is never printed.
 */
record ValidatorKey(ECKeyPair keyPair) {

  ValidatorKey {
    Objects.requireNonNull(keyPair, "keyPair");
  }

  /** A fresh key from {@code random}. */
  static ValidatorKey generate(SecureRandom random) {
    try {
      return new ValidatorKey(Keys.createEcKeyPair(random));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a secp256k1 key", e);
    }
  }

  /**
   * The private key as {@code --node-private-key-file} reads it: one line, {@code 0x} and 64 hex
   * digits (Besu's own key files have this form).
   */
  String privateKeyHex() {
    return Numeric.toHexStringWithPrefixZeroPadded(keyPair.getPrivateKey(), 64);
  }

  /** The uncompressed public key without its 0x04 prefix: 128 hex digits, no {@code 0x}. */
  String nodeId() {
    return Numeric.toHexStringNoPrefixZeroPadded(keyPair.getPublicKey(), 128);
  }

  /** The public key as Besu writes {@code key.pub}: {@code 0x} and the node id. */
  String publicKeyHex() {
    return "0x" + nodeId();
  }

  /** The address (last 20 bytes of keccak-256 of the public key), lower case with {@code 0x}. */
  String address() {
    return "0x" + Keys.getAddress(keyPair.getPublicKey());
  }

  @Override
  public String toString() {
    return "ValidatorKey[" + address() + "]";
  }
}
