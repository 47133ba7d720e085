package org.govchain.seal.sealing;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Checks that an uploaded PDF's page tree is a tree whose counts tell the truth, before anything
 * asks it for a page. PDFBox finds page {@code n} by trusting each node's {@code /Count}: a tree
 * that loops back on itself, lists a node twice, or claims 2147483647 pages while holding one makes
 * it fail with an {@code IllegalStateException} deep inside sealing — a server error for what is
 * the file's fault. Nodes are recognised as PDFBox recognises them ({@code /Type /Pages} or a
 * {@code /Kids} array; kids that are not dictionaries are skipped, as PDFBox skips them).
 */
final class PageTree {

  /** Deeper than any producer builds (balanced trees of a million pages are a few levels deep). */
  static final int MAX_DEPTH = 256;

  private final Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());

  private PageTree() {}

  /**
   * Returns the number of pages.
   *
   * @throws InvalidPdfException ({@code CORRUPT}) if the page tree loops, lists a node twice, nests
   *     deeper than {@value #MAX_DEPTH} levels, holds a leaf that is not a page, or a node's {@code
   *     /Count} is not the number of pages beneath it
   */
  static int check(PDDocument document) {
    COSDictionary root = document.getDocumentCatalog().getPages().getCOSObject();
    return new PageTree().count(root, 0);
  }

  private int count(COSDictionary node, int depth) {
    if (!seen.add(node)) {
      throw corrupt("the page tree loops or lists a node twice");
    }
    if (!isNode(node)) {
      COSName type = node.getCOSName(COSName.TYPE);
      if (type != null && !COSName.PAGE.equals(type)) {
        throw corrupt("a leaf of the page tree is not a page");
      }
      return 1;
    }
    if (depth >= MAX_DEPTH) {
      throw corrupt("the page tree is deeper than " + MAX_DEPTH + " levels");
    }
    long pages = 0;
    COSArray kids = node.getCOSArray(COSName.KIDS);
    if (kids != null) {
      for (int i = 0; i < kids.size(); i++) {
        COSBase kid = kids.getObject(i);
        if (kid instanceof COSDictionary dictionary) {
          pages += count(dictionary, depth + 1);
        }
      }
    }
    int claimed = node.getInt(COSName.COUNT, 0);
    if (claimed != pages) {
      throw corrupt("a page tree node's /Count is " + claimed + ", the pages beneath it " + pages);
    }
    return claimed;
  }

  /** PDFBox's test for an intermediate node of the page tree. */
  private static boolean isNode(COSDictionary node) {
    return COSName.PAGES.equals(node.getCOSName(COSName.TYPE)) || node.containsKey(COSName.KIDS);
  }

  private static InvalidPdfException corrupt(String reason) {
    return new InvalidPdfException(InvalidPdfException.Problem.CORRUPT, reason);
  }
}
