package org.govchain.portal.certificate;

import org.govchain.anchor.web.problem.CommonProblem;
import org.govchain.anchor.web.problem.ProblemException;

/**
 * The suite (gateway, authorization server, seal service) or the chain could not do its part of
 * issuing a certificate; nothing was issued. The detail is for the operators' log; the caller is
 * told the service is unavailable.
 */
final class SuiteUnavailableException extends ProblemException {

  private static final long serialVersionUID = 1L;

  SuiteUnavailableException(String message) {
    super(CommonProblem.SERVICE_UNAVAILABLE, message);
  }

  SuiteUnavailableException(String message, Throwable cause) {
    this(message);
    initCause(cause);
  }

  @Override
  public String detail() {
    return "the suite could not issue the certificate now; retry later";
  }
}
