package org.govchain.seal.sealing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Loads uploaded PDFs for sealing and verification, refusing what is not a plain PDF: not one, not
 * parseable, encrypted, or with a page or field tree that loops or lies ({@link PageTree}, {@link
 * FieldTree}).
 */
public final class PdfDocuments {
  private static final int HEADER_WINDOW = 1024;

  private PdfDocuments() {}

  /**
   * Loads {@code bytes}; the caller closes the document.
   *
   * @throws DocumentTooLargeException if there are more than {@code maxBytes}
   * @throws InvalidPdfException if it is not a PDF, does not parse, is encrypted, its page tree is
   *     not a tree whose counts tell the truth ({@link PageTree}) or its form's fields do not form
   *     a tree ({@link FieldTree})
   */
  public static PDDocument load(byte[] bytes, long maxBytes) {
    if (bytes.length > maxBytes) {
      throw new DocumentTooLargeException(bytes.length, maxBytes);
    }
    String head =
        new String(bytes, 0, Math.min(bytes.length, HEADER_WINDOW), StandardCharsets.ISO_8859_1);
    if (!head.contains("%PDF-")) {
      throw new InvalidPdfException(InvalidPdfException.Problem.NOT_PDF, "no %PDF- header");
    }
    PDDocument document;
    try {
      document = Loader.loadPDF(bytes);
    } catch (InvalidPasswordException e) {
      throw new InvalidPdfException(InvalidPdfException.Problem.ENCRYPTED, "password protected");
    } catch (IOException | RuntimeException e) {
      throw new InvalidPdfException(
          InvalidPdfException.Problem.CORRUPT, String.valueOf(e.getMessage()));
    }
    if (document.isEncrypted()) {
      closeQuietly(document);
      throw new InvalidPdfException(InvalidPdfException.Problem.ENCRYPTED, "encrypted");
    }
    int pages;
    try {
      pages = PageTree.check(document);
      FieldTree.check(document);
    } catch (RuntimeException e) {
      closeQuietly(document);
      throw e instanceof InvalidPdfException invalid
          ? invalid
          : new InvalidPdfException(
              InvalidPdfException.Problem.CORRUPT, "unreadable page or field tree");
    }
    if (pages == 0) {
      closeQuietly(document);
      throw new InvalidPdfException(InvalidPdfException.Problem.CORRUPT, "no pages");
    }
    return document;
  }

  static void closeQuietly(PDDocument document) {
    try {
      document.close();
    } catch (IOException e) {
      // nothing to do: the document was read from memory
    }
  }
}
