package org.govchain.accounting.redflags;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A red flag raised on a voucher: which rule, how severe, and why, in words and in numbers.
 *
 * <p>Neither the explanation nor the numbers name a person: an individual counterparty is "the same
 * individual payee", preparers and reviewers are not named.
 *
 * @param rule the rule that tripped
 * @param severity its severity, after {@link RedFlagSettings#severities()} overrides
 * @param voucherId the voucher it is raised on
 * @param explanation one line in English with the numbers, e.g. "cash on hand paid 1,500.00 exceeds
 *     the cash settlement threshold 1,000.00"
 * @param numbers the numbers that tripped the rule: amounts as strings with two decimal places
 *     ({@code "1500.00"}), dates as ISO strings, other vouchers as {@code voucherId}, {@code
 *     period} and {@code number}; in reading order
 */
public record Flag(
    RedFlagRule rule,
    Severity severity,
    UUID voucherId,
    String explanation,
    Map<String, Object> numbers) {

  public Flag {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(voucherId, "voucherId");
    Objects.requireNonNull(explanation, "explanation");
    if (explanation.isBlank() || explanation.contains("\n") || explanation.contains("\r")) {
      throw new IllegalArgumentException("an explanation is one line, is \"" + explanation + "\"");
    }
    numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
  }
}
