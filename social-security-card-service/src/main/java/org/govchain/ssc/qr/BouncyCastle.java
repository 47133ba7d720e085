package org.govchain.ssc.qr;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BouncyCastle provider instance the QR code signatures use, passed explicitly (never
 * installed).
 */
final class BouncyCastle {
  /** Shared provider instance; providers are thread-safe. */
  static final Provider PROVIDER = new BouncyCastleProvider();

  private BouncyCastle() {}
}
