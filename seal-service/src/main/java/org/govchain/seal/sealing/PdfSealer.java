package org.govchain.seal.sealing;

import java.awt.geom.AffineTransform;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import javax.security.auth.x500.X500Principal;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.govchain.seal.seals.SealImage;

/**
 * Stamps a PDF: draws the seal image at the chosen place and embeds a PAdES baseline signature
 * (SubFilter ETSI.CAdES.detached; CMS with content-type, message-digest, signing-certificate-v2 and
 * the seal's chain; signing time in the signature dictionary's /M) as an incremental update, so the
 * original bytes stay untouched.
 */
public final class PdfSealer {
  /** Room reserved for the CMS in /Contents (bytes); a P-256 or SM2 chain needs about 1.5 KB. */
  static final int SIGNATURE_SIZE = 8192;

  private final long maxPdfBytes;
  private final EncodedSealImages images = new EncodedSealImages();

  /** A sealer for PDFs of at most {@code maxPdfBytes}. */
  public PdfSealer(long maxPdfBytes) {
    this.maxPdfBytes = maxPdfBytes;
  }

  /**
   * A sealed PDF and its new signature's /Contents as a reader of the PDF gets them ({@link
   * PDSignature#getContents(byte[])}: the CMS and the zero padding of the space kept for it).
   */
  public record Sealed(byte[] pdf, byte[] signatureContents) {}

  /**
   * Returns the sealed PDF. The signing time is truncated to whole seconds (the precision of a PDF
   * date).
   *
   * @throws DocumentTooLargeException if the PDF exceeds the configured size
   * @throws InvalidPdfException if it is not a PDF, corrupt or encrypted
   * @throws PageOutOfRangeException if the PDF has no such page
   * @throws PlacementOutsidePageException if the seal would not fit on the page
   */
  public byte[] seal(
      byte[] pdf, SealPlacement placement, SealImage image, SigningKey key, Instant signingTime) {
    return sealWithContents(pdf, placement, image, key, signingTime).pdf();
  }

  /**
   * As {@link #seal}, with the new signature's /Contents read from the written bytes by the byte
   * range PDFBox wrote, so that the caller need not parse the sealed PDF again to find them.
   */
  public Sealed sealWithContents(
      byte[] pdf, SealPlacement placement, SealImage image, SigningKey key, Instant signingTime) {
    Instant time = signingTime.truncatedTo(ChronoUnit.SECONDS);
    try (PDDocument document = PdfDocuments.load(pdf, maxPdfBytes)) {
      int pages = document.getNumberOfPages();
      if (placement.page() > pages) {
        throw new PageOutOfRangeException(placement.page(), pages);
      }
      PDPage page = document.getPage(placement.page() - 1);
      Stamp stamp = stamp(page, placement, image);

      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      String sealName = commonName(key.certificate().getSubjectX500Principal());
      signature.setName(sealName);
      signature.setReason("电子印章 " + sealName);
      Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      calendar.setTimeInMillis(time.toEpochMilli());
      signature.setSignDate(calendar);

      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 3 * SIGNATURE_SIZE);
      try (SignatureOptions options = new SignatureOptions();
          InputStream template = new ByteArrayInputStream(appearanceTemplate(page, stamp, image))) {
        options.setPreferredSignatureSize(SIGNATURE_SIZE);
        options.setPage(placement.page() - 1);
        options.setVisualSignature(template);
        document.addSignature(signature, options);
        ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
        byte[] signedContent = external.getContent().readAllBytes();
        byte[] digest = DocumentHash.digest(key.algorithm(), signedContent);
        external.setSignature(CmsSigner.signDigest(key, digest, null));
      }
      byte[] sealed = out.toByteArray();
      return new Sealed(sealed, signature.getContents(sealed));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the sealed PDF", e);
    }
  }

  /** The widget rectangle in unrotated page space, the seal's upright size, the page rotation. */
  private record Stamp(PDRectangle rect, float width, float height, int rotation) {}

  /**
   * Maps the placement, given on the page as displayed (after /Rotate), to the unrotated page space
   * the widget rectangle lives in.
   */
  private static Stamp stamp(PDPage page, SealPlacement placement, SealImage image) {
    PDRectangle box = page.getCropBox();
    int rotation = Math.floorMod(page.getRotation(), 360) / 90 * 90;
    boolean quarter = rotation == 90 || rotation == 270;
    double k = SealPlacement.POINTS_PER_MM;
    double shownWidth = (quarter ? box.getHeight() : box.getWidth()) / k;
    double shownHeight = (quarter ? box.getWidth() : box.getHeight()) / k;
    double heightMm = placement.widthMm() * image.height() / image.width();
    if (placement.xMm() + placement.widthMm() > shownWidth
        || placement.yMm() + heightMm > shownHeight) {
      throw new PlacementOutsidePageException(placement, heightMm, shownWidth, shownHeight);
    }
    double x0 = placement.xMm() * k;
    double y0 = placement.yMm() * k;
    double x1 = x0 + placement.widthMm() * k;
    double y1 = y0 + heightMm * k;
    double w = box.getWidth();
    double h = box.getHeight();
    // displayed (x right, y down from the displayed top-left) -> unrotated (u right, v up)
    double[] corners =
        switch (rotation) {
          case 90 -> new double[] {y0, x0, y1, x1};
          case 180 -> new double[] {w - x1, y0, w - x0, y1};
          case 270 -> new double[] {w - y1, h - x1, w - y0, h - x0};
          default -> new double[] {x0, h - y1, x1, h - y0};
        };
    PDRectangle rect =
        new PDRectangle(
            (float) (box.getLowerLeftX() + corners[0]),
            (float) (box.getLowerLeftY() + corners[1]),
            (float) (corners[2] - corners[0]),
            (float) (corners[3] - corners[1]));
    return new Stamp(rect, (float) (placement.widthMm() * k), (float) (heightMm * k), rotation);
  }

  /**
   * A one-page document holding only a signature field whose widget draws the seal image (encoded
   * once per image, {@link EncodedSealImages}); PDFBox copies its widget into the signed document.
   */
  private byte[] appearanceTemplate(PDPage page, Stamp stamp, SealImage image) throws IOException {
    try (PDDocument template = new PDDocument()) {
      PDPage templatePage = new PDPage(page.getMediaBox());
      template.addPage(templatePage);
      PDAcroForm form = new PDAcroForm(template);
      template.getDocumentCatalog().setAcroForm(form);
      form.setSignaturesExist(true);
      form.setAppendOnly(true);
      form.getCOSObject().setDirect(true);
      PDSignatureField field = new PDSignatureField(form);
      form.getFields().add(field);
      PDAnnotationWidget widget = field.getWidgets().get(0);
      widget.setRectangle(stamp.rect());
      widget.setPrinted(true);

      PDFormXObject xObject = new PDFormXObject(new PDStream(template));
      xObject.setResources(new PDResources());
      xObject.setFormType(1);
      xObject.setBBox(new PDRectangle(stamp.width(), stamp.height()));
      // turn the upright drawing against the page's /Rotate; the viewer fits it into the rect
      xObject.setMatrix(AffineTransform.getQuadrantRotateInstance(stamp.rotation() / 90));
      PDAppearanceStream appearanceStream = new PDAppearanceStream(xObject.getCOSObject());
      PDAppearanceDictionary appearance = new PDAppearanceDictionary();
      appearance.getCOSObject().setDirect(true);
      appearance.setNormalAppearance(appearanceStream);
      widget.setAppearance(appearance);
      PDImageXObject picture = images.image(template, image);
      try (PDPageContentStream content = new PDPageContentStream(template, appearanceStream)) {
        content.drawImage(picture, 0, 0, stamp.width(), stamp.height());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      template.save(out);
      return out.toByteArray();
    }
  }

  private static String commonName(X500Principal principal) {
    X500Name name = X500Name.getInstance(principal.getEncoded());
    var rdns = name.getRDNs(BCStyle.CN);
    return rdns.length == 0
        ? principal.getName()
        : IETFUtils.valueToString(rdns[0].getFirst().getValue());
  }
}
