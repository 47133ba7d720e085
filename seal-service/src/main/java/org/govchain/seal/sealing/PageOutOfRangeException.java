package org.govchain.seal.sealing;

import java.util.List;
import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.seal.problems.ProblemType;

/** A page number that the PDF does not have. */
public final class PageOutOfRangeException extends ProblemException {
  private final int page;
  private final int pageCount;

  public PageOutOfRangeException(int page, int pageCount) {
    super(
        ProblemType.PLACEMENT,
        "page " + page + " requested, the PDF has " + pageCount,
        Map.of(
            "errors",
            List.of(FieldError.of("page", "1.." + pageCount)),
            "page",
            page,
            "pageCount",
            pageCount));
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
