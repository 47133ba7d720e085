package org.govchain.anchor.web.region;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A GB/T 2260 administrative division code: six digits, the first two a provincial-level division,
 * then the prefecture (digits 3-4) and the county (digits 5-6).
 *
 * <p>Accepted: province-level codes ({@code xx0000}), prefecture-level codes ({@code xxyy00}) and
 * county-level codes ({@code xxyyzz}) under one of the 34 provincial-level divisions. A code whose
 * prefecture digits are {@code 00} must be a province code: {@code 110001} is rejected. Whether a
 * prefecture or county exists is not checked (codes change every year and citizen ID numbers keep
 * the codes in force when they were issued). Region codes are not personal data.
 *
 * <p>Shared by every service that reads a region: the card service (citizen ID numbers, card
 * identification codes, issuing regions) and the accounting service (a unit's region, the region
 * inside a unified social credit code).
 */
public record RegionCode(String value) {

  /** The name used when the caller does not name the field the code came from. */
  public static final String DEFAULT_FIELD = "region";

  private static final int LENGTH = 6;

  /** The 34 provincial-level divisions of GB/T 2260 by their two-digit codes. */
  private static final Map<String, String> PROVINCES =
      Map.ofEntries(
          entry("11", "北京市"),
          entry("12", "天津市"),
          entry("13", "河北省"),
          entry("14", "山西省"),
          entry("15", "内蒙古自治区"),
          entry("21", "辽宁省"),
          entry("22", "吉林省"),
          entry("23", "黑龙江省"),
          entry("31", "上海市"),
          entry("32", "江苏省"),
          entry("33", "浙江省"),
          entry("34", "安徽省"),
          entry("35", "福建省"),
          entry("36", "江西省"),
          entry("37", "山东省"),
          entry("41", "河南省"),
          entry("42", "湖北省"),
          entry("43", "湖南省"),
          entry("44", "广东省"),
          entry("45", "广西壮族自治区"),
          entry("46", "海南省"),
          entry("50", "重庆市"),
          entry("51", "四川省"),
          entry("52", "贵州省"),
          entry("53", "云南省"),
          entry("54", "西藏自治区"),
          entry("61", "陕西省"),
          entry("62", "甘肃省"),
          entry("63", "青海省"),
          entry("64", "宁夏回族自治区"),
          entry("65", "新疆维吾尔自治区"),
          entry("71", "台湾省"),
          entry("81", "香港特别行政区"),
          entry("82", "澳门特别行政区"));

  private static final List<String> PROVINCE_CODES = PROVINCES.keySet().stream().sorted().toList();

  /**
   * @throws InvalidRegionException (field {@value #DEFAULT_FIELD}) if {@code value} is not a code
   */
  public RegionCode {
    Optional<String> defect = defect(value);
    if (defect.isPresent()) {
      throw new InvalidRegionException(DEFAULT_FIELD, value, defect.get());
    }
  }

  /** {@link #parse(String, String)} for the field {@value #DEFAULT_FIELD}. */
  public static RegionCode parse(String text) {
    return parse(text, DEFAULT_FIELD);
  }

  /**
   * Parses a code as typed (surrounding whitespace removed).
   *
   * @param field the request field the code came from, named in the problem
   * @throws InvalidRegionException if it is not six ASCII digits, its province is unknown or its
   *     prefecture digits are {@code 00} under a county
   */
  public static RegionCode parse(String text, String field) {
    String value = text == null ? null : text.strip();
    Optional<String> defect = defect(value);
    if (defect.isPresent()) {
      throw new InvalidRegionException(field, value, defect.get());
    }
    return new RegionCode(value);
  }

  /**
   * What makes {@code value} no region code, without repeating it; empty if it is one. For callers
   * that find a region inside a longer identifier and report the defect in their own problem.
   */
  public static Optional<String> defect(String value) {
    if (value == null) {
      return Optional.of("is missing");
    }
    if (value.length() != LENGTH) {
      return Optional.of("must be 6 digits, has " + value.length() + " characters");
    }
    for (int i = 0; i < LENGTH; i++) {
      if (!isAsciiDigit(value.charAt(i))) {
        return Optional.of("character " + (i + 1) + " must be a digit (0-9)");
      }
    }
    String province = value.substring(0, 2);
    if (!PROVINCES.containsKey(province)) {
      return Optional.of("no provincial-level division has the code " + province);
    }
    if (value.startsWith("00", 2) && !value.startsWith("00", 4)) {
      return Optional.of("prefecture digits 00 belong to a province code (" + province + "0000)");
    }
    return Optional.empty();
  }

  /** The two-digit codes of the 34 provincial-level divisions, in ascending order. */
  public static List<String> provinceCodes() {
    return PROVINCE_CODES;
  }

  /**
   * {@code 0-9} only: {@link Character#isDigit} would also take full-width {@code １} and the other
   * scripts' digits.
   */
  static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The two-digit code of the provincial-level division, e.g. {@code 11}. */
  public String province() {
    return value.substring(0, 2);
  }

  /** The name of the provincial-level division, e.g. {@code 北京市}. */
  public String provinceName() {
    return PROVINCES.get(province());
  }

  @Override
  public String toString() {
    return value;
  }
}
