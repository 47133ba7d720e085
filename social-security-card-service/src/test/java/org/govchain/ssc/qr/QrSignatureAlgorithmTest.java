package org.govchain.ssc.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Ed25519 verification against RFC 8032's own test vector and its malleability rule. */
class QrSignatureAlgorithmTest {

  private static final HexFormat HEX = HexFormat.of();

  /** RFC 8032 §7.1, TEST 1: the public key and the signature of the empty message. */
  private static final byte[] RFC_PUBLIC_KEY =
      HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

  private static final byte[] RFC_SIGNATURE =
      HEX.parseHex(
          "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

  /** The order of Ed25519's base point, 2^252 + 27742317777372353535851937790883648493. */
  private static final BigInteger L =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

  @Test
  void theRfcTestVectorVerifiesAndAnyOtherMessageDoesNot() {
    QrPublicKey key = rfcKey();

    assertThat(key.verifies(new byte[0], RFC_SIGNATURE)).isTrue();
    assertThat(key.verifies(new byte[] {0}, RFC_SIGNATURE)).isFalse();
    assertThat(QrSignatureAlgorithm.ED25519.verify(key.key(), new byte[0], RFC_SIGNATURE)).isTrue();
  }

  @Test
  void aSignatureWhoseScalarIsNotReducedIsRefused() {
    // S + L verifies the same equation; RFC 8032 §5.1.7 requires S < L, so it must not pass
    byte[] malleable = RFC_SIGNATURE.clone();
    BigInteger s = new BigInteger(1, reversed(malleable, 32, 64)).add(L);
    byte[] sPlusL = reversed(toFixed(s), 0, 32);
    System.arraycopy(sPlusL, 0, malleable, 32, 32);

    assertThat(rfcKey().verifies(new byte[0], malleable)).isFalse();
  }

  @Test
  void anythingButSixtyFourBytesOrAPointIsRefusedWithoutAnException() {
    QrPublicKey key = rfcKey();
    SecureRandom random = new SecureRandom();
    for (int length : new int[] {0, 1, 63, 65, 128}) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      assertThat(key.verifies(new byte[0], bytes)).as("%d bytes", length).isFalse();
    }
    byte[] notAPoint = RFC_SIGNATURE.clone();
    for (int i = 0; i < 32; i++) {
      notAPoint[i] = (byte) 0xff; // y = 2^255 - 1 is not below p: no point
    }
    assertThat(key.verifies(new byte[0], notAPoint)).isFalse();
  }

  @Test
  void theJdksSignaturesVerifyWithTheCheckAndTheCheckAgreesWithTheJdk() {
    SecureRandom random = new SecureRandom();
    QrKeys keys = QrKeys.generate(QrSignatureAlgorithm.ED25519, random);
    for (int i = 0; i < 50; i++) {
      byte[] message = new byte[random.nextInt(200)];
      random.nextBytes(message);
      byte[] signature = keys.sign(message, random);
      assertThat(keys.publicKey().verifies(message, signature)).isTrue();
      signature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
      assertThat(keys.publicKey().verifies(message, signature)).isFalse();
    }
  }

  private static QrPublicKey rfcKey() {
    byte[] spki = new byte[44];
    System.arraycopy(HEX.parseHex("302a300506032b6570032100"), 0, spki, 0, 12);
    System.arraycopy(RFC_PUBLIC_KEY, 0, spki, 12, 32);
    return QrPublicKey.fromDer(spki);
  }

  private static byte[] reversed(byte[] bytes, int from, int to) {
    byte[] out = new byte[to - from];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes[to - 1 - i];
    }
    return out;
  }

  private static byte[] toFixed(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return out;
  }
}
