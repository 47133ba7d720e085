package org.govchain.anchor.web.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/** Checks {@link PlainText}: the violation's message is the rule broken, never the text. */
public final class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

  private boolean multiline;

  @Override
  public void initialize(PlainText annotation) {
    multiline = annotation.multiline();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    Optional<TextRules.Defect> defect = TextRules.defect(value, multiline);
    if (defect.isEmpty()) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context.buildConstraintViolationWithTemplate(defect.get().message()).addConstraintViolation();
    return false;
  }
}
