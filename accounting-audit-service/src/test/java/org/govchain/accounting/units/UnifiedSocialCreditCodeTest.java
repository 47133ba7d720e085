package org.govchain.accounting.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.anchor.web.problem.ProblemException.FieldError;
import org.govchain.anchor.web.region.RegionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Valid codes come from the companies' published licences or are built here with the standard's
 * formulas written out again ({@link #referenceCheckCharacter}, {@link
 * OrganizationCodeTest#referenceCheckCharacter}), never with the code under test.
 */
class UnifiedSocialCreditCodeTest {

  /** Digits, then the letters A-Z without I, O, S, V, Z: a character's index is its value. */
  static final String SET = buildCharacterSet();

  /** Every authority and type pair the table of GB 32100 allows. */
  static final List<String> PAIRS =
      List.of(
          "11", "12", "13", "19", "21", "29", "31", "32", "33", "34", "35", "39", "41", "49", "51",
          "52", "53", "59", "61", "62", "69", "71", "72", "79", "81", "89", "91", "92", "93", "A1",
          "A9", "N1", "N2", "N3", "N9", "Y1");

  /** Published codes: both check characters agree, which a guess would do once in 341 times. */
  static final List<String> PUBLISHED =
      List.of(
          "91440300708461136T", // 深圳市腾讯计算机系统有限公司
          "914403001922038216", // 华为技术有限公司
          "91110108551385082Q", // 小米科技有限责任公司
          "91110000802100433B", // 北京百度网讯科技有限公司
          "91330100716105852F", // 阿里巴巴（中国）有限公司
          "12100000400000624D", // a 事业单位 registered at national level
          "11110000000021135M"); // a 机关 registered in Beijing

  private static String buildCharacterSet() {
    StringBuilder set = new StringBuilder("0123456789");
    for (char c = 'A'; c <= 'Z'; c++) {
      if ("IOSVZ".indexOf(c) < 0) {
        set.append(c);
      }
    }
    return set.toString();
  }

  /** GB 32100's check written out again: weights 3^(i-1) mod 31, check 31 - sum mod 31. */
  static char referenceCheckCharacter(String first17) {
    int weight = 1;
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += SET.indexOf(first17.charAt(i)) * weight;
      weight = weight * 3 % 31;
    }
    int check = 31 - sum % 31;
    return SET.charAt(check == 31 ? 0 : check);
  }

  /** A code with this pair, region and organization code body, both check characters right. */
  static String code(String pair, String region, String organizationBody) {
    String first17 =
        pair
            + region
            + organizationBody
            + OrganizationCodeTest.referenceCheckCharacter(organizationBody);
    return first17 + referenceCheckCharacter(first17);
  }

  /** {@code code} with its last character replaced by the right check character. */
  static String rechecked(String first17) {
    return first17 + referenceCheckCharacter(first17);
  }

  /** Codes of every pair, over many regions, with random organization codes. */
  static List<String> generatedCodes() {
    Random random = new Random(32100);
    List<String> regions = new ArrayList<>();
    for (String province : RegionCode.provinceCodes()) {
      regions.addAll(List.of(province + "0000", province + "0100", province + "0105"));
    }
    regions.add(UnifiedSocialCreditCode.NATIONAL_REGION);
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      StringBuilder body = new StringBuilder();
      for (int j = 0; j < 8; j++) {
        body.append(SET.charAt(random.nextInt(SET.length())));
      }
      codes.add(
          code(
              PAIRS.get(i % PAIRS.size()),
              regions.get(random.nextInt(regions.size())),
              body.toString()));
    }
    return codes;
  }

  static Stream<String> validCodes() {
    return Stream.concat(PUBLISHED.stream(), generatedCodes().stream());
  }

  static Stream<String> someValidCodes() {
    return Stream.concat(PUBLISHED.stream(), generatedCodes().stream().limit(40));
  }

  @Test
  void theCharacterSetIsTheStandardsThirtyOne() {
    assertThat(UnifiedSocialCreditCode.CHARACTERS).isEqualTo(SET).hasSize(31);
  }

  @ParameterizedTest
  @MethodSource("validCodes")
  void acceptsValidCodes(String value) {
    UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(value, "creditCode");

    assertThat(code.value()).isEqualTo(value);
    assertThat(code).isEqualTo(new UnifiedSocialCreditCode(value)).hasToString(value);
  }

  @Test
  void computesTheCheckCharacterOfTheStandard() {
    for (String value : validCodes().toList()) {
      assertThat(UnifiedSocialCreditCode.checkCharacter(value.substring(0, 17)))
          .as(value)
          .isEqualTo(value.charAt(17));
    }
  }

  @Test
  void writesACheckValueOf31AsZero() {
    for (char last : SET.toCharArray()) {
      String candidate = "9144030070846113" + last;
      if (sumModulo31(candidate) == 0) {
        assertThat(UnifiedSocialCreditCode.checkCharacter(candidate)).isEqualTo('0');
        return;
      }
    }
    throw new AssertionError("some last character makes the sum a multiple of 31");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "9144030070846113", "914403007084611366", "9144030070846113I"})
  void theCheckCharacterNeedsSeventeenCodeCharacters(String first17) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> UnifiedSocialCreditCode.checkCharacter(first17));
  }

  @ParameterizedTest
  @CsvSource({
    "91440300708461136T, 9, 1, 440300, 708461136, false",
    "914403001922038216, 9, 1, 440300, 192203821, false",
    "91110108551385082Q, 9, 1, 110108, 551385082, false",
    "11110000000021135M, 1, 1, 110000, 000021135, true",
  })
  void readsThePartsOfAPublishedCode(
      String value,
      char authority,
      char type,
      String region,
      String organizationCode,
      boolean government) {
    UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(value, "creditCode");

    assertThat(code.registrationAuthority().code()).isEqualTo(authority);
    assertThat(code.institutionType()).isEqualTo(type);
    assertThat(code.region()).contains(new RegionCode(region));
    assertThat(code.isNationalLevel()).isFalse();
    assertThat(code.organizationCode()).isEqualTo(organizationCode);
    assertThat(code.isGovernmentUnit()).isEqualTo(government);
  }

  @ParameterizedTest
  @CsvSource({
    "11, true",
    "12, true",
    "13, true",
    "19, true",
    "51, false",
    "91, false",
    "Y1, false"
  })
  void isAGovernmentUnitWhenRegisteredWithOrganizationEstablishment(
      String pair, boolean government) {
    UnifiedSocialCreditCode code =
        UnifiedSocialCreditCode.parse(code(pair, "330106", "MB123456"), "c");

    assertThat(code.isGovernmentUnit()).isEqualTo(government);
    assertThat(code.registrationAuthority().code()).isEqualTo(pair.charAt(0));
    assertThat(code.institutionType()).isEqualTo(pair.charAt(1));
    assertThat(code.region()).contains(new RegionCode("330106"));
  }

  @Test
  void aNationalLevelRegistrationHasNoRegion() {
    UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse("12100000400000624D", "c");

    assertThat(code.isNationalLevel()).isTrue();
    assertThat(code.region()).isEmpty();
    assertThat(code.registrationAuthority())
        .isEqualTo(RegistrationAuthority.ORGANIZATION_ESTABLISHMENT);
    assertThat(code.institutionType()).isEqualTo('2');
  }

  @Test
  void ignoresSurroundingWhitespace() {
    assertThat(UnifiedSocialCreditCode.parse(" \t91440300708461136T\n", "c").value())
        .isEqualTo("91440300708461136T");
  }

  @ParameterizedTest
  @MethodSource("someValidCodes")
  void refusesEverySingleCharacterCorruption(String value) {
    for (int position = 0; position < 18; position++) {
      for (char replacement : SET.toCharArray()) {
        if (replacement == value.charAt(position)) {
          continue;
        }
        String corrupted =
            value.substring(0, position) + replacement + value.substring(position + 1);
        assertThat(refusal(corrupted)).as(corrupted).isNotNull();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("someValidCodes")
  void refusesEveryAdjacentTransposition(String value) {
    for (int i = 0; i < 17; i++) {
      if (value.charAt(i) == value.charAt(i + 1)) {
        continue;
      }
      String swapped =
          value.substring(0, i) + value.charAt(i + 1) + value.charAt(i) + value.substring(i + 2);
      assertThat(refusal(swapped)).as(swapped).isNotNull();
    }
  }

  @Test
  void namesTheExpectedCheckCharacter() {
    InvalidCreditCodeException e = refusal("91440300708461136U");

    assertThat(e.reason())
        .isEqualTo(
            "character 18 ('U') must be 'T', the check character of the first 17 characters");
  }

  @Test
  void namesTheExpectedCheckCharacterOfTheOrganizationCode() {
    String wrongOrganizationCheck = rechecked("9144030070846113" + "7");

    InvalidCreditCodeException e = refusal(wrongOrganizationCheck);

    assertThat(e.reason())
        .isEqualTo(
            "character 17 ('7') must be '6', the check character of the organization code"
                + " (characters 9-17, GB 11714)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "2", "3", "4", "5", "7", "8", "9", "X"})
  void refusesAnyWrongOrganizationCodeCheckEvenWithTheRightOverallCheck(String check) {
    String value = rechecked("9144030070846113" + check);

    assertThat(refusal(value).reason()).contains("organization code").contains("must be '6'");
  }

  @Test
  void acceptsExactlyThePairsOfTheTable() {
    for (char authority : SET.toCharArray()) {
      for (char type : SET.toCharArray()) {
        String pair = "" + authority + type;
        String value = code(pair, "110105", "MB012345");
        InvalidCreditCodeException e = refusal(value);
        if (PAIRS.contains(pair)) {
          assertThat(e).as(pair).isNull();
        } else {
          assertThat(e).as(pair).isNotNull();
          assertThat(e.reason()).as(pair).startsWith("character " + failingPosition(authority));
        }
      }
    }
  }

  /** 2 (the type) under a known authority, else 1 (the authority). */
  private static int failingPosition(char authority) {
    return "123456789ANY".indexOf(authority) >= 0 ? 2 : 1;
  }

  @Test
  void explainsAnUnknownAuthority() {
    assertThat(refusal(code("B1", "110105", "MB012345")).reason())
        .isEqualTo("character 1 ('B') is no registration authority (1-9, A, N or Y)");
  }

  @Test
  void explainsATypeTheAuthorityDoesNotRegister() {
    assertThat(refusal(code("94", "110105", "MB012345")).reason())
        .isEqualTo(
            "character 2 ('4') is no institution type of registration authority 9 (工商),"
                + " which registers [1, 2, 3]");
  }

  @ParameterizedTest
  @CsvSource({
    "990000, no provincial-level division has the code 99",
    "110001, prefecture digits 00",
    "100100, no provincial-level division has the code 10",
    "000000, no provincial-level division has the code 00",
    "830000, no provincial-level division has the code 83"
  })
  void refusesARegionThatIsNoRegionCode(String region, String why) {
    InvalidCreditCodeException e = refusal(code("12", region, "MB012345"));

    assertThat(e.reason()).contains("characters 3-8 (" + region + ")").contains(why);
  }

  @ParameterizedTest
  @CsvSource({"3, A10105", "4, 1A0105", "8, 11010A"})
  void refusesALetterInTheRegion(int position, String region) {
    assertThat(refusal(code("12", region, "MB012345")).reason())
        .isEqualTo(
            "character "
                + position
                + " must be a digit: characters 3-8 are the registering authority's region code");
  }

  @ParameterizedTest
  @ValueSource(strings = {"9144030070846113", "9144030070846113666", "9", "91440300708461136T0"})
  void refusesTheWrongLength(String value) {
    assertThat(refusal(value).reason()).isEqualTo("must be 18 characters, has " + value.length());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void refusesABlankCode(String value) {
    assertThat(refusal(value).reason()).isEqualTo("is missing");
  }

  @Test
  void refusesNull() {
    assertThat(refusal(null).reason()).isEqualTo("is missing");
  }

  @ParameterizedTest
  @CsvSource({"0, I", "4, O", "8, S", "12, V", "16, Z"})
  void refusesTheLettersTheCodeNeverUses(int index, char letter) {
    String value = replaced("91440300708461136T", index, letter);

    assertThat(refusal(value).reason())
        .isEqualTo(
            "character "
                + (index + 1)
                + " ('"
                + letter
                + "') is never used: codes have no I, O, S, V or Z");
  }

  @Test
  void refusesLowerCaseLetters() {
    assertThat(refusal("91440300708461136t").reason())
        .isEqualTo("character 18 ('t') is lower case: codes use upper-case letters");
    assertThat(refusal(code("12", "110105", "MB012345").toLowerCase()).reason())
        .isEqualTo("character 9 ('m') is lower case: codes use upper-case letters");
  }

  @ParameterizedTest
  @ValueSource(chars = {'-', ' ', '１', '中', '.', 'Ａ', '\u00a0'})
  void refusesCharactersThatAreNoDigitOrUpperCaseLetter(char c) {
    assertThat(refusal(replaced("91440300708461136T", 9, c)).reason())
        .isEqualTo("character 10 must be a digit or an upper-case letter other than I, O, S, V, Z");
  }

  @Test
  void namesTheFieldTheCallerGives() {
    InvalidCreditCodeException e =
        catchThrowableOfType(
            InvalidCreditCodeException.class,
            () -> UnifiedSocialCreditCode.parse("91440300708461136U", "units[0].creditCode"));

    assertThat(e.field()).isEqualTo("units[0].creditCode");
    assertThat(e.kind()).isEqualTo(AccountingProblem.INVALID_CREDIT_CODE);
    assertThat(e.getMessage())
        .isEqualTo("invalid unified social credit code in units[0].creditCode: " + e.reason());
    assertThat(e.properties())
        .containsOnlyKeys("field", "errors")
        .containsEntry("field", "units[0].creditCode")
        .extractingByKey("errors")
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .containsExactly(FieldError.of("units[0].creditCode", e.reason()));
  }

  @Test
  void theConstructorChecksToo() {
    InvalidCreditCodeException e =
        catchThrowableOfType(
            InvalidCreditCodeException.class,
            () -> new UnifiedSocialCreditCode("91440300708461136U"));

    assertThat(e.field()).isEqualTo(UnifiedSocialCreditCode.DEFAULT_FIELD);
  }

  private static int sumModulo31(String first17) {
    int weight = 1;
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += SET.indexOf(first17.charAt(i)) * weight;
      weight = weight * 3 % 31;
    }
    return sum % 31;
  }

  private static String replaced(String value, int index, char c) {
    return value.substring(0, index) + c + value.substring(index + 1);
  }

  /** The refusal of {@code value}, or {@code null} if it is accepted. */
  private static InvalidCreditCodeException refusal(String value) {
    return catchThrowableOfType(
        InvalidCreditCodeException.class, () -> UnifiedSocialCreditCode.parse(value, "creditCode"));
  }
}
