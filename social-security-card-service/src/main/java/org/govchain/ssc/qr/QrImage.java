package org.govchain.ssc.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws a text as a QR code PNG (error correction M, a quiet zone of 2 modules), black on white,
 * one bit per pixel; needs no display and sets no global state.
 */
public final class QrImage {
  public static final int MIN_SIZE = 64;
  public static final int MAX_SIZE = 1024;

  private static final Map<EncodeHintType, Object> HINTS =
      Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2);

  /** Palette indices of {@link BufferedImage#TYPE_BYTE_BINARY}. */
  private static final int BLACK = 0;

  private static final int WHITE = 1;

  private QrImage() {}

  /**
   * A square PNG of the text's QR code, {@code sizePixels} wide and high; the modules are whole
   * pixels, centred, with white around them where the size is not a multiple of the module count.
   * The text is encoded in byte mode as ISO-8859-1 (a payload's base64url is ASCII).
   *
   * @param sizePixels {@value #MIN_SIZE} to {@value #MAX_SIZE}
   * @throws IllegalArgumentException if the size is out of range, the text is empty, not
   *     ISO-8859-1, or needs more modules than there are pixels
   */
  public static byte[] png(String text, int sizePixels) {
    if (sizePixels < MIN_SIZE || sizePixels > MAX_SIZE) {
      throw new IllegalArgumentException(
          "size " + sizePixels + " px is not " + MIN_SIZE + " to " + MAX_SIZE);
    }
    if (text.isEmpty() || !StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
      throw new IllegalArgumentException("the text is empty or not ISO-8859-1");
    }
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, sizePixels, sizePixels, HINTS);
    } catch (WriterException e) {
      throw new IllegalArgumentException(
          "a text of " + text.length() + " characters does not fit in a QR code", e);
    }
    if (matrix.getWidth() != sizePixels || matrix.getHeight() != sizePixels) {
      throw new IllegalArgumentException(
          "the code needs " + matrix.getWidth() + " px, more than " + sizePixels);
    }
    return encodePng(draw(matrix));
  }

  private static BufferedImage draw(BitMatrix matrix) {
    BufferedImage image =
        new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
    WritableRaster raster = image.getRaster();
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        raster.setSample(x, y, 0, matrix.get(x, y) ? BLACK : WHITE);
      }
    }
    return image;
  }

  /** Through a memory cache, so ImageIO writes no temporary file and needs no global setting. */
  private static byte[] encodePng(BufferedImage image) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IllegalStateException("this JDK has no PNG writer");
    }
    ImageWriter writer = writers.next();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(png)) {
      writer.setOutput(out);
      writer.write(image);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a PNG to memory", e);
    } finally {
      writer.dispose();
    }
    return png.toByteArray();
  }
}
