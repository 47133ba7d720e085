package org.govchain.seal.seals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.govchain.seal.testing.TestSeals;
import org.junit.jupiter.api.Test;

class SealImageTest {
  final SealImageLimits limits = SealImageLimits.defaults();

  @Test
  void acceptsPngWithinLimitsAndKnowsItsSize() {
    SealImage image = SealImage.fromPng(TestSeals.png(300, 240), limits);
    assertThat(image.width()).isEqualTo(300);
    assertThat(image.height()).isEqualTo(240);
  }

  @Test
  void rejectsJpegAsNotPng() throws Exception {
    BufferedImage rgb = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(rgb, "jpg", jpeg);
    assertThatThrownBy(() -> SealImage.fromPng(jpeg.toByteArray(), limits))
        .isInstanceOfSatisfying(
            InvalidSealImageException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(InvalidSealImageException.Problem.NOT_PNG);
              assertThat(e.actual()).startsWith("FFD8");
            });
  }

  @Test
  void rejectsPngSignatureFollowedByGarbageAsCorrupt() {
    byte[] png = TestSeals.png(100, 100);
    byte[] broken = Arrays.copyOf(png, 40);
    assertThatThrownBy(() -> SealImage.fromPng(broken, limits))
        .isInstanceOfSatisfying(
            InvalidSealImageException.class,
            e -> assertThat(e.problem()).isEqualTo(InvalidSealImageException.Problem.CORRUPT));
  }

  @Test
  void rejectsTooManyBytesBeforeDecoding() {
    byte[] png = TestSeals.png(100, 100);
    SealImageLimits tight = new SealImageLimits(png.length - 1, 64, 2048);
    assertThatThrownBy(() -> SealImage.fromPng(png, tight))
        .isInstanceOfSatisfying(
            InvalidSealImageException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(InvalidSealImageException.Problem.TOO_LARGE);
              assertThat(e.actual()).isEqualTo(png.length + " bytes");
            });
  }

  @Test
  void rejectsTooSmallAndTooLargeDimensions() {
    SealImageLimits box = new SealImageLimits(1 << 20, 64, 256);
    assertThatThrownBy(() -> SealImage.fromPng(TestSeals.png(63, 100), box))
        .isInstanceOfSatisfying(
            InvalidSealImageException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(InvalidSealImageException.Problem.DIMENSIONS);
              assertThat(e.actual()).isEqualTo("63x100 px");
            });
    assertThatThrownBy(() -> SealImage.fromPng(TestSeals.png(100, 257), box))
        .isInstanceOf(InvalidSealImageException.class);
  }

  @Test
  void rejectsHugeDeclaredDimensionsWithoutDecoding() {
    byte[] bomb = TestSeals.png(100, 100);
    // IHDR width := 1_000_000 px; the CRC no longer matches, but the check comes first
    java.nio.ByteBuffer.wrap(bomb, 16, 4).putInt(1_000_000);
    assertThatThrownBy(() -> SealImage.fromPng(bomb, limits))
        .isInstanceOfSatisfying(
            InvalidSealImageException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(InvalidSealImageException.Problem.DIMENSIONS);
              assertThat(e.actual()).isEqualTo("1000000x100 px");
            });
  }

  @Test
  void rejectsEmptyUpload() {
    assertThatThrownBy(() -> SealImage.fromPng(new byte[0], limits))
        .isInstanceOfSatisfying(
            InvalidSealImageException.class,
            e -> assertThat(e.problem()).isEqualTo(InvalidSealImageException.Problem.NOT_PNG));
  }

  @Test
  void keepsItsOwnCopyOfTheBytes() {
    byte[] png = TestSeals.png(100, 100);
    SealImage image = SealImage.fromPng(png, limits);
    png[20] ^= 1;
    assertThat(image.png()).isNotEqualTo(png);
  }
}
