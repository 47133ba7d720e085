package org.govchain.anchor.web.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.problem.ProblemException.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTest {

  /** The two-digit codes of the 34 provincial-level divisions. */
  private static final List<String> PROVINCES =
      List.of(
          "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
          "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
          "65", "71", "81", "82");

  @ParameterizedTest
  @CsvSource({
    "11, 北京市",
    "12, 天津市",
    "13, 河北省",
    "14, 山西省",
    "15, 内蒙古自治区",
    "21, 辽宁省",
    "22, 吉林省",
    "23, 黑龙江省",
    "31, 上海市",
    "32, 江苏省",
    "33, 浙江省",
    "34, 安徽省",
    "35, 福建省",
    "36, 江西省",
    "37, 山东省",
    "41, 河南省",
    "42, 湖北省",
    "43, 湖南省",
    "44, 广东省",
    "45, 广西壮族自治区",
    "46, 海南省",
    "50, 重庆市",
    "51, 四川省",
    "52, 贵州省",
    "53, 云南省",
    "54, 西藏自治区",
    "61, 陕西省",
    "62, 甘肃省",
    "63, 青海省",
    "64, 宁夏回族自治区",
    "65, 新疆维吾尔自治区",
    "71, 台湾省",
    "81, 香港特别行政区",
    "82, 澳门特别行政区"
  })
  void namesEachOfTheThirtyFourProvincialLevelDivisions(String province, String name) {
    RegionCode code = RegionCode.parse(province + "0000");

    assertThat(code.province()).isEqualTo(province);
    assertThat(code.provinceName()).isEqualTo(name);
    assertThat(PROVINCES).contains(province);
  }

  @Test
  void listsTheProvinceCodesInAscendingOrder() {
    assertThat(RegionCode.provinceCodes()).isEqualTo(PROVINCES);
  }

  @Test
  void knowsNoOtherProvince() {
    for (int province = 0; province < 100; province++) {
      String code = String.format("%02d0000", province);
      boolean known = PROVINCES.contains(code.substring(0, 2));
      ThrowingCallable parsing = () -> RegionCode.parse(code);
      assertThat(catchThrowableOfType(InvalidRegionException.class, parsing) == null)
          .as(code)
          .isEqualTo(known);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "110000", // 北京市
        "110100", // 市辖区
        "110105", // 朝阳区
        "440300", // 深圳市
        "440305", // 南山区
        "469001", // 五指山市, a county-level city under the province
        "650102", // 天山区
        "710000", "820000"
      })
  void acceptsProvincePrefectureAndCountyCodes(String value) {
    RegionCode code = RegionCode.parse(value);

    assertThat(code.value()).isEqualTo(value);
    assertThat(code).isEqualTo(new RegionCode(value));
    assertThat(code.toString()).isEqualTo(value);
  }

  @Test
  void ignoresSurroundingWhitespace() {
    assertThat(RegionCode.parse(" 310115\t").value()).isEqualTo("310115");
  }

  @ParameterizedTest
  @ValueSource(strings = {"000000", "100000", "160101", "990000", "830000", "910101"})
  void rejectsAnUnknownProvinceRepeatingTheCode(String value) {
    InvalidRegionException e = invalid(value, "region");

    assertThat(e.getMessage())
        .contains(value)
        .contains("no provincial-level division has the code " + value.substring(0, 2));
    assertThat(e.properties()).containsEntry("value", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"110001", "440099", "650010"})
  void rejectsPrefectureDigits00UnderACounty(String value) {
    assertThat(invalid(value, "region").getMessage()).contains("prefecture digits 00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "11010", "1101050", "11010a", "110-05", "１１０１０５", "11 105"})
  void rejectsAnythingButSixDigitsWithoutRepeatingIt(String value) {
    InvalidRegionException e = invalid(value, "region");

    assertThat(e.properties()).doesNotContainKey("value");
    if (!value.isEmpty()) {
      assertThat(e.getMessage()).doesNotContain(value);
    }
  }

  @Test
  void neverRepeatsACitizenIdNumberTypedAsARegion() {
    String citizenId = "110105199003070420"; // made up, with its right MOD 11-2 check character

    InvalidRegionException e = invalid(citizenId, "region");

    assertThat(e.getMessage()).contains("has 18 characters").doesNotContain(citizenId);
    assertThat(e.properties().toString()).doesNotContain(citizenId);
  }

  @Test
  void rejectsNull() {
    assertThat(invalid(null, "region").getMessage()).contains("is missing");
  }

  @Test
  void namesTheFieldTheCallerGives() {
    InvalidRegionException e = invalid("990000", "residenceRegion");

    assertThat(e.field()).isEqualTo("residenceRegion");
    assertThat(e.kind()).isEqualTo(InvalidRegionException.KIND);
    assertThat(e.getMessage()).contains("residenceRegion");
    assertThat(e.properties())
        .containsEntry("field", "residenceRegion")
        .extractingByKey("errors")
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .singleElement()
        .isEqualTo(
            FieldError.of("residenceRegion", "no provincial-level division has the code 99"));
    assertThat(e.properties().keySet())
        .doesNotContainAnyElementsOf(ProblemException.STANDARD_MEMBERS);
  }

  @Test
  void reportsTheDefectWithoutParsing() {
    assertThat(RegionCode.defect("110105")).isEmpty();
    assertThat(RegionCode.defect("990000"))
        .contains("no provincial-level division has the code 99");
    assertThat(RegionCode.defect(null)).contains("is missing");
  }

  @Test
  void theConstructorChecksToo() {
    InvalidRegionException e =
        catchThrowableOfType(InvalidRegionException.class, () -> new RegionCode("990000"));

    assertThat(e.field()).isEqualTo(RegionCode.DEFAULT_FIELD);
  }

  private static InvalidRegionException invalid(String value, String field) {
    InvalidRegionException e =
        catchThrowableOfType(InvalidRegionException.class, () -> RegionCode.parse(value, field));
    assertThat(e).as("problem for %s", value).isNotNull();
    return e;
  }
}
