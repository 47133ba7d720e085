package org.govchain.seal.sealing;

/**
 * Where to stamp: page number (1-based) and the seal's top-left corner and width, in millimetres
 * measured from the top-left corner of the page's visible area (crop box), x to the right, y down —
 * as a clerk measures on paper or clicks on a rendered page. The height follows the image's aspect
 * ratio. Pages with a /Rotate are measured as displayed, and the seal is drawn upright.
 *
 * <p>Preconditions: page ≥ 1, x and y ≥ 0, width &gt; 0.
 */
public record SealPlacement(int page, double xMm, double yMm, double widthMm) {
  /** PDF points per millimetre (72 points an inch). */
  public static final double POINTS_PER_MM = 72 / 25.4;

  public SealPlacement {
    if (page < 1 || xMm < 0 || yMm < 0 || widthMm <= 0) {
      throw new IllegalArgumentException(
          "bad placement: page " + page + ", x " + xMm + ", y " + yMm + ", width " + widthMm);
    }
  }

  public static SealPlacement of(int page, double xMm, double yMm, double widthMm) {
    return new SealPlacement(page, xMm, yMm, widthMm);
  }
}
