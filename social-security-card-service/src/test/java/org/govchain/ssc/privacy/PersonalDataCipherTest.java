package org.govchain.ssc.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.govchain.anchor.web.problem.CommonProblem;
import org.govchain.ssc.privacy.PersonalDataUnreadableException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PersonalDataCipherTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final String CONTEXT = "card:3f2b6c1e-0000-4000-8000-000000000001:id-number";
  static final String ID_NUMBER = "11010519491231002X";

  static byte[] key(CipherAlgorithm algorithm) {
    byte[] key = new byte[algorithm.keyLength()];
    RANDOM.nextBytes(key);
    return key;
  }

  static PersonalDataCipher cipher(CipherAlgorithm algorithm) {
    return new PersonalDataCipher(Map.of("k1", key(algorithm)), "k1", algorithm, RANDOM);
  }

  static Stream<Arguments> algorithmsAndPlaintexts() {
    return Stream.of(CipherAlgorithm.values())
        .flatMap(
            algorithm ->
                Stream.of(
                        ID_NUMBER,
                        "张三丰",
                        "欧阳𠀀锋",
                        "",
                        "😀 👨‍👩‍👧 ✔︎",
                        "北京市朝阳区建国路88号 13812345678",
                        "x".repeat(1024),
                        "社".repeat(1024))
                    .map(plaintext -> Arguments.of(algorithm, plaintext)));
  }

  @ParameterizedTest
  @MethodSource("algorithmsAndPlaintexts")
  void roundTrips(CipherAlgorithm algorithm, String plaintext) {
    PersonalDataCipher cipher = cipher(algorithm);
    byte[] sealed = cipher.encrypt(plaintext, CONTEXT);
    assertThat(cipher.decrypt(sealed, CONTEXT)).isEqualTo(plaintext);
    assertThat(sealed.length)
        .isEqualTo(3 + 2 + 12 + plaintext.getBytes(StandardCharsets.UTF_8).length + 16);
  }

  @ParameterizedTest
  @EnumSource(CipherAlgorithm.class)
  void absentValuesStayAbsent(CipherAlgorithm algorithm) {
    PersonalDataCipher cipher = cipher(algorithm);
    assertThat(cipher.encrypt(null, CONTEXT)).isNull();
    assertThat(cipher.decrypt(null, CONTEXT)).isNull();
    assertThat(cipher.keyIdOf(null)).isNull();
  }

  @ParameterizedTest
  @EnumSource(CipherAlgorithm.class)
  void eachEncryptionUsesAFreshNonceAndHidesThePlaintext(CipherAlgorithm algorithm) {
    PersonalDataCipher cipher = cipher(algorithm);
    byte[] first = cipher.encrypt(ID_NUMBER, CONTEXT);
    byte[] second = cipher.encrypt(ID_NUMBER, CONTEXT);
    assertThat(first).isNotEqualTo(second);
    assertThat(Arrays.copyOfRange(first, 5, 17)).isNotEqualTo(Arrays.copyOfRange(second, 5, 17));
    assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("1101051949");
  }

  /** Vectors computed independently with Python's {@code cryptography} 48 (AESGCM, SM4 GCM). */
  @ParameterizedTest
  @EnumSource(CipherAlgorithm.class)
  void matchesIndependentlyComputedVector(CipherAlgorithm algorithm) {
    byte[] key = new byte[algorithm.keyLength()];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) i;
    }
    PersonalDataCipher cipher =
        new PersonalDataCipher(Map.of("k-2024", key), "k-2024", algorithm, new FixedNonce());
    String context = "card:3f2b6c1e-0000-4000-8000-000000000001:name";
    String expected =
        switch (algorithm) {
          case AES_GCM ->
              "0101066b2d32303234a0a1a2a3a4a5a6a7a8a9aaab"
                  + "00b4dbc4dd78eb2be96810e0ac12e90078ece8e9d38cffc959";
          case SM4_GCM ->
              "0102066b2d32303234a0a1a2a3a4a5a6a7a8a9aaab"
                  + "dbe26e8295076962621d1e503de8dbfcab6ab46390e7bbb0fa";
        };
    assertThat(HexFormat.of().formatHex(cipher.encrypt("欧阳锋", context))).isEqualTo(expected);
    assertThat(cipher.decrypt(HexFormat.of().parseHex(expected), context)).isEqualTo("欧阳锋");
  }

  @Test
  void sm4CiphertextIsNotTheAesOne() {
    byte[] aesKey = new byte[32];
    byte[] sm4Key = new byte[16];
    PersonalDataCipher aes =
        new PersonalDataCipher(
            Map.of("k1", aesKey), "k1", CipherAlgorithm.AES_GCM, new FixedNonce());
    PersonalDataCipher sm4 =
        new PersonalDataCipher(
            Map.of("k1", sm4Key), "k1", CipherAlgorithm.SM4_GCM, new FixedNonce());
    byte[] byAes = aes.encrypt(ID_NUMBER, CONTEXT);
    byte[] bySm4 = sm4.encrypt(ID_NUMBER, CONTEXT);
    assertThat(byAes[1]).isEqualTo((byte) 1);
    assertThat(bySm4[1]).isEqualTo((byte) 2);
    assertThat(Arrays.copyOfRange(bySm4, 17, bySm4.length))
        .isNotEqualTo(Arrays.copyOfRange(byAes, 17, byAes.length));
    assertThat(sm4.decrypt(bySm4, CONTEXT)).isEqualTo(ID_NUMBER);
    assertThatThrownBy(() -> aes.decrypt(bySm4, CONTEXT))
        .isInstanceOfSatisfying(
            PersonalDataUnreadableException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(Problem.WRONG_ALGORITHM);
              assertThat(e.expected()).isEqualTo("AES_GCM");
              assertThat(e.actual()).isEqualTo("SM4_GCM");
            });
  }

  @ParameterizedTest
  @EnumSource(CipherAlgorithm.class)
  void valueMovedToAnotherRowOrColumnDoesNotDecrypt(CipherAlgorithm algorithm) {
    PersonalDataCipher cipher = cipher(algorithm);
    byte[] sealed = cipher.encrypt(ID_NUMBER, CONTEXT);
    for (String other :
        new String[] {
          "card:3f2b6c1e-0000-4000-8000-000000000002:id-number",
          "card:3f2b6c1e-0000-4000-8000-000000000001:name"
        }) {
      assertThatThrownBy(() -> cipher.decrypt(sealed, other))
          .isInstanceOfSatisfying(
              PersonalDataUnreadableException.class,
              e -> assertThat(e.problem()).isEqualTo(Problem.TAMPERED));
    }
  }

  @ParameterizedTest
  @EnumSource(CipherAlgorithm.class)
  void everyFlippedBitFails(CipherAlgorithm algorithm) {
    PersonalDataCipher cipher =
        new PersonalDataCipher(
            Map.of("k1", key(algorithm), "k3", key(algorithm)), "k1", algorithm, RANDOM);
    byte[] sealed = cipher.encrypt("张三", CONTEXT);
    for (int bit = 0; bit < sealed.length * 8; bit++) {
      byte[] flipped = sealed.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThatThrownBy(() -> cipher.decrypt(flipped, CONTEXT))
          .as("bit %d", bit)
          .isInstanceOf(PersonalDataUnreadableException.class)
          .hasMessageNotContaining("张三");
    }
  }

  @ParameterizedTest
  @EnumSource(CipherAlgorithm.class)
  void truncatedInputFails(CipherAlgorithm algorithm) {
    PersonalDataCipher cipher = cipher(algorithm);
    byte[] sealed = cipher.encrypt("张三", CONTEXT);
    for (int length = 0; length < sealed.length; length++) {
      byte[] truncated = Arrays.copyOf(sealed, length);
      assertThatThrownBy(() -> cipher.decrypt(truncated, CONTEXT))
          .as("%d bytes", length)
          .isInstanceOfSatisfying(
              PersonalDataUnreadableException.class,
              e ->
                  assertThat(e.problem())
                      .isEqualTo(truncated.length < 33 ? Problem.MALFORMED : Problem.TAMPERED));
    }
    assertThatThrownBy(() -> cipher.keyIdOf(Arrays.copyOf(sealed, 20)))
        .isInstanceOfSatisfying(
            PersonalDataUnreadableException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.MALFORMED));
  }

  @Test
  void unknownVersionAndAlgorithmAreNamed() {
    PersonalDataCipher cipher = cipher(CipherAlgorithm.AES_GCM);
    byte[] sealed = cipher.encrypt(ID_NUMBER, CONTEXT);
    byte[] version2 = sealed.clone();
    version2[0] = 2;
    byte[] algorithm9 = sealed.clone();
    algorithm9[1] = 9;
    assertThatThrownBy(() -> cipher.decrypt(version2, CONTEXT))
        .isInstanceOfSatisfying(
            PersonalDataUnreadableException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_VERSION);
              assertThat(e.actual()).isEqualTo("version 2");
            });
    assertThatThrownBy(() -> cipher.keyIdOf(algorithm9))
        .isInstanceOfSatisfying(
            PersonalDataUnreadableException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_ALGORITHM);
              assertThat(e.actual()).isEqualTo("algorithm byte 9");
            });
  }

  @Test
  void unknownKeyIdIsNamedButThePlaintextIsNot() {
    PersonalDataCipher old =
        new PersonalDataCipher(
            Map.of("ssc-2024.1", key(CipherAlgorithm.AES_GCM)),
            "ssc-2024.1",
            CipherAlgorithm.AES_GCM,
            RANDOM);
    PersonalDataCipher current =
        new PersonalDataCipher(
            Map.of("ssc-2025.1", key(CipherAlgorithm.AES_GCM)),
            "ssc-2025.1",
            CipherAlgorithm.AES_GCM,
            RANDOM);
    byte[] sealed = old.encrypt(ID_NUMBER, CONTEXT);
    assertThatThrownBy(() -> current.decrypt(sealed, CONTEXT))
        .isInstanceOfSatisfying(
            PersonalDataUnreadableException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_KEY);
              assertThat(e.keyId()).isEqualTo("ssc-2024.1");
              assertThat(e.expected()).isEqualTo("one of [ssc-2025.1]");
              assertThat(e.getMessage())
                  .contains("ssc-2024.1", "UNKNOWN_KEY")
                  .doesNotContain(ID_NUMBER, "1101", CONTEXT);
              assertThat(e.kind()).isEqualTo(CommonProblem.INTERNAL_ERROR);
              assertThat(e.detail())
                  .isEqualTo(
                      "the stored personal data cannot be read; the operators have been told");
              assertThat(e.properties()).isEmpty();
            });
  }

  @Test
  void sameKeyIdWithAnotherKeyIsTampering() {
    PersonalDataCipher cipher = cipher(CipherAlgorithm.SM4_GCM);
    byte[] sealed = cipher.encrypt(ID_NUMBER, CONTEXT);
    assertThatThrownBy(() -> cipher(CipherAlgorithm.SM4_GCM).decrypt(sealed, CONTEXT))
        .isInstanceOfSatisfying(
            PersonalDataUnreadableException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(Problem.TAMPERED);
              assertThat(e.keyId()).isEqualTo("k1");
              assertThat(e.getMessage()).doesNotContain(ID_NUMBER);
            });
  }

  @ParameterizedTest
  @EnumSource(CipherAlgorithm.class)
  void rotationKeepsOldValuesReadableAndSealsNewOnesUnderTheNewKey(CipherAlgorithm algorithm) {
    byte[] k1 = key(algorithm);
    byte[] k2 = key(algorithm);
    PersonalDataCipher before = new PersonalDataCipher(Map.of("k1", k1), "k1", algorithm, RANDOM);
    byte[] old = before.encrypt("张三丰", CONTEXT);

    PersonalDataCipher after =
        new PersonalDataCipher(Map.of("k1", k1, "k2", k2), "k2", algorithm, RANDOM);
    byte[] fresh = after.encrypt("张三丰", CONTEXT);

    assertThat(after.activeKeyId()).isEqualTo("k2");
    assertThat(after.decrypt(old, CONTEXT)).isEqualTo("张三丰");
    assertThat(after.decrypt(fresh, CONTEXT)).isEqualTo("张三丰");
    assertThat(after.keyIdOf(old)).isEqualTo("k1");
    assertThat(after.keyIdOf(fresh)).isEqualTo("k2");
    assertThatThrownBy(() -> before.decrypt(fresh, CONTEXT))
        .isInstanceOfSatisfying(
            PersonalDataUnreadableException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_KEY));
  }

  @Test
  void keysMustHaveTheAlgorithmsLength() {
    assertThatThrownBy(
            () ->
                new PersonalDataCipher(
                    Map.of("k1", new byte[16]), "k1", CipherAlgorithm.AES_GCM, RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key k1 must be 32 bytes for AES_GCM, was 16");
    assertThatThrownBy(
            () ->
                new PersonalDataCipher(
                    Map.of("k1", new byte[32]), "k1", CipherAlgorithm.SM4_GCM, RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key k1 must be 16 bytes for SM4_GCM, was 32");
    Map<String, byte[]> missing = new LinkedHashMap<>();
    missing.put("k1", null);
    assertThatThrownBy(() -> new PersonalDataCipher(missing, "k1", CipherAlgorithm.AES_GCM, RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyIdsAreShortAscii() {
    for (String keyId : new String[] {"", "k 1", "密钥", "k/1", "k".repeat(33)}) {
      assertThatThrownBy(
              () ->
                  new PersonalDataCipher(
                      Map.of(keyId, new byte[32]), keyId, CipherAlgorithm.AES_GCM, RANDOM))
          .as(keyId)
          .isInstanceOf(IllegalArgumentException.class);
    }
    String longest = "A-z_0.9".repeat(4) + "abcd";
    PersonalDataCipher cipher =
        new PersonalDataCipher(
            Map.of(longest, key(CipherAlgorithm.AES_GCM)),
            longest,
            CipherAlgorithm.AES_GCM,
            RANDOM);
    assertThat(cipher.keyIdOf(cipher.encrypt("x", CONTEXT))).isEqualTo(longest);
  }

  @Test
  void activeKeyMustBeAmongTheKeys() {
    assertThatThrownBy(
            () ->
                new PersonalDataCipher(
                    Map.of("k1", new byte[32]), "k2", CipherAlgorithm.AES_GCM, RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the active key k2 is not among the keys [k1]");
    assertThatThrownBy(
            () -> new PersonalDataCipher(Map.of(), "k1", CipherAlgorithm.AES_GCM, RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keysAreCopied() {
    byte[] key = key(CipherAlgorithm.AES_GCM);
    PersonalDataCipher cipher =
        new PersonalDataCipher(Map.of("k1", key), "k1", CipherAlgorithm.AES_GCM, RANDOM);
    byte[] sealed = cipher.encrypt(ID_NUMBER, CONTEXT);
    Arrays.fill(key, (byte) 0);
    assertThat(cipher.decrypt(sealed, CONTEXT)).isEqualTo(ID_NUMBER);
  }

  @Test
  void contextMustNameSomethingAndTextMustBeWellFormed() {
    PersonalDataCipher cipher = cipher(CipherAlgorithm.AES_GCM);
    assertThatThrownBy(() -> cipher.encrypt(ID_NUMBER, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cipher.encrypt(null, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cipher.encrypt(ID_NUMBER, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> cipher.encrypt("张\uD800三", CONTEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("张");
  }

  @Test
  void fromBase64DecodesConfiguredKeys() {
    byte[] k1 = key(CipherAlgorithm.SM4_GCM);
    byte[] k2 = key(CipherAlgorithm.SM4_GCM);
    PersonalDataCipher configured =
        PersonalDataCipher.fromBase64(
            Map.of(
                "k1",
                Base64.getEncoder().encodeToString(k1),
                "k2",
                " " + Base64.getEncoder().encodeToString(k2) + "\n"),
            "k2",
            CipherAlgorithm.SM4_GCM,
            RANDOM);
    PersonalDataCipher direct =
        new PersonalDataCipher(Map.of("k1", k1), "k1", CipherAlgorithm.SM4_GCM, RANDOM);
    assertThat(configured.algorithm()).isEqualTo(CipherAlgorithm.SM4_GCM);
    assertThat(configured.activeKeyId()).isEqualTo("k2");
    assertThat(configured.decrypt(direct.encrypt(ID_NUMBER, CONTEXT), CONTEXT))
        .isEqualTo(ID_NUMBER);
  }

  @Test
  void fromBase64RefusesAValueThatIsNotBase64WithoutQuotingIt() {
    assertThatThrownBy(
            () ->
                PersonalDataCipher.fromBase64(
                    Map.of("k1", "secret-key-material!"), "k1", CipherAlgorithm.AES_GCM, RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key k1 is not Base64")
        .hasNoCause();
  }

  /** Every nonce is a0 a1 … ab, so that a sealed value can be compared with a known one. */
  static final class FixedNonce extends SecureRandom {
    private static final long serialVersionUID = 1L;

    @Override
    public void nextBytes(byte[] bytes) {
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) (0xa0 + i);
      }
    }
  }
}
