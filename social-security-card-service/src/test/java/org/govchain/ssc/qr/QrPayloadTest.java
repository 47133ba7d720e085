package org.govchain.ssc.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.govchain.ssc.qr.QrVerifier.Verification.Valid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QrPayloadTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final UUID CARD = UUID.fromString("6f1c2a9e-3b7d-4e15-9a0c-5d2e8f417b63");
  private static final long ISSUED_AT = Instant.parse("2025-06-01T08:30:15Z").getEpochSecond();
  private static final byte[] TOKEN = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

  /**
   * The RFC 8032 test 1 key signing token 00..0f for {@link #CARD} at 2025-06-01T08:30:15Z for 60
   * s, computed apart with Python's cryptography package.
   */
  private static final String GOLDEN_ED25519 =
      "AQEG4_2PAAECAwQFBgcICQoLDA0OD28cKp47fU4VmgxdLo9Be2MAAAAAaDwPlwAAADyHm0ckBrfdEbnM0V0vB_oXXh"
          + "QWR70OtFlb2mTpZPyiaT95kM4g126dyogexNrBdumHYEGyowSxlTrlqdrUqfkN";

  @Test
  void ed25519PayloadMatchesTheIndependentlyComputedVector() {
    QrKeys keys = QrKeys.fromPem(QrKeysTest.RFC8032_PEM);
    byte[] signed =
        QrPayload.signedBytes(
            QrSignatureAlgorithm.ED25519, keys.keyId(), TOKEN, CARD, ISSUED_AT, ISSUED_AT + 60);
    QrPayload payload =
        new QrPayload(
            1,
            QrSignatureAlgorithm.ED25519,
            keys.keyId(),
            TOKEN,
            CARD,
            ISSUED_AT,
            ISSUED_AT + 60,
            keys.sign(signed, RANDOM));

    assertThat(payload.encode()).isEqualTo(GOLDEN_ED25519);
    assertThat(
            QrVerifier.of(keys.publicKey())
                .verify(GOLDEN_ED25519, Instant.ofEpochSecond(ISSUED_AT)))
        .isEqualTo(new Valid(payload));
  }

  @ParameterizedTest
  @EnumSource(QrSignatureAlgorithm.class)
  void binaryFormFollowsTheDocumentedLayout(QrSignatureAlgorithm algorithm) {
    QrKeys keys = QrKeys.generate(algorithm, RANDOM);
    QrPayload payload =
        new QrIssuer(keys)
            .issue(CARD, Instant.ofEpochSecond(ISSUED_AT), QrIssuer.DEFAULT_VALIDITY, RANDOM);

    ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(payload.encode()));

    assertThat(bytes.remaining()).isEqualTo(114);
    assertThat(bytes.get()).isEqualTo((byte) 1);
    assertThat(bytes.get()).isEqualTo((byte) algorithm.code());
    assertThat(HexFormat.of().formatHex(take(bytes, 4))).isEqualTo(keys.keyId());
    assertThat(take(bytes, 16)).isEqualTo(payload.tokenId());
    assertThat(new UUID(bytes.getLong(), bytes.getLong())).isEqualTo(CARD);
    assertThat(bytes.getLong()).isEqualTo(ISSUED_AT);
    assertThat(bytes.getInt()).isEqualTo(60);
    assertThat(take(bytes, 64)).isEqualTo(payload.signature());
    assertThat(bytes.hasRemaining()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(QrSignatureAlgorithm.class)
  void encodedPayloadIs152CharactersOfBase64urlForEitherAlgorithm(QrSignatureAlgorithm algorithm) {
    QrKeys keys = QrKeys.generate(algorithm, RANDOM);
    for (int i = 0; i < 50; i++) {
      String text =
          new QrIssuer(keys)
              .issue(UUID.randomUUID(), Instant.now(), QrIssuer.MAX_VALIDITY, RANDOM)
              .encode();

      assertThat(text).hasSize(152).matches("[A-Za-z0-9_-]+");
    }
  }

  @Test
  void arraysAreCopiedInAndOut() {
    byte[] token = TOKEN.clone();
    QrPayload payload = payload(token, ISSUED_AT, ISSUED_AT + 60);

    token[0] = 99;
    payload.tokenId()[1] = 99;
    payload.signature()[0] = 99;

    assertThat(payload.tokenId()).isEqualTo(TOKEN);
    assertThat(payload.signature()).isEqualTo(new byte[64]);
    assertThat(payload).isEqualTo(payload(TOKEN, ISSUED_AT, ISSUED_AT + 60));
    assertThat(payload.hashCode()).isEqualTo(payload(TOKEN, ISSUED_AT, ISSUED_AT + 60).hashCode());
    assertThat(payload.tokenIdHex()).isEqualTo("000102030405060708090a0b0c0d0e0f");
  }

  @Test
  void fieldsThatDoNotFitTheLayoutAreRefused() {
    assertThatThrownBy(() -> payload(new byte[15], ISSUED_AT, ISSUED_AT + 60))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokenId has 15 bytes");
    assertThatThrownBy(() -> payload(TOKEN, ISSUED_AT, ISSUED_AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> payload(TOKEN, ISSUED_AT, ISSUED_AT + (1L << 32)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> payload(TOKEN, -1, 60)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new QrPayload(
                    2, QrSignatureAlgorithm.SM2, "0a0b0c0d", TOKEN, CARD, 0, 1, new byte[64]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new QrPayload(
                    1, QrSignatureAlgorithm.SM2, "0A0B0C0D", TOKEN, CARD, 0, 1, new byte[64]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new QrPayload(
                    1, QrSignatureAlgorithm.SM2, "0a0b0c0d", TOKEN, CARD, 0, 1, new byte[72]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void printedPayloadShowsNoSignature() {
    assertThat(payload(TOKEN, ISSUED_AT, ISSUED_AT + 60))
        .hasToString(
            "QrPayload[v1 SM2 key 0a0b0c0d token 000102030405060708090a0b0c0d0e0f card "
                + CARD
                + " issuedAt 1748766615 expiresAt 1748766675]");
  }

  private static QrPayload payload(byte[] token, long issuedAt, long expiresAt) {
    return new QrPayload(
        1, QrSignatureAlgorithm.SM2, "0a0b0c0d", token, CARD, issuedAt, expiresAt, new byte[64]);
  }

  private static byte[] take(ByteBuffer buffer, int length) {
    byte[] bytes = new byte[length];
    buffer.get(bytes);
    return bytes;
  }
}
