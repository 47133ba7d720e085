package org.govchain.anchor.web.security;

import org.govchain.anchor.web.problem.CommonProblem;
import org.govchain.anchor.web.problem.ProblemException;

/**
 * A bearer token could not be checked because the issuer's signing keys could not be fetched (its
 * discovery document or JWK set did not answer): the token may well be valid, so the caller is told
 * 503 {@code service-unavailable}, not 401 and not a 500. The message, for the operators' log,
 * names the failure; the token is never in it.
 */
public final class TokenKeysUnavailableException extends ProblemException {

  private static final long serialVersionUID = 1L;

  TokenKeysUnavailableException(Throwable cause) {
    super(
        CommonProblem.SERVICE_UNAVAILABLE,
        "the token issuer's signing keys could not be fetched: " + innermost(cause));
    initCause(cause);
  }

  @Override
  public String detail() {
    return "the token issuer cannot be reached to check this token's signing key; retry later";
  }

  private static String innermost(Throwable error) {
    Throwable t = error;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
    return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }
}
