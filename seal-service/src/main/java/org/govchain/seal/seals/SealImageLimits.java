package org.govchain.seal.seals;

/**
 * Configured limits for seal images: at most {@code maxBytes}, width and height each within [{@code
 * minPixels}, {@code maxPixels}].
 */
public record SealImageLimits(long maxBytes, int minPixels, int maxPixels) {
  public SealImageLimits {
    if (maxBytes <= 0 || minPixels <= 0 || maxPixels < minPixels) {
      throw new IllegalArgumentException(
          "bad seal image limits: " + maxBytes + " bytes, " + minPixels + ".." + maxPixels + " px");
    }
  }

  /** Local defaults: 512 KiB, 64..2048 pixels a side. */
  public static SealImageLimits defaults() {
    return new SealImageLimits(512 * 1024, 64, 2048);
  }
}
