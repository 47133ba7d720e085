package org.govchain.accounting.findings.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.govchain.accounting.findings.FindingStatus;
import org.govchain.accounting.redflags.Severity;

/** A red-flag finding on a posted voucher, as stored. */
record Finding(
    UUID id,
    UUID unitId,
    UUID voucherId,
    String period,
    String rule,
    Severity severity,
    FindingStatus status,
    String explanation,
    String numbersJson,
    Instant raisedAt,
    long version,
    Instant updatedAt) {

  Finding withStatus(FindingStatus to, Instant at) {
    return new Finding(
        id,
        unitId,
        voucherId,
        period,
        rule,
        severity,
        to,
        explanation,
        numbersJson,
        raisedAt,
        version + 1,
        at);
  }

  /** The finding as answers and log events show it; {@code numbers} parsed from its JSON. */
  Map<String, Object> toData(String unitCreditCode, Object numbers) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", id.toString());
    data.put("unitId", unitId.toString());
    data.put("unit", unitCreditCode);
    data.put("voucherId", voucherId.toString());
    data.put("period", period);
    data.put("rule", rule);
    data.put("severity", severity.name());
    data.put("findingStatus", status.name());
    data.put("explanation", explanation);
    data.put("numbers", numbers);
    data.put("raisedAt", raisedAt.toString());
    data.put("version", version);
    data.put("updatedAt", updatedAt.toString());
    return data;
  }
}
