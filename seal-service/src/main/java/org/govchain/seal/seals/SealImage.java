package org.govchain.seal.seals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** A checked seal image: PNG bytes that decode, within the configured size and dimensions. */
public record SealImage(byte[] png, int width, int height) {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  public SealImage {
    png = png.clone();
  }

  /**
   * Checks and wraps an uploaded image.
   *
   * @throws InvalidSealImageException if the bytes are too many, not a PNG, do not decode, or the
   *     dimensions are outside the limits
   */
  public static SealImage fromPng(byte[] bytes, SealImageLimits limits) {
    if (bytes.length > limits.maxBytes()) {
      throw new InvalidSealImageException(
          InvalidSealImageException.Problem.TOO_LARGE,
          "at most " + limits.maxBytes() + " bytes",
          bytes.length + " bytes");
    }
    if (bytes.length < PNG_SIGNATURE.length
        || !Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
      throw new InvalidSealImageException(
          InvalidSealImageException.Problem.NOT_PNG, "PNG signature 89504E470D0A1A0A", hex(bytes));
    }
    if (!hasHeader(bytes)) {
      throw new InvalidSealImageException(
          InvalidSealImageException.Problem.CORRUPT, "an IHDR chunk first", "none");
    }
    checkDimensions(headerWidth(bytes), headerHeight(bytes), limits);
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      image = null;
    }
    if (image == null) {
      throw new InvalidSealImageException(
          InvalidSealImageException.Problem.CORRUPT, "a decodable PNG", "undecodable data");
    }
    checkDimensions(image.getWidth(), image.getHeight(), limits);
    return new SealImage(bytes, image.getWidth(), image.getHeight());
  }

  /** Checked before decoding, so a small file declaring a huge image cannot exhaust memory. */
  private static void checkDimensions(long w, long h, SealImageLimits limits) {
    if (w < limits.minPixels()
        || h < limits.minPixels()
        || w > limits.maxPixels()
        || h > limits.maxPixels()) {
      throw new InvalidSealImageException(
          InvalidSealImageException.Problem.DIMENSIONS,
          "each side " + limits.minPixels() + ".." + limits.maxPixels() + " px",
          w + "x" + h + " px");
    }
  }

  /** Width from the IHDR chunk, which a PNG must start with (bytes 16..19), or -1 if absent. */
  private static long headerWidth(byte[] png) {
    return hasHeader(png) ? Integer.toUnsignedLong(ByteBuffer.wrap(png, 16, 4).getInt()) : -1;
  }

  private static long headerHeight(byte[] png) {
    return hasHeader(png) ? Integer.toUnsignedLong(ByteBuffer.wrap(png, 20, 4).getInt()) : -1;
  }

  private static boolean hasHeader(byte[] png) {
    return png.length >= 24 && png[12] == 'I' && png[13] == 'H' && png[14] == 'D' && png[15] == 'R';
  }

  @Override
  public byte[] png() {
    return png.clone();
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(8, bytes.length); i++) {
      sb.append(String.format("%02X", bytes[i]));
    }
    return sb.length() == 0 ? "(empty)" : sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SealImage other && Arrays.equals(png, other.png);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(png);
  }

  @Override
  public String toString() {
    return "SealImage[" + width + "x" + height + ", " + png.length + " bytes]";
  }
}
