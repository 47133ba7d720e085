package org.govchain.accounting.redflags;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs the red-flag rules on a voucher: on each posted voucher, and again on each voucher of a
 * period at its close (with the context looked up afresh).
 */
public final class RedFlags {

  private RedFlags() {}

  /**
   * The flags {@code voucher} raises: at most one per rule, in {@link RedFlagRule} order, from
   * every rule that is enabled in {@code settings} and runs on the voucher's kind.
   */
  public static List<Flag> evaluate(
      VoucherFacts voucher, Context context, RedFlagSettings settings) {
    Objects.requireNonNull(voucher, "voucher");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(settings, "settings");
    List<Flag> flags = new ArrayList<>();
    for (RedFlagRule rule : RedFlagRule.values()) {
      if (!settings.isEnabled(rule) || !rule.appliesTo(voucher.kind())) {
        continue;
      }
      rule.check()
          .check(voucher, context, settings)
          .ifPresent(
              finding ->
                  flags.add(
                      new Flag(
                          rule,
                          settings.severityOf(rule),
                          voucher.id(),
                          finding.explanation(),
                          finding.numbers())));
    }
    return List.copyOf(flags);
  }
}
