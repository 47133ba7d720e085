package org.govchain.ssc.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class QrImageTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @ParameterizedTest
  @EnumSource(QrSignatureAlgorithm.class)
  void payloadDrawnAsPngDecodesBackToTheSameText(QrSignatureAlgorithm algorithm) throws Exception {
    String text =
        new QrIssuer(QrKeys.generate(algorithm, RANDOM))
            .issue(UUID.randomUUID(), Instant.now(), QrIssuer.DEFAULT_VALIDITY, RANDOM)
            .encode();

    for (int size : new int[] {64, 200, 256, 1024}) {
      byte[] png = QrImage.png(text, size);

      assertThat(png).startsWith(PNG_SIGNATURE);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(image.getWidth()).isEqualTo(size);
      assertThat(image.getHeight()).isEqualTo(size);
      assertThat(decode(image).getText()).as("%d px", size).isEqualTo(text);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, 0, 63, 1025})
  void sizeOutsideTheRangeIsRefused(int size) {
    assertThatThrownBy(() -> QrImage.png("text", size))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 to 1024");
  }

  @Test
  void textThatCannotBeDrawnIsRefused() {
    assertThatThrownBy(() -> QrImage.png("", 256)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QrImage.png("社保卡", 256)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QrImage.png("x".repeat(4000), 1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit");
    assertThatThrownBy(() -> QrImage.png("x".repeat(1000), 64))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 64");
  }

  /** What ZXing's javase module would do: the image's pixels as a luminance source. */
  private static Result decode(BufferedImage image) throws Exception {
    int width = image.getWidth();
    int height = image.getHeight();
    int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
    return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
  }
}
