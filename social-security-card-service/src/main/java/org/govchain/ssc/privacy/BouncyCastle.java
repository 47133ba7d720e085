package org.govchain.ssc.privacy;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The BouncyCastle provider for SM4 and SM3, passed explicitly (never installed). */
final class BouncyCastle {
  /** Shared provider instance; providers are thread-safe. */
  static final Provider PROVIDER = new BouncyCastleProvider();

  private BouncyCastle() {}
}
