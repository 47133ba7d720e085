package org.govchain.launcher.besu;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

class BesuValidatorKeyTest {

  @Test
  void addressIsTheLastTwentyBytesOfKeccakOfThePublicKey() {
    ValidatorKey key = ValidatorKey.generate(new SecureRandom());

    byte[] publicKey = Numeric.hexStringToByteArray(key.nodeId());
    assertThat(publicKey).hasSize(64);
    byte[] hash = Hash.sha3(publicKey);
    assertThat(key.address())
        .isEqualTo(Numeric.toHexString(Arrays.copyOfRange(hash, 12, 32)))
        .matches("0x[0-9a-f]{40}");
  }

  @Test
  void thePrivateKeyFileReadsBackToTheSameAddress() {
    ValidatorKey key = ValidatorKey.generate(new SecureRandom());

    assertThat(key.privateKeyHex()).matches("0x[0-9a-f]{64}");
    assertThat(Credentials.create(key.privateKeyHex()).getAddress()).isEqualTo(key.address());
    assertThat(key.publicKeyHex()).isEqualTo("0x" + key.nodeId()).matches("0x[0-9a-f]{128}");
  }

  /** Private key 1: the public key is secp256k1's generator point, whose address is well known. */
  @Test
  void privateKeyOneGivesTheGeneratorPointAndItsKnownAddress() {
    ValidatorKey key = new ValidatorKey(ECKeyPair.create(BigInteger.ONE));

    assertThat(key.privateKeyHex())
        .isEqualTo("0x0000000000000000000000000000000000000000000000000000000000000001");
    assertThat(key.nodeId())
        .isEqualTo(
            "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
    assertThat(key.address()).isEqualTo("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf");
  }

  @Test
  void printsItsAddressButNoKeyMaterial() {
    ValidatorKey key = ValidatorKey.generate(new SecureRandom());

    assertThat(key.toString())
        .contains(key.address())
        .doesNotContain(key.privateKeyHex().substring(2))
        .doesNotContain(key.nodeId());
  }

  @Test
  void everyKeyIsFresh() {
    SecureRandom random = new SecureRandom();

    assertThat(ValidatorKey.generate(random).address())
        .isNotEqualTo(ValidatorKey.generate(random).address());
  }
}
