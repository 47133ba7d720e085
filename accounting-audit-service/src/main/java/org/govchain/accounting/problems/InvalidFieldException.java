package org.govchain.accounting.problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.problem.ProblemKind;

/**
 * A request field whose value is not what the field must hold, as a problem of the field's kind:
 * detail {@code <subject> in <field>: <reason>}, members {@code field} and {@code errors} (one
 * {@link FieldError} with the reason). The value itself is never repeated, so a value typed into
 * the wrong field cannot leak into responses or logs; the reason may quote a single character.
 */
public abstract class InvalidFieldException extends ProblemException {

  private final String field;
  private final String reason;

  /**
   * @param subject what was expected, e.g. {@code invalid amount}
   * @param field the request field or JSON path, e.g. {@code lines[3].amount}
   * @param reason what is wrong with the value, without repeating it
   */
  protected InvalidFieldException(ProblemKind kind, String subject, String field, String reason) {
    super(kind, subject + " in " + field + ": " + reason, members(field, reason));
    this.field = field;
    this.reason = reason;
  }

  /** The request field or JSON path the value came from. */
  public String field() {
    return field;
  }

  /** What is wrong with the value, as given in the problem's {@code errors}. */
  public String reason() {
    return reason;
  }

  private static Map<String, Object> members(String field, String reason) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("field", field);
    members.put("errors", List.of(FieldError.of(field, reason)));
    return members;
  }
}
