package org.govchain.anchor.web.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.govchain.anchor.web.requestid.RequestIds;

/**
 * A request refused with a problem of a known kind, a detail for the caller and the values that
 * explain it (RFC 9457 extension members). Domain exceptions extend it, so a service declares kinds
 * and exceptions, never handlers. The detail and values must never hold personal data.
 */
public class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ProblemKind kind;
  private final transient Map<String, Object> properties;

  /** The members every problem has; an extension member must not be named like one of them. */
  public static final Set<String> STANDARD_MEMBERS =
      Set.of("type", "title", "status", "detail", "instance", RequestIds.PROBLEM_MEMBER);

  /**
   * @throws IllegalArgumentException if an extension member is named like a standard one (a seal's
   *     {@code status} would hide the problem's HTTP status)
   */
  public ProblemException(ProblemKind kind, String detail, Map<String, ?> properties) {
    super(detail);
    for (String name : properties.keySet()) {
      if (STANDARD_MEMBERS.contains(name)) {
        throw new IllegalArgumentException(
            "problem " + kind.kind() + ": extension member " + name + " is a standard member");
      }
    }
    this.kind = kind;
    this.properties = new LinkedHashMap<>(properties);
  }

  public ProblemException(ProblemKind kind, String detail) {
    this(kind, detail, Map.of());
  }

  /** A 422 {@code invalid-request} naming one field. */
  public static ProblemException invalidField(String field, String message) {
    return new ProblemException(
        CommonProblem.INVALID_REQUEST,
        "invalid field " + field,
        Map.of("errors", List.of(FieldError.of(field, message))));
  }

  public ProblemKind kind() {
    return kind;
  }

  /**
   * What the caller is told: the message, unless the failure is the server's and its message is for
   * the operators only (then a subclass answers something general here and the message goes to the
   * log).
   */
  public String detail() {
    return getMessage();
  }

  /** Extension members of the problem, in the order given. */
  public Map<String, Object> properties() {
    return java.util.Collections.unmodifiableMap(properties);
  }

  /** Headers the answer must carry besides the problem (e.g. {@code Retry-After}). */
  public Map<String, String> headers() {
    return Map.of();
  }

  /** One field's validation failure in a problem's {@code errors} member. */
  public record FieldError(String field, String message) {
    public static FieldError of(String field, String message) {
      return new FieldError(field, message);
    }
  }
}
