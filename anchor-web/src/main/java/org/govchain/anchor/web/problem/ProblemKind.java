package org.govchain.anchor.web.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * One kind of RFC 9457 problem: its status, its stable type URI {@value #TYPE_BASE}{@code <kind>}
 * and its title. A service declares its kinds as an enum implementing this, and its exceptions
 * carry one (see {@link ProblemException}).
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
}
