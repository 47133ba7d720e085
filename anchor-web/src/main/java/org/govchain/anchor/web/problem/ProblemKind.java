package org.govchain.anchor.web.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * One kind of RFC 9457 problem: its status, its stable type URI {@value #TYPE_BASE}{@code <kind>}
 * and its title. A service declares its kinds as constants made with {@link #of}, and its
 * exceptions carry one (see {@link ProblemException}).
 */
public interface ProblemKind {

  /** Every GovChain problem type URI starts with this (DESIGN §4). */
  String TYPE_BASE = "https://govchain.example/problems/";

  HttpStatus status();

  /** The last segment of the type URI, e.g. {@code unknown-seal}. */
  String kind();

  /** A short summary that does not change from occurrence to occurrence. */
  String title();

  /** {@value #TYPE_BASE}{@code <kind>}. */
  default URI type() {
    return URI.create(TYPE_BASE + kind());
  }

  /**
   * A kind answered with {@code status}, type {@value #TYPE_BASE}{@code <kind>} and {@code title}.
   */
  static ProblemKind of(HttpStatus status, String kind, String title) {
    return new Kind(status, kind, title);
  }

  /** The kinds made with {@link #of}. */
  record Kind(HttpStatus status, String kind, String title) implements ProblemKind {

    public Kind {
      if (!kind.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
        throw new IllegalArgumentException("a problem kind is lower-case words joined by '-'");
      }
    }
  }
}
