package org.govchain.seal.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.govchain.seal.seals.SealImage;
import org.junit.jupiter.api.Test;

class EncodedSealImagesTest {

  final EncodedSealImages images = new EncodedSealImages();

  /**
   * The first document gets the image PDFBox made, the next ones a copy of its encoded streams:
   * each, written out and read back, shows exactly the PNG's pixels and alpha.
   */
  @Test
  void everyDocumentGetsThePngsPixelsAndAlphaWhetherMadeOrKept() throws IOException {
    SealImage seal = image(60, 40, 7);
    for (int document = 0; document < 3; document++) {
      BufferedImage shown = roundTrip(seal);
      assertSamePixels(shown, ImageIO.read(new ByteArrayInputStream(seal.png())));
    }
    assertThat(images.size()).isEqualTo(1);
  }

  @Test
  void keptImagesAreTheirOwnPngsEach() throws IOException {
    SealImage first = image(50, 50, 1);
    SealImage second = image(50, 50, 2);
    images.image(new PDDocument(), first);
    images.image(new PDDocument(), second);
    assertThat(images.size()).isEqualTo(2);
    assertSamePixels(roundTrip(first), ImageIO.read(new ByteArrayInputStream(first.png())));
    assertSamePixels(roundTrip(second), ImageIO.read(new ByteArrayInputStream(second.png())));
  }

  @Test
  void keepsAtMostMaxImages() throws IOException {
    for (int i = 0; i <= EncodedSealImages.MAX_IMAGES; i++) {
      try (PDDocument document = new PDDocument()) {
        images.image(document, image(12, 12, i));
      }
    }
    assertThat(images.size()).isEqualTo(EncodedSealImages.MAX_IMAGES);
  }

  /** The image drawn on a page of a new document, saved, loaded again, and decoded. */
  BufferedImage roundTrip(SealImage seal) throws IOException {
    byte[] saved;
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      PDImageXObject picture = images.image(document, seal);
      assertThat(picture.getCOSObject().getCOSStream(COSName.SMASK)).isNotNull();
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawImage(picture, 10, 10);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      saved = out.toByteArray();
    }
    try (PDDocument document = Loader.loadPDF(saved)) {
      var resources = document.getPage(0).getResources();
      COSName name = resources.getXObjectNames().iterator().next();
      return ((PDImageXObject) resources.getXObject(name)).getImage();
    }
  }

  /** A PNG of coloured pixels whose alpha varies from 0 to 255, different for each seed. */
  static SealImage image(int width, int height, int seed) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int alpha = (x * 255) / (width - 1);
        int red = (y * 255) / (height - 1);
        image.setRGB(x, y, alpha << 24 | red << 16 | (seed * 37 & 0xff) << 8 | (x ^ y) & 0xff);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return new SealImage(out.toByteArray(), width, height);
  }

  /** Alpha everywhere, colour where a pixel is not fully transparent. */
  static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
    assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
    assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
    for (int y = 0; y < expected.getHeight(); y++) {
      for (int x = 0; x < expected.getWidth(); x++) {
        int want = expected.getRGB(x, y);
        int got = actual.getRGB(x, y);
        String at = "pixel " + x + "," + y;
        assertThat(got >>> 24).as(at).isEqualTo(want >>> 24);
        if (want >>> 24 != 0) {
          assertThat(got & 0xffffff).as(at).isEqualTo(want & 0xffffff);
        }
      }
    }
  }
}
