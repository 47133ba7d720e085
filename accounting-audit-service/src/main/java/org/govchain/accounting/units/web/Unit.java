package org.govchain.accounting.units.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.govchain.accounting.units.UnitType;
import org.govchain.accounting.vouchers.Period;

/**
 * A government unit keeping its books here.
 *
 * @param id the unit's id
 * @param creditCode its unified social credit code, which binds clerks to it (the token's {@code
 *     unit} claim)
 * @param name its name
 * @param region its GB/T 2260 region
 * @param type administrative unit or public institution
 * @param chartVersion the version of the standard chart its books use
 * @param firstPeriod the first period of its books here
 * @param createdBy the admin who registered it
 * @param createdAt when
 */
public record Unit(
    UUID id,
    String creditCode,
    String name,
    String region,
    UnitType type,
    String chartVersion,
    Period firstPeriod,
    String createdBy,
    Instant createdAt) {

  /** The unit as answers show it (its log event names the admin by a keyed reference). */
  public Map<String, Object> toData() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", id.toString());
    data.put("creditCode", creditCode);
    data.put("name", name);
    data.put("region", region);
    data.put("type", type.name());
    data.put("chartVersion", chartVersion);
    data.put("firstPeriod", firstPeriod.toString());
    data.put("createdBy", createdBy);
    data.put("createdAt", createdAt.toString());
    return data;
  }
}
