package org.govchain.anchor.web.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The text of a request field or parameter follows {@link TextRules}: no control characters, no
 * bidi controls, no unpaired surrogates, line breaks only where {@link #multiline} allows them.
 * {@code null} is valid (say {@code @NotNull} or {@code @NotBlank} to require a value). A refusal
 * is answered like any Bean Validation failure — 422 {@code invalid-request} with the field's name
 * and the rule it breaks — and never quotes the text, which may be personal data.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

  /** Whether the field may hold several lines (LF or CRLF between them): reasons, comments. */
  boolean multiline() default false;

  /** Replaced by the rule the text breaks ({@link TextRules.Defect#message()}). */
  String message() default "must be plain text";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
