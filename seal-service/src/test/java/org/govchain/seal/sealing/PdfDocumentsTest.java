package org.govchain.seal.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.govchain.seal.testing.HostilePdfs;
import org.junit.jupiter.api.Test;

/** Uploads whose page or field tree loops or lies are refused when loaded, before any page is. */
class PdfDocumentsTest {

  private static final long MAX = 10L * 1024 * 1024;

  @Test
  void aPageTreeThatLoopsIsCorrupt() {
    assertCorrupt(HostilePdfs.cyclicPageTree(), "the page tree loops or lists a node twice");
  }

  @Test
  void aPageCountThatLiesIsCorrupt() {
    assertCorrupt(
        HostilePdfs.absurdPageCount(),
        "a page tree node's /Count is 2147483647, the pages beneath it 1");
  }

  @Test
  void aPageListedTwiceIsCorrupt() {
    assertCorrupt(HostilePdfs.pageListedOverAndOver(), "the page tree loops or lists a node twice");
  }

  @Test
  void aPageTreeDeeperThanAnyProducerBuildsIsCorrupt() {
    assertCorrupt(
        HostilePdfs.deepPageTree(PageTree.MAX_DEPTH + 1),
        "the page tree is deeper than " + PageTree.MAX_DEPTH + " levels");
  }

  @Test
  void aDeepButHonestPageTreeLoads() throws IOException {
    try (PDDocument document =
        PdfDocuments.load(HostilePdfs.deepPageTree(PageTree.MAX_DEPTH), MAX)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(595f);
    }
  }

  @Test
  void formFieldsThatLoopAreCorrupt() {
    assertCorrupt(
        HostilePdfs.cyclicFieldTree(), "the form's field tree loops or lists a field twice");
  }

  private static void assertCorrupt(byte[] pdf, String reason) {
    assertThatThrownBy(() -> PdfDocuments.load(pdf, MAX))
        .isInstanceOfSatisfying(
            InvalidPdfException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(InvalidPdfException.Problem.CORRUPT);
              assertThat(e.reason()).isEqualTo(reason);
            });
  }
}
