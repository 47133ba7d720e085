package org.govchain.anchor.spring.log;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Proof parameters that cannot describe a proof: index not below size, from above to, or a
 * non-positive size (422 {@code invalid-proof-request}).
 */
public final class InvalidProofRequestException extends LogQueryException {

  private static final long serialVersionUID = 1L;

  /** {@code detail} says which rule {@code values} break. */
  public InvalidProofRequestException(String detail, Map<String, Object> values) {
    super(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "invalid-proof-request",
        "These parameters describe no proof",
        detail,
        values);
  }
}
