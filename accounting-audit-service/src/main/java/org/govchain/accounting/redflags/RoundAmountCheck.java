package org.govchain.accounting.redflags;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.govchain.accounting.redflags.VoucherFacts.Line;

/**
 * {@link RedFlagRule#ROUND_AMOUNT}: a large amount in a whole multiple of the round unit (60,000.00
 * in tens of thousands), as estimates, fictitious expenses and kickbacks tend to be while real
 * prices rarely are. Financial-ledger lines only (first digit 1-5): the budget ledger repeats the
 * same money. Lines are judged by their absolute amount; one flag lists every round line.
 */
final class RoundAmountCheck implements RuleCheck {

  @Override
  public Optional<Finding> check(VoucherFacts voucher, Context context, RedFlagSettings settings) {
    BigDecimal threshold = settings.roundAmountThreshold();
    BigDecimal unit = settings.roundAmountUnit();
    List<Line> round = new ArrayList<>();
    for (Line line : voucher.lines()) {
      BigDecimal amount = line.amount().abs();
      if (line.isFinancial()
          && amount.compareTo(threshold) >= 0
          && amount.remainder(unit).signum() == 0) {
        round.add(line);
      }
    }
    if (round.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("lines", round.stream().map(RoundAmountCheck::numbers).toList());
    numbers.put("threshold", Amounts.plain(threshold));
    numbers.put("unit", Amounts.plain(unit));
    return Optional.of(
        new Finding(
            "round amounts of at least "
                + Amounts.display(threshold)
                + " in whole multiples of "
                + Amounts.display(unit)
                + ": "
                + round.stream().map(RoundAmountCheck::describe).collect(Collectors.joining(", ")),
            numbers));
  }

  private static String describe(Line line) {
    return Amounts.display(line.amount()) + " " + side(line) + " " + line.account();
  }

  private static Map<String, Object> numbers(Line line) {
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("account", line.account());
    numbers.put("side", side(line));
    numbers.put("amount", Amounts.plain(line.amount()));
    return Collections.unmodifiableMap(numbers);
  }

  private static String side(Line line) {
    return line.debit() ? "debit" : "credit";
  }
}
