package org.govchain.accounting.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.anchor.web.problem.ProblemException;

/**
 * 422 {@code invalid-account}: a code the unit's chart does not have, that is not a leaf where a
 * leaf is needed, or that cannot become a sub-account. Names the request field ({@code
 * lines[3].account}, {@code code}) and the code.
 */
public final class InvalidAccountException extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String account;

  /**
   * @param field the request field holding the code, e.g. {@code lines[3].account}
   * @param account the code as given (may be {@code null} when none was)
   * @param reason why it is refused, for the caller
   */
  public InvalidAccountException(String field, String account, String reason) {
    super(
        AccountingProblem.INVALID_ACCOUNT, field + ": " + reason, members(field, account, reason));
    this.field = field;
    this.account = account;
  }

  private static Map<String, Object> members(String field, String account, String reason) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("errors", List.of(FieldError.of(field, reason)));
    if (account != null) {
      members.put("account", account);
    }
    return members;
  }

  public String field() {
    return field;
  }

  public String account() {
    return account;
  }
}
