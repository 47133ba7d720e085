package org.govchain.ssc.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyedHashTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final String ID_NUMBER = "11010519491231002X";

  static byte[] key(int length) {
    byte[] key = new byte[length];
    RANDOM.nextBytes(key);
    return key;
  }

  static byte[] domainSeparated(String purpose, String value) {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    message.writeBytes(purpose.getBytes(StandardCharsets.UTF_8));
    message.write(0);
    message.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    return message.toByteArray();
  }

  @Test
  void jceReferenceMatchesRfc4231TestCase2() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("Jefe".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
    byte[] expected =
        HexFormat.of().parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    assertThat(mac.doFinal("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(expected);
  }

  @Test
  void sha256IsTheJceHmacOverPurposeZeroValue() throws Exception {
    byte[] key = key(32);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    byte[] expected = mac.doFinal(domainSeparated("search:id-number", ID_NUMBER));
    assertThat(new KeyedHash(HashAlgorithm.HMAC_SHA256, key).hash("search:id-number", ID_NUMBER))
        .isEqualTo(expected);
  }

  @Test
  void sm3IsBouncyCastlesLightweightHmacOverPurposeZeroValue() {
    byte[] key = key(48);
    HMac mac = new HMac(new SM3Digest());
    mac.init(new KeyParameter(key));
    byte[] message = domainSeparated("log:name", "欧阳𠀀锋");
    mac.update(message, 0, message.length);
    byte[] expected = new byte[mac.getMacSize()];
    mac.doFinal(expected, 0);
    assertThat(new KeyedHash(HashAlgorithm.HMAC_SM3, key).hash("log:name", "欧阳𠀀锋"))
        .isEqualTo(expected);
  }

  /** Vectors computed with Python's hmac (OpenSSL's SHA-256 and SM3), key 00 01 … 1f. */
  @ParameterizedTest
  @EnumSource(HashAlgorithm.class)
  void matchesIndependentlyComputedVector(HashAlgorithm algorithm) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) i;
    }
    String expected =
        switch (algorithm) {
          case HMAC_SHA256 -> "972d9c4d8655cd8921fa8893c0efbf3c8086ddf7ce430ef5d3bb594f9d2dbcd9";
          case HMAC_SM3 -> "3489f463cae9ccf69c0cde8013e29506ebb3732ef958d0ebe510ab89e56e2e75";
        };
    assertThat(new KeyedHash(algorithm, key).hashHex("search:id-number", ID_NUMBER))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(HashAlgorithm.class)
  void purposesAreSeparate(HashAlgorithm algorithm) {
    KeyedHash hash = new KeyedHash(algorithm, key(32));
    assertThat(hash.hash("search:id-number", ID_NUMBER))
        .isNotEqualTo(hash.hash("log:id-number", ID_NUMBER));
    assertThat(hash.hash("a", "bc")).isNotEqualTo(hash.hash("ab", "c"));
  }

  @ParameterizedTest
  @EnumSource(HashAlgorithm.class)
  void sameKeySameHashAnotherKeyAnotherHash(HashAlgorithm algorithm) {
    byte[] key = key(32);
    KeyedHash hash = new KeyedHash(algorithm, key);
    assertThat(hash.hash("search:id-number", ID_NUMBER))
        .isEqualTo(new KeyedHash(algorithm, key).hash("search:id-number", ID_NUMBER))
        .hasSize(32);
    assertThat(hash.hash("search:id-number", ID_NUMBER))
        .isNotEqualTo(new KeyedHash(algorithm, key(32)).hash("search:id-number", ID_NUMBER));
    assertThat(hash.hash("search:id-number", ID_NUMBER))
        .isNotEqualTo(hash.hash("search:id-number", "110105194912310010"));
  }

  @Test
  void algorithmsDiffer() {
    byte[] key = key(32);
    assertThat(new KeyedHash(HashAlgorithm.HMAC_SM3, key).hash("p", ID_NUMBER))
        .isNotEqualTo(new KeyedHash(HashAlgorithm.HMAC_SHA256, key).hash("p", ID_NUMBER));
  }

  @Test
  void hexIsLowerCase() {
    KeyedHash hash = new KeyedHash(HashAlgorithm.HMAC_SHA256, key(32));
    assertThat(hash.hashHex("search:phone", "13812345678"))
        .matches("[0-9a-f]{64}")
        .isEqualTo(HexFormat.of().formatHex(hash.hash("search:phone", "13812345678")));
  }

  @ParameterizedTest
  @EnumSource(HashAlgorithm.class)
  void keyMustBeAtLeast32Bytes(HashAlgorithm algorithm) {
    assertThatThrownBy(() -> new KeyedHash(algorithm, new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the " + algorithm + " key must be at least 32 bytes, was 31");
    assertThat(new KeyedHash(algorithm, key(32)).algorithm()).isEqualTo(algorithm);
    assertThat(new KeyedHash(algorithm, key(100)).hash("p", "v")).hasSize(32);
  }

  @Test
  void keyIsCopied() {
    byte[] key = key(32);
    KeyedHash hash = new KeyedHash(HashAlgorithm.HMAC_SHA256, key);
    byte[] before = hash.hash("p", ID_NUMBER);
    Arrays.fill(key, (byte) 0);
    assertThat(hash.hash("p", ID_NUMBER)).isEqualTo(before);
  }

  @Test
  void absentValueHasNoHash() {
    KeyedHash hash = new KeyedHash(HashAlgorithm.HMAC_SM3, key(32));
    assertThat(hash.hash("search:phone", null)).isNull();
    assertThat(hash.hashHex("search:phone", null)).isNull();
  }

  @Test
  void purposeMustBeNonEmptyWithoutSeparator() {
    KeyedHash hash = new KeyedHash(HashAlgorithm.HMAC_SHA256, key(32));
    assertThatThrownBy(() -> hash.hash("", ID_NUMBER)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hash.hash("search\0id", ID_NUMBER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hash.hash(null, ID_NUMBER)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> hash.hash("log:name", "张\uDC00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("张");
  }

  @Test
  void fromBase64DecodesTheKeyAndRefusesOtherText() {
    byte[] key = key(32);
    assertThat(
            KeyedHash.fromBase64(
                    HashAlgorithm.HMAC_SM3, Base64.getEncoder().encodeToString(key) + "\n")
                .hash("p", ID_NUMBER))
        .isEqualTo(new KeyedHash(HashAlgorithm.HMAC_SM3, key).hash("p", ID_NUMBER));
    assertThatThrownBy(() -> KeyedHash.fromBase64(HashAlgorithm.HMAC_SM3, "not base64!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the HMAC_SM3 key is not Base64")
        .hasNoCause();
  }
}
