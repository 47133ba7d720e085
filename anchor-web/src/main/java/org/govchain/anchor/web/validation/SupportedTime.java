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
 * An {@code Instant}, {@code OffsetDateTime} or {@code LocalDate} request field lies in {@link
 * TimeRules}' range (1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z). {@code null} is valid. A
 * refusal is 422 {@code invalid-request} naming the field and the range.
 */
@Documented
@Constraint(
    validatedBy = {
      SupportedTimeValidators.ForInstant.class,
      SupportedTimeValidators.ForOffsetDateTime.class,
      SupportedTimeValidators.ForLocalDate.class
    })
@Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface SupportedTime {

  String message() default TimeRules.MESSAGE;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
