package org.govchain.seal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignatureAlgorithmTest {
  static final SecureRandom RANDOM = new SecureRandom();

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void recognisesItsOwnKeysByCurve(SignatureAlgorithm algorithm) {
    KeyPair pair = algorithm.generateKeyPair(RANDOM);
    assertThat(SignatureAlgorithm.of(pair.getPublic())).isEqualTo(algorithm);
    assertThat(SignatureAlgorithm.of(pair.getPrivate())).isEqualTo(algorithm);
  }

  @Test
  void recognisesP256KeysOfTheJdkProvider() throws Exception {
    KeyPairGenerator jdk = KeyPairGenerator.getInstance("EC");
    jdk.initialize(new ECGenParameterSpec("secp256r1"));
    assertThat(SignatureAlgorithm.of(jdk.generateKeyPair().getPublic()))
        .isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
  }

  @Test
  void refusesRsaAndOtherCurves() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    assertThatThrownBy(() -> SignatureAlgorithm.of(rsa.generateKeyPair().getPublic()))
        .isInstanceOf(UnsupportedKeyException.class);
    KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
    p384.initialize(new ECGenParameterSpec("secp384r1"));
    assertThatThrownBy(() -> SignatureAlgorithm.of(p384.generateKeyPair().getPublic()))
        .isInstanceOf(UnsupportedKeyException.class);
  }
}
