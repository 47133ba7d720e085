package org.govchain.seal.sealing;

import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.seal.problems.ProblemType;

/** A seal that would not fit inside the page's visible area (sizes in millimetres). */
public final class PlacementOutsidePageException extends ProblemException {
  private final SealPlacement placement;
  private final double sealHeightMm;
  private final double pageWidthMm;
  private final double pageHeightMm;

  public PlacementOutsidePageException(
      SealPlacement placement, double sealHeightMm, double pageWidthMm, double pageHeightMm) {
    super(
        ProblemType.PLACEMENT,
        String.format(
            java.util.Locale.ROOT,
            "seal at (%.1f, %.1f) mm, %.1f x %.1f mm, does not fit the %.1f x %.1f mm page",
            placement.xMm(),
            placement.yMm(),
            placement.widthMm(),
            sealHeightMm,
            pageWidthMm,
            pageHeightMm),
        Map.of("pageWidthMm", pageWidthMm, "pageHeightMm", pageHeightMm));
    this.placement = placement;
    this.sealHeightMm = sealHeightMm;
    this.pageWidthMm = pageWidthMm;
    this.pageHeightMm = pageHeightMm;
  }

  public SealPlacement placement() {
    return placement;
  }

  public double sealHeightMm() {
    return sealHeightMm;
  }

  public double pageWidthMm() {
    return pageWidthMm;
  }

  public double pageHeightMm() {
    return pageHeightMm;
  }
}
