package org.govchain.anchor.spring.anchoring;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/**
 * Recognises Hardhat's public development accounts, derived at run time from Hardhat's published
 * mnemonic (so no key is written down here), so the {@code prod} profile can refuse them.
 */
final class DevelopmentKeys {

  /** Hardhat's default, world-known mnemonic (BIP-44 path m/44'/60'/0'/0/i). */
  private static final String HARDHAT_MNEMONIC =
      "test test test test test test test test test test test junk";

  private static final int ACCOUNTS = 20;
  private static final int HARDENED = Bip32ECKeyPair.HARDENED_BIT;
  private static final java.util.function.Supplier<Bip32ECKeyPair> MASTER =
      () -> Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(HARDHAT_MNEMONIC, ""));

  private DevelopmentKeys() {}

  /** Addresses (lower-case 0x hex) of Hardhat's first twenty development accounts. */
  static Set<String> hardhatAddresses() {
    return IntStream.range(0, ACCOUNTS)
        .mapToObj(i -> hardhatAccount(i).getAddress())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Hardhat's development account {@code index}, derived from the public mnemonic. */
  static Credentials hardhatAccount(int index) {
    return Credentials.create(
        Bip32ECKeyPair.deriveKeyPair(
            MASTER.get(), new int[] {44 | HARDENED, 60 | HARDENED, HARDENED, 0, index}));
  }

  /** Whether {@code credentials} is one of Hardhat's development accounts. */
  static boolean isDevelopmentKey(Credentials credentials) {
    return hardhatAddresses().contains(credentials.getAddress());
  }
}
