package org.govchain.anchor.web.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * {@link SupportedTime}'s checks, one per type it applies to (public: the validation provider makes
 * them).
 */
public final class SupportedTimeValidators {

  private SupportedTimeValidators() {}

  /** An instant in the range. */
  public static final class ForInstant implements ConstraintValidator<SupportedTime, Instant> {
    @Override
    public boolean isValid(Instant value, ConstraintValidatorContext context) {
      return value == null || TimeRules.isSupported(value);
    }
  }

  /** A time with an offset whose instant is in the range. */
  public static final class ForOffsetDateTime
      implements ConstraintValidator<SupportedTime, OffsetDateTime> {
    @Override
    public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
      return value == null || TimeRules.isSupported(value);
    }
  }

  /** A date in the range; its message names dates, not instants. */
  public static final class ForLocalDate implements ConstraintValidator<SupportedTime, LocalDate> {
    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
      if (value == null || TimeRules.isSupported(value)) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(TimeRules.DATE_MESSAGE).addConstraintViolation();
      return false;
    }
  }
}
