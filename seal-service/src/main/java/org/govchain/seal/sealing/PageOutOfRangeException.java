package org.govchain.seal.sealing;

/** A page number that the PDF does not have. */
public final class PageOutOfRangeException extends RuntimeException {
  private final int page;
  private final int pageCount;

  public PageOutOfRangeException(int page, int pageCount) {
    super("page " + page + " requested, the PDF has " + pageCount);
    this.page = page;
    this.pageCount = pageCount;
  }

  public int page() {
    return page;
  }

  public int pageCount() {
    return pageCount;
  }
}
