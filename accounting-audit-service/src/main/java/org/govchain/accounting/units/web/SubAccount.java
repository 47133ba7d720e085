package org.govchain.accounting.units.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sub-account (明细科目) a unit added beneath its chart.
 *
 * @param code e.g. {@code 1002.01}
 * @param name e.g. {@code 工商银行基本户}
 * @param clearsTo the budget balance account it clears into at year end, overriding the chart, or
 *     null
 * @param createdBy the clerk who added it
 * @param createdAt when
 */
public record SubAccount(
    String code, String name, String clearsTo, String createdBy, Instant createdAt) {

  Map<String, Object> toData() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("code", code);
    data.put("name", name);
    data.put("clearsTo", clearsTo);
    data.put("createdBy", createdBy);
    data.put("createdAt", createdAt.toString());
    return data;
  }
}
