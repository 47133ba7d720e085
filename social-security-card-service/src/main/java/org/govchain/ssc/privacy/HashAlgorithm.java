package org.govchain.ssc.privacy;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import org.govchain.anchor.crypto.BouncyCastle;

/** The MAC a {@link KeyedHash} computes. */
public enum HashAlgorithm {
  /** HMAC-SHA-256 through the JDK's own provider: the default. */
  HMAC_SHA256("HmacSHA256"),
  /** HMAC-SM3 (GB/T 32905) through BouncyCastle: for 密评 (GM/T 0054) deployments. */
  HMAC_SM3("HMACSM3");

  private final String macName;

  HashAlgorithm(String macName) {
    this.macName = macName;
  }

  String macName() {
    return macName;
  }

  /** A fresh, uninitialised MAC object (they are not thread-safe, so one per operation). */
  Mac newMac() {
    try {
      return switch (this) {
        case HMAC_SHA256 -> Mac.getInstance(macName);
        case HMAC_SM3 -> Mac.getInstance(macName, BouncyCastle.PROVIDER);
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(this + " is not available", e);
    }
  }
}
