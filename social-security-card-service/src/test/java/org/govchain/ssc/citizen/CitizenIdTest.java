package org.govchain.ssc.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Citizen ID numbers generated with a correct check character, and every way one can be wrong. */
class CitizenIdTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
  private static final List<String> REGIONS =
      List.of("110105", "310115", "360502", "440305", "510107", "650102", "820000", "360500");

  @Test
  void generatedNumbersParseBackWithRegionAndBirthDate() {
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      RegionCode region = new RegionCode(REGIONS.get(random.nextInt(REGIONS.size())));
      LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(45_000));
      CitizenId id = CitizenId.of(region, birth, random.nextInt(1000));
      CitizenId parsed = CitizenId.parse(" " + id.value() + " ", CLOCK);
      assertThat(parsed).isEqualTo(id);
      assertThat(parsed.region()).isEqualTo(region);
      assertThat(parsed.birthDate()).isEqualTo(birth);
    }
    // 29 February of a leap year is a date
    assertThat(
            CitizenId.parse(
                    CitizenId.of(new RegionCode("360502"), LocalDate.of(2000, 2, 29), 7).value(),
                    CLOCK)
                .birthDate())
        .isEqualTo(LocalDate.of(2000, 2, 29));
  }

  @Test
  void aLowerCaseXIsAccepted() {
    String withX = firstWithCheck('X');
    assertThat(CitizenId.parse(withX.toLowerCase(), CLOCK).value()).isEqualTo(withX);
  }

  @Test
  void everySingleWrongDigitFailsTheCheckCharacter() {
    String valid = CitizenId.of(new RegionCode("360502"), LocalDate.of(1985, 6, 15), 123).value();
    for (int position = 0; position < 17; position++) {
      for (char d = '0'; d <= '9'; d++) {
        if (d == valid.charAt(position)) {
          continue;
        }
        String wrong = valid.substring(0, position) + d + valid.substring(position + 1);
        assertThatThrownBy(() -> CitizenId.parse(wrong, CLOCK))
            .isInstanceOfSatisfying(
                InvalidCitizenIdException.class,
                e ->
                    assertThat(e.reason())
                        .isEqualTo(InvalidCitizenIdException.Reason.CHECK_CHARACTER));
      }
    }
  }

  @Test
  void impossibleFutureAndAncientBirthDatesAreRefused() {
    for (String date : List.of("20230230", "19991301", "19990100", "20261205", "18991231")) {
      String number = withCheck("360502" + date + "123");
      assertThatThrownBy(() -> CitizenId.parse(number, CLOCK))
          .as(date)
          .isInstanceOfSatisfying(
              InvalidCitizenIdException.class,
              e -> assertThat(e.reason()).isEqualTo(InvalidCitizenIdException.Reason.BIRTH_DATE));
    }
    // today, in China, is accepted
    assertThat(CitizenId.parse(withCheck("36050220261204123"), CLOCK).birthDate())
        .isEqualTo(LocalDate.of(2026, 12, 4));
  }

  @Test
  void anUnknownProvinceOrAMissingPrefectureIsARegionProblem() {
    for (String region : List.of("990101", "000101", "360002")) {
      String number = withCheck(region + "19850615123");
      assertThatThrownBy(() -> CitizenId.parse(number, CLOCK))
          .as(region)
          .isInstanceOfSatisfying(
              InvalidCitizenIdException.class,
              e -> assertThat(e.reason()).isEqualTo(InvalidCitizenIdException.Reason.REGION));
    }
  }

  @Test
  void malformedInputIsAFormatProblemThatNeverEchoesTheInput() {
    String valid = CitizenId.of(new RegionCode("360502"), LocalDate.of(1985, 6, 15), 123).value();
    for (String bad :
        List.of(
            valid.substring(0, 17),
            valid + "1",
            valid.substring(0, 5) + "A" + valid.substring(6),
            valid.substring(0, 17) + "Y",
            "",
            "   ")) {
      assertThatThrownBy(() -> CitizenId.parse(bad, CLOCK))
          .isInstanceOfSatisfying(
              InvalidCitizenIdException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(InvalidCitizenIdException.Reason.FORMAT);
                if (!bad.isBlank()) {
                  assertThat(e.getMessage()).doesNotContain(bad.strip());
                  assertThat(e.properties().toString()).doesNotContain(bad.strip());
                }
              });
    }
    assertThatThrownBy(() -> CitizenId.parse(null, CLOCK))
        .isInstanceOf(InvalidCitizenIdException.class);
  }

  @Test
  void theNumberIsMaskedInToStringAndInEveryFailure() {
    CitizenId id = CitizenId.of(new RegionCode("110105"), LocalDate.of(1990, 3, 7), 41);
    assertThat(id.toString())
        .isEqualTo(id.value().substring(0, 6) + "********" + id.value().substring(14))
        .isEqualTo(id.masked())
        .doesNotContain(id.value());
    String wrongCheck = id.value().substring(0, 17) + (id.value().charAt(17) == '0' ? '1' : '0');
    assertThatThrownBy(() -> CitizenId.parse(wrongCheck, CLOCK))
        .isInstanceOfSatisfying(
            InvalidCitizenIdException.class,
            e -> {
              assertThat(e.getMessage()).doesNotContain(wrongCheck).contains("110105********");
              assertThat(e.properties().toString()).doesNotContain(wrongCheck);
              assertThat(e.properties()).containsEntry("reason", "check-character");
            });
  }

  /** {@code first17} with its MOD 11-2 check character, computed here independently. */
  static String withCheck(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  private static String firstWithCheck(char check) {
    for (int sequence = 0; sequence < 1000; sequence++) {
      String number =
          CitizenId.of(new RegionCode("360502"), LocalDate.of(1985, 6, 15), sequence).value();
      if (number.charAt(17) == check) {
        return number;
      }
    }
    throw new AssertionError("no sequence gives " + check);
  }
}
