package org.govchain.accounting.chart;

import java.util.List;
import java.util.Map;
import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.anchor.web.problem.ProblemException;

/** 409 {@code account-exists}: a sub-account code already in the unit's chart, and its name. */
public final class AccountExistsException extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final String account;

  public AccountExistsException(String account, String existingName) {
    super(
        AccountingProblem.ACCOUNT_EXISTS,
        "account " + account + " already exists: " + existingName,
        Map.of(
            "errors",
            List.of(FieldError.of("code", "already in the chart as " + existingName)),
            "account",
            account));
    this.account = account;
  }

  public String account() {
    return account;
  }
}
