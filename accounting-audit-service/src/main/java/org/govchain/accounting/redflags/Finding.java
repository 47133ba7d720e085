package org.govchain.accounting.redflags;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link RuleCheck} found, before {@link RedFlags} makes it a {@link Flag}.
 *
 * @param explanation one line in English with the numbers, no personal data
 * @param numbers the numbers that tripped the rule, in the order they are best read
 */
record Finding(String explanation, Map<String, Object> numbers) {

  Finding {
    Objects.requireNonNull(explanation, "explanation");
    numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
  }
}
