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
 * Checks that an uploaded PDF's form fields (where its signatures live) form a tree: no field is
 * its own ancestor or listed twice, and the tree is not absurdly deep. PDFBox walks the fields to
 * find signatures and to add one; on a loop it logs an ERROR and skips the field, so a hostile file
 * would raise an operator alarm and be verified as if part of it were not there.
 */
final class FieldTree {

  /** Forms nest fields a handful of levels deep. */
  static final int MAX_DEPTH = 64;

  private final Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());

  private FieldTree() {}

  /**
   * @throws InvalidPdfException ({@code CORRUPT}) if a field loops back or appears twice, or the
   *     fields nest deeper than {@value #MAX_DEPTH} levels
   */
  static void check(PDDocument document) {
    COSDictionary form =
        document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.ACRO_FORM);
    if (form != null) {
      new FieldTree().walk(form.getCOSArray(COSName.FIELDS), 0);
    }
  }

  private void walk(COSArray fields, int depth) {
    if (fields == null) {
      return;
    }
    if (depth >= MAX_DEPTH) {
      throw corrupt("the form's fields nest deeper than " + MAX_DEPTH + " levels");
    }
    for (int i = 0; i < fields.size(); i++) {
      COSBase field = fields.getObject(i);
      if (field instanceof COSDictionary dictionary) {
        if (!seen.add(dictionary)) {
          throw corrupt("the form's field tree loops or lists a field twice");
        }
        walk(dictionary.getCOSArray(COSName.KIDS), depth + 1);
      }
    }
  }

  private static InvalidPdfException corrupt(String reason) {
    return new InvalidPdfException(InvalidPdfException.Problem.CORRUPT, reason);
  }
}
