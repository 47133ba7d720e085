package org.govchain.anchor.web.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link PlainText} and {@link SupportedTime} on a request record, through Hibernate Validator. */
class RequestConstraintsTest {

  record Request(
      @PlainText String name,
      @PlainText(multiline = true) String reason,
      List<@PlainText String> tags,
      @SupportedTime Instant validUntil,
      @SupportedTime OffsetDateTime seenAt,
      @SupportedTime LocalDate date) {}

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void start() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void stop() {
    factory.close();
  }

  @Test
  void plainValuesAndNullsPass() {
    assertThat(validator.validate(new Request(null, null, null, null, null, null))).isEmpty();
    assertThat(
            validator.validate(
                new Request(
                    "张三丰",
                    "first line\r\nsecond line",
                    List.of("a", "b"),
                    TimeRules.LAST,
                    OffsetDateTime.of(1970, 1, 1, 8, 0, 0, 0, ZoneOffset.ofHours(8)),
                    TimeRules.FIRST_DATE)))
        .isEmpty();
  }

  @Test
  void aViolationNamesTheFieldAndTheRuleButNotTheValue() {
    Set<ConstraintViolation<Request>> violations =
        validator.validate(new Request("秘密\u202E", "line\u0000", null, null, null, null));
    assertThat(violations)
        .extracting(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("name", TextRules.Defect.BIDI_CONTROL.message()),
            org.assertj.core.groups.Tuple.tuple(
                "reason", TextRules.Defect.CONTROL_CHARACTER.message()));
    assertThat(violations).allSatisfy(v -> assertThat(v.getMessage()).doesNotContain("秘密"));
  }

  @Test
  void elementsOfAListAreCheckedToo() {
    assertThat(
            validator.validate(new Request(null, null, List.of("ok", "\uD800"), null, null, null)))
        .extracting(v -> v.getPropertyPath().toString())
        .containsExactly("tags[1].<list element>");
  }

  @Test
  void timesOutsideTheRangeAreRefusedAndItsEndsAreNot() {
    assertThat(
            validator.validate(
                new Request(
                    null,
                    null,
                    null,
                    TimeRules.LAST.plusNanos(1),
                    OffsetDateTime.of(1970, 1, 1, 7, 59, 59, 0, ZoneOffset.ofHours(8)),
                    LocalDate.of(1969, 12, 31))))
        .extracting(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("validUntil", TimeRules.MESSAGE),
            org.assertj.core.groups.Tuple.tuple("seenAt", TimeRules.MESSAGE),
            org.assertj.core.groups.Tuple.tuple("date", TimeRules.DATE_MESSAGE));
    assertThat(
            validator.validate(
                new Request(
                    null,
                    null,
                    null,
                    Instant.parse("+999999-01-01T00:00:00Z"),
                    null,
                    LocalDate.of(10000, 1, 1))))
        .hasSize(2);
    assertThat(
            validator.validate(
                new Request(null, null, null, TimeRules.FIRST, null, TimeRules.LAST_DATE)))
        .isEmpty();
  }

  @Test
  void requireAnswersAnInvalidRequestNamingTheField() {
    assertThat(TimeRules.require(LocalDate.of(2026, 3, 1), "date"))
        .isEqualTo(LocalDate.of(2026, 3, 1));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> TimeRules.require(LocalDate.of(1969, 12, 31), "lines[0].date"))
        .isInstanceOfSatisfying(
            org.govchain.anchor.web.problem.ProblemException.class,
            e -> {
              assertThat(e.kind().kind()).isEqualTo("invalid-request");
              assertThat(e.properties().get("errors").toString())
                  .contains("lines[0].date")
                  .contains(TimeRules.DATE_MESSAGE);
            });
  }
}
