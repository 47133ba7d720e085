package org.govchain.anchor.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one BouncyCastle provider instance every module uses for what the JDK lacks (SM2, SM3, SM4,
 * CMS), passed explicitly to {@code getInstance} calls and never installed globally.
 */
public final class BouncyCastle {

  /** Shared provider instance; providers are thread-safe. */
  public static final Provider PROVIDER = new BouncyCastleProvider();

  private BouncyCastle() {}
}
