package org.govchain.portal.certificate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The platform seal's impression, drawn when the portal makes the seal: a red ring, the
 * organisation's name along its upper arc, a five-pointed star and the seal's purpose beneath, on a
 * transparent background, as Chinese official seals look.
 */
final class SealImage {

  private static final int SIZE = 400;
  private static final Color SEAL_RED = new Color(0xD0, 0x10, 0x10);
  private static final String PURPOSE = "存证专用章";

  private final Font font;

  SealImage(String fontResource) {
    try (InputStream in = SealImage.class.getResourceAsStream(fontResource)) {
      if (in == null) {
        throw new IllegalStateException("font resource " + fontResource + " is missing");
      }
      this.font = Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("font resource " + fontResource + " is not TrueType", e);
    }
  }

  /** The impression for {@code organisation} as a PNG. */
  byte[] png(String organisation) {
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(SEAL_RED);
      g.setStroke(new BasicStroke(12f));
      g.drawOval(10, 10, SIZE - 20, SIZE - 20);
      g.fill(star(SIZE / 2.0, SIZE / 2.0, 62));
      arc(g, organisation);
      Font purpose = font.deriveFont(Font.PLAIN, 34f);
      g.setFont(purpose);
      int width = g.getFontMetrics().stringWidth(PURPOSE);
      g.drawString(PURPOSE, (SIZE - width) / 2, SIZE / 2 + 118);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The name along the upper arc, from about 8 o'clock to 4 o'clock, each glyph upright to it. */
  private void arc(Graphics2D g, String text) {
    int count = text.codePointCount(0, text.length());
    if (count == 0) {
      return;
    }
    double span = Math.toRadians(Math.min(240, 22 * count + 20));
    float size = (float) Math.max(22, Math.min(52, 600.0 / count));
    Font arcFont = font.deriveFont(Font.PLAIN, size);
    double radius = SIZE / 2.0 - 30 - size * 0.85;
    double start = -Math.PI / 2 - span / 2;
    double step = count == 1 ? 0 : span / (count - 1);
    int[] codePoints = text.codePoints().toArray();
    for (int i = 0; i < count; i++) {
      double angle = count == 1 ? -Math.PI / 2 : start + i * step;
      GlyphVector glyph =
          arcFont.createGlyphVector(g.getFontRenderContext(), Character.toString(codePoints[i]));
      double width = glyph.getLogicalBounds().getWidth();
      AffineTransform at = new AffineTransform();
      at.translate(SIZE / 2.0 + radius * Math.cos(angle), SIZE / 2.0 + radius * Math.sin(angle));
      at.rotate(angle + Math.PI / 2);
      at.translate(-width / 2, size * 0.35);
      g.fill(at.createTransformedShape(glyph.getOutline()));
    }
  }

  private static Path2D star(double cx, double cy, double outer) {
    double inner = outer * 0.382;
    Path2D path = new Path2D.Double();
    for (int i = 0; i < 10; i++) {
      double r = i % 2 == 0 ? outer : inner;
      double a = -Math.PI / 2 + i * Math.PI / 5;
      double x = cx + r * Math.cos(a);
      double y = cy + r * Math.sin(a);
      if (i == 0) {
        path.moveTo(x, y);
      } else {
        path.lineTo(x, y);
      }
    }
    path.closePath();
    return path;
  }
}
