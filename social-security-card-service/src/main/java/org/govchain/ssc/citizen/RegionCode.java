package org.govchain.ssc.citizen;

import java.util.Map;

/**
 * A GB/T 2260 administrative division code: six digits, the first two a provincial-level division
 * (the 34 below), then prefecture and county: {@code 360000} a province, {@code 360500} a
 * prefecture, {@code 360502} a county-level division. The format is checked, not the national list
 * (which changes every year; a city keeps its own).
 */
public record RegionCode(String value) {

  /** The provincial-level divisions by their two-digit code. */
  public static final Map<String, String> PROVINCES =
      Map.ofEntries(
          Map.entry("11", "北京市"),
          Map.entry("12", "天津市"),
          Map.entry("13", "河北省"),
          Map.entry("14", "山西省"),
          Map.entry("15", "内蒙古自治区"),
          Map.entry("21", "辽宁省"),
          Map.entry("22", "吉林省"),
          Map.entry("23", "黑龙江省"),
          Map.entry("31", "上海市"),
          Map.entry("32", "江苏省"),
          Map.entry("33", "浙江省"),
          Map.entry("34", "安徽省"),
          Map.entry("35", "福建省"),
          Map.entry("36", "江西省"),
          Map.entry("37", "山东省"),
          Map.entry("41", "河南省"),
          Map.entry("42", "湖北省"),
          Map.entry("43", "湖南省"),
          Map.entry("44", "广东省"),
          Map.entry("45", "广西壮族自治区"),
          Map.entry("46", "海南省"),
          Map.entry("50", "重庆市"),
          Map.entry("51", "四川省"),
          Map.entry("52", "贵州省"),
          Map.entry("53", "云南省"),
          Map.entry("54", "西藏自治区"),
          Map.entry("61", "陕西省"),
          Map.entry("62", "甘肃省"),
          Map.entry("63", "青海省"),
          Map.entry("64", "宁夏回族自治区"),
          Map.entry("65", "新疆维吾尔自治区"),
          Map.entry("71", "台湾省"),
          Map.entry("81", "香港特别行政区"),
          Map.entry("82", "澳门特别行政区"));

  public RegionCode {
    String problem = problem(value);
    if (problem != null) {
      throw new InvalidRegionException("region", value, problem);
    }
  }

  /**
   * The code as typed (surrounding whitespace removed), as the request field {@code field}.
   *
   * @throws InvalidRegionException naming {@code field} if it is not a region code
   */
  public static RegionCode parse(String text, String field) {
    String value = text == null ? "" : text.strip();
    String problem = problem(value);
    if (problem != null) {
      throw new InvalidRegionException(field, value, problem);
    }
    return new RegionCode(value);
  }

  /** Why {@code value} is not a region code, or null if it is one. */
  static String problem(String value) {
    if (value == null || value.length() != 6 || !value.chars().allMatch(RegionCode::isDigit)) {
      return "must be six digits";
    }
    if (!PROVINCES.containsKey(value.substring(0, 2))) {
      return "no province has the code " + value.substring(0, 2);
    }
    if (value.startsWith("00", 2) && !value.startsWith("00", 4)) {
      return "a county-level code needs its prefecture (digits 3-4 are 00)";
    }
    return null;
  }

  /** The two-digit code of the province. */
  public String province() {
    return value.substring(0, 2);
  }

  /** The province's name, e.g. 江西省. */
  public String provinceName() {
    return PROVINCES.get(province());
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  @Override
  public String toString() {
    return value;
  }
}
