package org.govchain.anchor.web.paging;

import java.util.List;

/**
 * One page of a list answer (DESIGN §4: lists are paged), the same shape in every service: {@code
 * items}, the zero-based {@code page}, the {@code size} asked for and the {@code total} number of
 * items.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

  public Page {
    items = List.copyOf(items);
    if (page < 0 || size < 1 || total < 0) {
      throw new IllegalArgumentException(
          "need page >= 0, size >= 1, total >= 0: " + page + ", " + size + ", " + total);
    }
  }
}
