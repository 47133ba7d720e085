package org.govchain.seal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import java.util.UUID;
import org.govchain.anchor.crypto.BouncyCastle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PrivateKeyCipherTest {
  static final SecureRandom RANDOM = new SecureRandom();
  final UUID sealId = UUID.randomUUID();
  final PrivateKeyCipher cipher = PrivateKeyCipher.withKek(kek(), RANDOM);

  static byte[] kek() {
    byte[] kek = new byte[32];
    RANDOM.nextBytes(kek);
    return kek;
  }

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void decryptedKeySignsLikeTheOriginal(SignatureAlgorithm algorithm) throws Exception {
    KeyPair pair = algorithm.generateKeyPair(RANDOM);
    byte[] blob = cipher.encrypt(sealId, pair.getPrivate());
    PrivateKey decrypted = cipher.decrypt(sealId, blob);
    assertThat(decrypted.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
    assertThat(SignatureAlgorithm.of(decrypted)).isEqualTo(algorithm);

    Signature signer = Signature.getInstance(algorithm.jcaName(), BouncyCastle.PROVIDER);
    signer.initSign(decrypted);
    signer.update(new byte[] {1, 2, 3});
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(algorithm.jcaName(), BouncyCastle.PROVIDER);
    verifier.initVerify(pair.getPublic());
    verifier.update(new byte[] {1, 2, 3});
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void blobHidesTheKeyAndUsesAFreshNonceEachTime() {
    PrivateKey key = SignatureAlgorithm.ECDSA_P256_SHA256.generateKeyPair(RANDOM).getPrivate();
    byte[] first = cipher.encrypt(sealId, key);
    byte[] second = cipher.encrypt(sealId, key);
    assertThat(first).isNotEqualTo(second);
    assertThat(Arrays.copyOfRange(first, 9, 21)).isNotEqualTo(Arrays.copyOfRange(second, 9, 21));
    byte[] pkcs8 = key.getEncoded();
    byte[] tail = Arrays.copyOfRange(pkcs8, pkcs8.length - 16, pkcs8.length);
    assertThat(indexOf(first, tail)).isNegative();
  }

  @Test
  void wrongKekIsReportedWithBothKekIds() {
    PrivateKey key = SignatureAlgorithm.SM2_SM3.generateKeyPair(RANDOM).getPrivate();
    byte[] blob = cipher.encrypt(sealId, key);
    PrivateKeyCipher other = PrivateKeyCipher.withKek(kek(), RANDOM);
    assertThatThrownBy(() -> other.decrypt(sealId, blob))
        .isInstanceOfSatisfying(
            PrivateKeyDecryptionException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(PrivateKeyDecryptionException.Problem.WRONG_KEK);
              assertThat(e.expected()).isEqualTo(other.kekId());
              assertThat(e.actual()).isEqualTo(cipher.kekId());
              assertThat(e.sealId()).isEqualTo(sealId);
            });
  }

  @Test
  void everyFlippedCiphertextByteIsTampering() {
    PrivateKey key = SignatureAlgorithm.ECDSA_P256_SHA256.generateKeyPair(RANDOM).getPrivate();
    byte[] blob = cipher.encrypt(sealId, key);
    for (int i = 9; i < blob.length; i++) {
      byte[] tampered = blob.clone();
      tampered[i] ^= 0x40;
      assertThatThrownBy(() -> cipher.decrypt(sealId, tampered))
          .isInstanceOfSatisfying(
              PrivateKeyDecryptionException.class,
              e ->
                  assertThat(e.problem())
                      .isEqualTo(PrivateKeyDecryptionException.Problem.TAMPERED));
    }
  }

  @Test
  void blobOfAnotherSealDoesNotDecrypt() {
    PrivateKey key = SignatureAlgorithm.ECDSA_P256_SHA256.generateKeyPair(RANDOM).getPrivate();
    byte[] blob = cipher.encrypt(sealId, key);
    assertThatThrownBy(() -> cipher.decrypt(UUID.randomUUID(), blob))
        .isInstanceOfSatisfying(
            PrivateKeyDecryptionException.class,
            e -> assertThat(e.problem()).isEqualTo(PrivateKeyDecryptionException.Problem.TAMPERED));
  }

  @Test
  void truncatedOrForeignBlobIsMalformed() {
    PrivateKey key = SignatureAlgorithm.ECDSA_P256_SHA256.generateKeyPair(RANDOM).getPrivate();
    byte[] blob = cipher.encrypt(sealId, key);
    byte[] wrongVersion = blob.clone();
    wrongVersion[0] = 2;
    for (byte[] bad : new byte[][] {Arrays.copyOf(blob, 20), wrongVersion}) {
      assertThatThrownBy(() -> cipher.decrypt(sealId, bad))
          .isInstanceOfSatisfying(
              PrivateKeyDecryptionException.class,
              e ->
                  assertThat(e.problem())
                      .isEqualTo(PrivateKeyDecryptionException.Problem.MALFORMED));
    }
  }

  @Test
  void kekMustBe256Bits() {
    assertThatThrownBy(() -> PrivateKeyCipher.withKek(new byte[16], RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
