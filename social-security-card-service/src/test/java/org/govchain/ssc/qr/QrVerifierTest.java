package org.govchain.ssc.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.govchain.ssc.qr.QrVerifier.Verification;
import org.govchain.ssc.qr.QrVerifier.Verification.Expired;
import org.govchain.ssc.qr.QrVerifier.Verification.Forged;
import org.govchain.ssc.qr.QrVerifier.Verification.Valid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QrVerifierTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Instant NOW = Instant.parse("2025-06-01T08:30:15.250Z");
  private static final Duration VALIDITY = QrIssuer.DEFAULT_VALIDITY;
  private static final UUID CARD = UUID.fromString("6f1c2a9e-3b7d-4e15-9a0c-5d2e8f417b63");

  @ParameterizedTest
  @EnumSource(QrSignatureAlgorithm.class)
  void issuedPayloadVerifiesAsValidWithTheSameFields(QrSignatureAlgorithm algorithm) {
    QrKeys keys = QrKeys.generate(algorithm, RANDOM);
    QrPayload issued = new QrIssuer(keys).issue(CARD, NOW, VALIDITY, RANDOM);

    Verification result = QrVerifier.of(keys.publicKey()).verify(issued.encode(), NOW);

    assertThat(result).isInstanceOf(Valid.class);
    QrPayload verified = ((Valid) result).payload();
    assertThat(verified).isEqualTo(issued);
    assertThat(verified.version()).isEqualTo(1);
    assertThat(verified.algorithm()).isEqualTo(algorithm);
    assertThat(verified.keyId()).isEqualTo(keys.keyId());
    assertThat(verified.tokenId()).hasSize(16).isEqualTo(issued.tokenId());
    assertThat(verified.cardId()).isEqualTo(CARD);
    assertThat(verified.issuedAt()).isEqualTo(NOW.getEpochSecond());
    assertThat(verified.expiresAt()).isEqualTo(NOW.getEpochSecond() + 60);
    assertThat(verified.signature()).hasSize(64);
  }

  @ParameterizedTest
  @EnumSource(QrSignatureAlgorithm.class)
  void payloadIsValidUntilTheSecondBeforeExpiryAndExpiredFromExactlyExpiresAt(
      QrSignatureAlgorithm algorithm) {
    QrKeys keys = QrKeys.generate(algorithm, RANDOM);
    QrPayload issued = new QrIssuer(keys).issue(CARD, NOW, VALIDITY, RANDOM);
    QrVerifier verifier = QrVerifier.of(keys.publicKey());
    Instant expiresAt = Instant.ofEpochSecond(issued.expiresAt());

    assertThat(verifier.verify(issued.encode(), expiresAt.minusNanos(1))).isInstanceOf(Valid.class);
    assertThat(verifier.verify(issued.encode(), expiresAt)).isEqualTo(new Expired(issued));
    assertThat(verifier.verify(issued.encode(), expiresAt.plus(Duration.ofDays(365))))
        .isEqualTo(new Expired(issued));
  }

  @ParameterizedTest
  @EnumSource(QrSignatureAlgorithm.class)
  void payloadIssuedMoreThanTheClockSkewInTheFutureIsForged(QrSignatureAlgorithm algorithm) {
    QrKeys keys = QrKeys.generate(algorithm, RANDOM);
    QrIssuer issuer = new QrIssuer(keys);
    QrVerifier verifier = QrVerifier.of(keys.publicKey());
    Instant now = Instant.ofEpochSecond(NOW.getEpochSecond());

    QrPayload atSkew = issuer.issue(CARD, now.plusSeconds(30), VALIDITY, RANDOM);
    QrPayload beyondSkew = issuer.issue(CARD, now.plusSeconds(31), VALIDITY, RANDOM);

    assertThat(verifier.verify(atSkew.encode(), now)).isInstanceOf(Valid.class);
    assertThat(verifier.verify(beyondSkew.encode(), now))
        .isInstanceOfSatisfying(
            Forged.class, f -> assertThat(f.why()).contains("issued at").contains("PT30S"));
  }

  @ParameterizedTest
  @EnumSource(QrSignatureAlgorithm.class)
  void payloadSignedByAnotherKeyUnderTheKnownKeyIdIsForged(QrSignatureAlgorithm algorithm) {
    QrKeys trusted = QrKeys.generate(algorithm, RANDOM);
    QrKeys attacker = QrKeys.generate(algorithm, RANDOM);
    QrPayload genuine = new QrIssuer(trusted).issue(CARD, NOW, VALIDITY, RANDOM);
    QrPayload forged = resigned(genuine, attacker);

    assertThat(forged.keyId()).isEqualTo(trusted.keyId());
    assertThat(QrVerifier.of(trusted.publicKey()).verify(forged.encode(), NOW))
        .isEqualTo(new Forged("bad signature for key " + trusted.keyId()));
  }

  @ParameterizedTest
  @EnumSource(QrSignatureAlgorithm.class)
  void payloadOfAnUnknownKeyIdIsForged(QrSignatureAlgorithm algorithm) {
    QrKeys known = QrKeys.generate(algorithm, RANDOM);
    QrKeys unknown = QrKeys.generate(algorithm, RANDOM);
    QrPayload payload = new QrIssuer(unknown).issue(CARD, NOW, VALIDITY, RANDOM);

    assertThat(QrVerifier.of(known.publicKey()).verify(payload.encode(), NOW))
        .isEqualTo(new Forged("unknown key id " + unknown.keyId()));
  }

  @Test
  void payloadWhoseAlgorithmByteDisagreesWithItsKeyIsForged() {
    QrKeys ed25519 = QrKeys.generate(QrSignatureAlgorithm.ED25519, RANDOM);
    QrPayload payload = new QrIssuer(ed25519).issue(CARD, NOW, VALIDITY, RANDOM);
    byte[] bytes = payload.toBytes();
    bytes[1] = (byte) QrSignatureAlgorithm.SM2.code();

    assertThat(QrVerifier.of(ed25519.publicKey()).verify(encode(bytes), NOW))
        .isEqualTo(new Forged("key " + ed25519.keyId() + " is ED25519, the payload says SM2"));
  }

  @Test
  void duringRotationBothKeysAreAcceptedAndAfterRemovalTheOldOneIsNot() {
    QrKeys old = QrKeys.generate(QrSignatureAlgorithm.ED25519, RANDOM);
    QrKeys current = QrKeys.generate(QrSignatureAlgorithm.SM2, RANDOM);
    String byOld = new QrIssuer(old).issue(CARD, NOW, VALIDITY, RANDOM).encode();
    String byCurrent = new QrIssuer(current).issue(CARD, NOW, VALIDITY, RANDOM).encode();

    QrVerifier rotating = QrVerifier.of(current.publicKey(), old.publicKey());
    QrVerifier rotated = QrVerifier.of(current.publicKey());

    assertThat(rotating.keyIds()).containsExactlyInAnyOrder(old.keyId(), current.keyId());
    assertThat(rotating.verify(byOld, NOW)).isInstanceOf(Valid.class);
    assertThat(rotating.verify(byCurrent, NOW)).isInstanceOf(Valid.class);
    assertThat(rotated.verify(byOld, NOW)).isInstanceOf(Forged.class);
    assertThat(rotated.verify(byCurrent, NOW)).isInstanceOf(Valid.class);
  }

  @Test
  void verifierNeedsAKeyAndOneKeyPerKeyId() {
    QrKeys keys = QrKeys.generate(QrSignatureAlgorithm.ED25519, RANDOM);

    assertThatThrownBy(() -> new QrVerifier(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(QrVerifier.of(keys.publicKey(), keys.publicKey()).keyIds())
        .containsExactly(keys.keyId());
  }

  @ParameterizedTest
  @EnumSource(QrSignatureAlgorithm.class)
  void everyFlippedBitOfAValidPayloadIsForged(QrSignatureAlgorithm algorithm) {
    QrKeys keys = QrKeys.generate(algorithm, RANDOM);
    QrPayload payload = new QrIssuer(keys).issue(CARD, NOW, VALIDITY, RANDOM);
    QrVerifier verifier = QrVerifier.of(keys.publicKey());
    byte[] bytes = payload.toBytes();

    for (int bit = 0; bit < bytes.length * 8; bit++) {
      byte[] flipped = bytes.clone();
      flipped[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
      int at = bit;
      assertThat(verifier.verify(encode(flipped), NOW))
          .as("bit %d (byte %d)", at, at / 8)
          .isInstanceOf(Forged.class);
    }
  }

  @ParameterizedTest
  @EnumSource(QrSignatureAlgorithm.class)
  void everyFlippedBitOfTheTextIsForged(QrSignatureAlgorithm algorithm) {
    QrKeys keys = QrKeys.generate(algorithm, RANDOM);
    String text = new QrIssuer(keys).issue(CARD, NOW, VALIDITY, RANDOM).encode();
    QrVerifier verifier = QrVerifier.of(keys.publicKey());
    byte[] chars = text.getBytes(StandardCharsets.ISO_8859_1);

    for (int bit = 0; bit < chars.length * 8; bit++) {
      byte[] flipped = chars.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThat(verifier.verify(new String(flipped, StandardCharsets.ISO_8859_1), NOW))
          .isInstanceOf(Forged.class);
    }
  }

  @ParameterizedTest
  @EnumSource(QrSignatureAlgorithm.class)
  void randomTextsAndBytesOfEveryLengthAreForgedWithoutAnException(QrSignatureAlgorithm algorithm) {
    QrKeys keys = QrKeys.generate(algorithm, RANDOM);
    QrVerifier verifier = QrVerifier.of(keys.publicKey());
    Random fuzz = new Random(20250601L + algorithm.ordinal());
    String alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .\n\u00e9\u4e2d";

    for (int length = 0; length <= 400; length++) {
      for (int round = 0; round < 10; round++) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
          text.append(alphabet.charAt(fuzz.nextInt(alphabet.length())));
        }
        assertThat(verifier.verify(text.toString(), NOW)).isInstanceOf(Forged.class);

        byte[] bytes = new byte[length];
        fuzz.nextBytes(bytes);
        assertThat(verifier.verify(encode(bytes), NOW)).isInstanceOf(Forged.class);
        assertThat(verifier.verify(new String(bytes, StandardCharsets.ISO_8859_1), NOW))
            .isInstanceOf(Forged.class);
      }
    }
    assertThat(verifier.verify(null, NOW)).isEqualTo(new Forged("no text"));
    assertThat(verifier.verify("", NOW)).isEqualTo(new Forged("no text"));
  }

  @ParameterizedTest
  @EnumSource(QrSignatureAlgorithm.class)
  void randomPayloadsUnderTheKnownKeyIdAreForgedWithoutAnException(QrSignatureAlgorithm algorithm) {
    QrKeys keys = QrKeys.generate(algorithm, RANDOM);
    QrVerifier verifier = QrVerifier.of(keys.publicKey());
    Random fuzz = new Random(7L + algorithm.ordinal());
    byte[] keyId = HexFormat.of().parseHex(keys.keyId());

    for (int round = 0; round < 2_000; round++) {
      byte[] bytes = new byte[QrPayload.LENGTH];
      fuzz.nextBytes(bytes);
      bytes[0] = 1;
      bytes[1] = (byte) algorithm.code();
      System.arraycopy(keyId, 0, bytes, 2, 4);
      if (round % 2 == 0) { // plausible times, so that the signature itself is checked
        putLong(bytes, 38, NOW.getEpochSecond());
        bytes[46] = 0;
        bytes[47] = 0;
      }
      assertThat(verifier.verify(encode(bytes), NOW)).isInstanceOf(Forged.class);
    }
  }

  @ParameterizedTest
  @EnumSource(QrSignatureAlgorithm.class)
  void paddedOrStandardBase64IsForged(QrSignatureAlgorithm algorithm) {
    QrKeys keys = QrKeys.generate(algorithm, RANDOM);
    QrPayload payload = new QrIssuer(keys).issue(CARD, NOW, VALIDITY, RANDOM);
    QrVerifier verifier = QrVerifier.of(keys.publicKey());
    String text = payload.encode();

    assertThat(verifier.verify(text + "\n", NOW)).isInstanceOf(Forged.class);
    assertThat(verifier.verify(" " + text, NOW)).isInstanceOf(Forged.class);
    assertThat(verifier.verify(text.substring(0, text.length() - 2) + "==", NOW))
        .isInstanceOf(Forged.class);
    assertThat(verifier.verify(text.replace('-', '+').replace('_', '/'), NOW))
        .isInstanceOf(text.matches("[A-Za-z0-9]*") ? Valid.class : Forged.class);
  }

  /** The payload's fields signed by another key, keeping the original key id. */
  static QrPayload resigned(QrPayload payload, QrKeys by) {
    return new QrPayload(
        payload.version(),
        payload.algorithm(),
        payload.keyId(),
        payload.tokenId(),
        payload.cardId(),
        payload.issuedAt(),
        payload.expiresAt(),
        by.sign(payload.signedBytes(), RANDOM));
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void putLong(byte[] bytes, int offset, long value) {
    for (int i = 7; i >= 0; i--) {
      bytes[offset + i] = (byte) value;
      value >>>= 8;
    }
  }
}
