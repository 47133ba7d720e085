package org.govchain.ssc.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.problem.ProblemException.FieldError;
import org.govchain.anchor.web.region.RegionCode;
import org.govchain.ssc.citizen.InvalidCitizenIdException.Reason;
import org.govchain.ssc.problems.SscProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every number here is generated with {@link CitizenId#of} or built digit by digit: none is real.
 */
class CitizenIdTest {

  /** 2024-06-01 08:00 in Shanghai, on a clock in UTC (where it is still 2024-06-01 00:00). */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

  private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

  /** For every province: its own code, a prefecture, a county and a county-level city. */
  private static final List<String> REGIONS =
      RegionCode.provinceCodes().stream()
          .flatMap(p -> List.of(p + "0000", p + "0100", p + "0102", p + "9001").stream())
          .toList();

  /** Many numbers over every region, birth dates from 1900-01-01 to today, any sequence. */
  static List<CitizenId> generatedNumbers() {
    Random random = new Random(11643);
    long first = CitizenId.EARLIEST_BIRTH_DATE.toEpochDay();
    long days = TODAY.toEpochDay() - first + 1;
    List<CitizenId> ids = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      ids.add(
          CitizenId.of(
              new RegionCode(REGIONS.get(i % REGIONS.size())),
              LocalDate.ofEpochDay(first + random.nextLong(days)),
              random.nextInt(1000)));
    }
    return ids;
  }

  /** The edges: first and last birth dates, leap days, lowest and highest sequence. */
  static List<CitizenId> edgeNumbers() {
    RegionCode chaoyang = new RegionCode("110105");
    return List.of(
        CitizenId.of(chaoyang, LocalDate.of(1900, 1, 1), 0),
        CitizenId.of(chaoyang, TODAY, 999),
        CitizenId.of(new RegionCode("310115"), LocalDate.of(2000, 2, 29), 1),
        CitizenId.of(new RegionCode("440305"), LocalDate.of(2024, 2, 29), 2),
        CitizenId.of(new RegionCode("650102"), LocalDate.of(1904, 2, 29), 998),
        CitizenId.of(new RegionCode("820000"), LocalDate.of(1999, 12, 31), 500));
  }

  /** A number with these digits and its right check character, whatever the digits mean. */
  static String withCheckCharacter(String first17) {
    return first17 + CitizenId.checkCharacter(first17);
  }

  @Test
  void acceptsGeneratedNumbersOverEveryRegionManyBirthDatesAndSequences() {
    for (CitizenId id : generatedNumbers()) {
      CitizenId parsed = CitizenId.parse(id.value(), CLOCK);
      assertThat(parsed).isEqualTo(id);
      assertThat(parsed.value()).isEqualTo(id.value());
      assertThat(parsed.region()).isEqualTo(id.region());
      assertThat(parsed.birthDate()).isEqualTo(id.birthDate());
    }
  }

  @ParameterizedTest
  @MethodSource("edgeNumbers")
  void acceptsTheEdgesOfBirthDatesAndSequences(CitizenId id) {
    assertThat(CitizenId.parse(id.value(), CLOCK).birthDate()).isEqualTo(id.birthDate());
  }

  @Test
  void ofWritesRegionBirthDateAndSequenceThenTheCheckCharacter() {
    CitizenId id = CitizenId.of(new RegionCode("110105"), LocalDate.of(1990, 3, 7), 42);

    assertThat(id.value()).startsWith("11010519900307042").hasSize(18);
    assertThat(id.value().charAt(17)).isEqualTo(CitizenId.checkCharacter("11010519900307042"));
    assertThat(id.region().provinceName()).isEqualTo("北京市");
  }

  @ParameterizedTest
  @CsvSource({
    "11010519491231002, X", // GB 11643-1999's worked example: sum 167, 167 mod 11 = 2
    "44052418800101001, 4", // the standard's other example: sum 195, 195 mod 11 = 8
    "00000000000000000, 1" // sum 0
  })
  void computesTheCheckCharacterWithIso7064Mod11Dash2(String first17, char check) {
    assertThat(CitizenId.checkCharacter(first17)).isEqualTo(check);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 1000})
  void ofRejectsASequenceOutsideThreeDigits(int sequence) {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> CitizenId.of(new RegionCode("110105"), LocalDate.of(1990, 1, 1), sequence));
  }

  @Test
  void ofRejectsABirthDateBefore1900() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CitizenId.of(new RegionCode("110105"), LocalDate.of(1899, 12, 31), 1));
  }

  @Test
  void acceptsALowerCaseXAsCheckCharacter() {
    CitizenId withX =
        IntStream.range(0, 1000)
            .mapToObj(s -> CitizenId.of(new RegionCode("320102"), LocalDate.of(1985, 7, 1), s))
            .filter(id -> id.value().endsWith("X"))
            .findFirst()
            .orElseThrow();
    String lower = withX.value().substring(0, 17) + "x";

    CitizenId parsed = CitizenId.parse(lower, CLOCK);

    assertThat(parsed.value()).endsWith("X");
    assertThat(parsed).isEqualTo(withX);
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\t", "\u3000", " \n"})
  void ignoresSurroundingWhitespaceIncludingTheIdeographicSpace(String space) {
    CitizenId id = edgeNumbers().get(2);

    assertThat(CitizenId.parse(space + id.value() + space, CLOCK)).isEqualTo(id);
  }

  @Test
  void rejectsEveryChangeOfOneCharacterForItsCheckCharacter() {
    for (CitizenId id : generatedNumbers().subList(0, 50)) {
      String value = id.value();
      for (int position = 0; position < 18; position++) {
        String allowed = position < 17 ? "0123456789" : "0123456789X";
        for (char c : allowed.toCharArray()) {
          if (c != value.charAt(position)) {
            String altered = value.substring(0, position) + c + value.substring(position + 1);
            assertReason(altered, Reason.CHECK_CHARACTER);
          }
        }
      }
    }
  }

  @Test
  void rejectsEverySwapOfTwoDifferentAdjacentCharacters() {
    for (CitizenId id : generatedNumbers().subList(0, 200)) {
      String value = id.value();
      for (int i = 0; i < 17; i++) {
        char a = value.charAt(i);
        char b = value.charAt(i + 1);
        if (a != b) {
          String swapped = value.substring(0, i) + b + a + value.substring(i + 2);
          assertReason(swapped, b == 'X' ? Reason.FORMAT : Reason.CHECK_CHARACTER);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "20230230",
        "20230229",
        "19000229",
        "20231301",
        "20230001",
        "20230100",
        "20230431"
      })
  void rejectsBirthDatesThatAreNotOnTheCalendar(String birthDigits) {
    assertReason(withCheckCharacter("110105" + birthDigits + "123"), Reason.BIRTH_DATE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"18990101", "18991231", "00000101"})
  void rejectsBirthDatesBefore1900(String birthDigits) {
    assertReason(withCheckCharacter("110105" + birthDigits + "123"), Reason.BIRTH_DATE);
  }

  @Test
  void acceptsBirthOnTheFirstOfJanuary1900() {
    String number = withCheckCharacter("11010519000101123");

    assertThat(CitizenId.parse(number, CLOCK).birthDate()).isEqualTo(LocalDate.of(1900, 1, 1));
  }

  @Test
  void rejectsABirthDateAfterToday() {
    assertReason(withCheckCharacter("11010520240602123"), Reason.BIRTH_DATE);
    assertReason(withCheckCharacter("11010530000101123"), Reason.BIRTH_DATE);
  }

  @Test
  void takesTodayInShanghaiWhateverTheClocksZone() {
    String bornJune1 = withCheckCharacter("11010520240601123");
    // 2024-05-31 in UTC, already 2024-06-01 00:30 in Shanghai
    Clock justAfterMidnightInShanghai =
        Clock.fixed(Instant.parse("2024-05-31T16:30:00Z"), ZoneOffset.UTC);
    // 2024-06-01 in UTC+12, still 2024-05-31 23:59 in Shanghai
    Clock justBeforeMidnightInShanghai =
        Clock.fixed(Instant.parse("2024-05-31T15:59:00Z"), ZoneOffset.ofHours(12));

    assertThat(CitizenId.parse(bornJune1, justAfterMidnightInShanghai).birthDate())
        .isEqualTo(LocalDate.of(2024, 6, 1));
    assertThatThrownBy(() -> CitizenId.parse(bornJune1, justBeforeMidnightInShanghai))
        .isInstanceOfSatisfying(
            InvalidCitizenIdException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BIRTH_DATE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"990101", "000000", "100101", "830000", "110001", "440099"})
  void rejectsARegionPrefixThatIsNoRegionCode(String region) {
    InvalidCitizenIdException e =
        assertReason(withCheckCharacter(region + "19800101123"), Reason.REGION);

    assertThat(e.getMessage()).contains(region);
  }

  @Test
  void namesAnUnknownProvince() {
    InvalidCitizenIdException e =
        assertReason(withCheckCharacter("99010119800101123"), Reason.REGION);

    assertThat(e.getMessage()).contains("99").contains("provincial-level");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "11010519900307042", // 17 characters
        "1101051990030704211", // 19 characters
        "110105900307042", // a first-generation 15-digit number
      })
  void rejectsTheWrongLengthSayingOnlyTheLength(String raw) {
    InvalidCitizenIdException e = assertReason(raw, Reason.FORMAT);

    assertThat(e.getMessage()).contains("18 characters").contains("has " + raw.length());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "11010519900307O42X", // letter O for zero
        "1101051990030704XX", // X before the last place
        "A10105199003070421",
        "110105-19900307042",
        "１１０１０５199003070421", // full-width digits
        "11010519900307042Y",
        "11010519900307042 "
      })
  void rejectsAnythingButDigitsAndAFinalX(String raw) {
    assertReason(raw, Reason.FORMAT);
  }

  @Test
  void rejectsNull() {
    assertReason(null, Reason.FORMAT);
  }

  @Test
  void masksAllButTheRegionAndTheLastFour() {
    CitizenId id = CitizenId.of(new RegionCode("110105"), LocalDate.of(1990, 3, 7), 123);

    assertThat(id.masked()).isEqualTo("110105********123" + id.value().charAt(17));
    for (CitizenId generated : generatedNumbers()) {
      String value = generated.value();
      assertThat(generated.masked())
          .matches("[0-9]{6}\\*{8}[0-9]{3}[0-9X]")
          .isEqualTo(value.substring(0, 6) + "********" + value.substring(14));
    }
  }

  @Test
  void toStringIsTheMaskedFormNeverTheNumber() {
    for (CitizenId id : generatedNumbers()) {
      assertThat(id.toString())
          .isEqualTo(id.masked())
          .doesNotContain(id.value())
          .doesNotContain(id.value().substring(6, 14));
    }
  }

  /** Invalid numbers of every kind: wrong format, check character, birth date and region. */
  static List<String> invalidNumbers() {
    List<String> numbers = new ArrayList<>();
    String valid = edgeNumbers().get(3).value();
    numbers.add(valid.substring(0, 17)); // 17 characters
    numbers.add(valid + "1"); // 19 characters
    numbers.add(valid.substring(0, 9) + "A" + valid.substring(10));
    numbers.add(valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0'));
    numbers.add(withCheckCharacter("11010520230230123"));
    numbers.add(withCheckCharacter("11010520990101123"));
    numbers.add(withCheckCharacter("11010518990101123"));
    numbers.add(withCheckCharacter("99010119800101123"));
    numbers.add(" " + withCheckCharacter("11000119800101123") + " ");
    return numbers;
  }

  @ParameterizedTest
  @MethodSource("invalidNumbers")
  void problemsNeverHoldTheNumberInClear(String raw) {
    String number = raw.strip();
    InvalidCitizenIdException e =
        catchThrowableOfType(InvalidCitizenIdException.class, () -> CitizenId.parse(raw, CLOCK));

    String everythingSaid =
        e.getMessage() + " " + e.detail() + " " + e.properties() + " " + e.maskedCitizenId();
    assertThat(everythingSaid).doesNotContain(number);
    if (number.length() >= 14) {
      assertThat(everythingSaid).doesNotContain(number.substring(6, 14));
    }
    if (number.length() == 18) {
      assertThat(everythingSaid).doesNotContain(number.substring(0, 10));
    }
  }

  @Test
  void aWellFormedNumberIsNamedMasked() {
    CitizenId valid = edgeNumbers().get(0);
    String wrongCheck = valid.value().substring(0, 17) + (valid.value().endsWith("0") ? '1' : '0');
    String masked = wrongCheck.substring(0, 6) + "********" + wrongCheck.substring(14);

    InvalidCitizenIdException e = assertReason(wrongCheck, Reason.CHECK_CHARACTER);

    assertThat(e.kind()).isEqualTo(SscProblem.INVALID_CITIZEN_ID);
    assertThat(e.getMessage()).contains(masked);
    assertThat(e.maskedCitizenId()).contains(masked);
    assertThat(e.properties())
        .containsEntry("reason", "check-character")
        .containsEntry("citizenId", masked)
        .containsKey("errors");
    assertThat(e.properties().keySet())
        .doesNotContainAnyElementsOf(ProblemException.STANDARD_MEMBERS);
  }

  @Test
  void aMalformedNumberIsNotNamedAtAll() {
    InvalidCitizenIdException e = assertReason("11010519900307A421", Reason.FORMAT);

    assertThat(e.maskedCitizenId()).isEmpty();
    assertThat(e.properties())
        .containsOnlyKeys("reason", "errors")
        .containsEntry("reason", "format");
    assertThat(e.properties().get("errors"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .singleElement()
        .isEqualTo(FieldError.of("citizenId", "character 15 must be a digit (0-9)"));
  }

  @Test
  void equalsAndHashCodeFollowTheNumber() {
    CitizenId id = edgeNumbers().get(4);
    CitizenId same = CitizenId.parse("  " + id.value() + " ", CLOCK);
    Set<CitizenId> set = new HashSet<>(List.of(id, same));

    assertThat(same).isEqualTo(id).hasSameHashCodeAs(id);
    assertThat(set).hasSize(1);
    assertThat(id).isNotEqualTo(edgeNumbers().get(5));
  }

  private static InvalidCitizenIdException assertReason(String raw, Reason reason) {
    InvalidCitizenIdException e =
        catchThrowableOfType(InvalidCitizenIdException.class, () -> CitizenId.parse(raw, CLOCK));
    assertThat(e).as("problem for a changed number").isNotNull();
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.properties()).containsEntry("reason", reason.code());
    assertThat(e.kind()).isEqualTo(SscProblem.INVALID_CITIZEN_ID);
    return e;
  }
}
