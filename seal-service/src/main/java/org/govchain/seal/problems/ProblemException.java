package org.govchain.seal.problems;

import java.util.LinkedHashMap;
import java.util.Map;

/** A request the API refuses, with its problem type, a detail and the values that explain it. */
public final class ProblemException extends RuntimeException {
  private final ProblemType type;
  private final Map<String, Object> properties;

  public ProblemException(ProblemType type, String detail, Map<String, ?> properties) {
    super(detail);
    this.type = type;
    this.properties = new LinkedHashMap<>(properties);
  }

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, Map.of());
  }

  /** A validation failure of one field. */
  public static ProblemException invalidField(String field, String message) {
    return new ProblemException(
        ProblemType.INVALID_REQUEST,
        "invalid field " + field,
        Map.of("errors", java.util.List.of(FieldError.of(field, message))));
  }

  public ProblemType type() {
    return type;
  }

  public Map<String, Object> properties() {
    return Map.copyOf(properties);
  }

  /** One field's validation failure in a problem's {@code errors} member. */
  public record FieldError(String field, String message) {
    public static FieldError of(String field, String message) {
      return new FieldError(field, message);
    }
  }
}
