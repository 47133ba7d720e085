package org.govchain.seal.keys;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one BouncyCastle provider instance the seal service uses, passed explicitly (never
 * installed).
 */
public final class BouncyCastle {
  /** Shared provider instance; providers are thread-safe. */
  public static final Provider PROVIDER = new BouncyCastleProvider();

  private BouncyCastle() {}
}
