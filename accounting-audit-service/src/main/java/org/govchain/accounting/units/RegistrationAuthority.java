package org.govchain.accounting.units;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registration authorities (登记管理部门, character 1 of a unified social credit code) and the
 * institution types (机构类别, character 2) each of them registers.
 *
 * <p>The table is the one published for GB 32100-2015 by the national credit code administrators,
 * with the authorities given codes after the standard appeared, such as {@code A} (the Central
 * Military Commission's reform and establishment office, created in 2016) and {@code N}
 * (agriculture: rural collective economic organisations). Government units (机关 {@code 11}, 事业单位
 * {@code 12}) register with 机构编制. A pair not in the table is refused: no authority assigns other
 * types, so such a pair is a mistyped code.
 */
public enum RegistrationAuthority {
  ORGANIZATION_ESTABLISHMENT('1', "机构编制", "1 机关", "2 事业单位", "3 中央编办直接管理机构编制的群众团体", "9 其他"),
  FOREIGN_AFFAIRS('2', "外交", "1 外国常驻新闻机构", "9 其他"),
  JUSTICE('3', "司法行政", "1 律师执业机构", "2 公证处", "3 基层法律服务所", "4 司法鉴定机构", "5 仲裁委员会", "9 其他"),
  CULTURE('4', "文化", "1 外国在华文化中心", "9 其他"),
  CIVIL_AFFAIRS('5', "民政", "1 社会团体", "2 民办非企业单位", "3 基金会", "9 其他"),
  TOURISM('6', "旅游", "1 外国旅游部门常驻代表机构", "2 港澳台地区旅游部门常驻内地（大陆）代表机构", "9 其他"),
  RELIGION('7', "宗教", "1 宗教活动场所", "2 宗教院校", "9 其他"),
  TRADE_UNION('8', "工会", "1 基层工会", "9 其他"),
  /** 工商, now market regulation (市场监管): enterprises, individual businesses, cooperatives. */
  INDUSTRY_AND_COMMERCE('9', "工商", "1 企业", "2 个体工商户", "3 农民专业合作社"),
  MILITARY('A', "中央军委改革和编制办公室", "1 军队事业单位", "9 其他"),
  AGRICULTURE('N', "农业", "1 组级集体经济组织", "2 村级集体经济组织", "3 乡镇级集体经济组织", "9 其他"),
  /** Every other authority; its codes have no type of their own and always use {@code 1}. */
  OTHER('Y', "其他", "1 不再具体划分机构类别");

  private final char code;
  private final String label;
  private final Map<Character, String> institutionTypes;

  RegistrationAuthority(char code, String label, String... types) {
    this.code = code;
    this.label = label;
    Map<Character, String> byCode = new TreeMap<>();
    for (String type : types) {
      byCode.put(type.charAt(0), type.substring(2));
    }
    this.institutionTypes = Collections.unmodifiableMap(byCode);
  }

  /** The authority whose code is {@code code}, if any. */
  public static Optional<RegistrationAuthority> of(char code) {
    return Arrays.stream(values()).filter(a -> a.code == code).findFirst();
  }

  /** The character that stands for it in a code, e.g. {@code 1}. */
  public char code() {
    return code;
  }

  /** Its name in the standard's table, e.g. {@code 机构编制}. */
  public String label() {
    return label;
  }

  /** The institution types it registers, by their code (ascending), with their names. */
  public Map<Character, String> institutionTypes() {
    return institutionTypes;
  }

  /** Whether it registers institutions of type {@code type}. */
  public boolean registers(char type) {
    return institutionTypes.containsKey(type);
  }
}
