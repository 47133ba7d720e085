package org.govchain.accounting.redflags;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Thresholds of the red-flag rules ({@code govchain.accounting.red-flags.*}), which rules run and
 * how severe their flags are. Amounts are CNY with at most two decimal places.
 *
 * @param cashSettlementThreshold cash on hand paid above this trips {@code
 *     cash-payment-over-limit}; 1000.00, the 结算起点 of 现金管理暂行条例 第五条
 * @param splitPaymentThreshold the approval threshold {@code split-payments} watches: payments each
 *     below it whose sum within the window goes above it trip; 100000.00
 * @param splitPaymentWindowDays how many days back from a payment {@code split-payments} looks,
 *     that day included; 30
 * @param individualPaymentThreshold a payment to an individual above this without support trips
 *     {@code individual-payment-without-support}; 50000.00
 * @param roundAmountThreshold a line of at least this that is a multiple of {@code roundAmountUnit}
 *     trips {@code round-amount}; 50000.00
 * @param roundAmountUnit what counts as round; 10000.00
 * @param severities severity overrides by rule id, e.g. {@code severities.round-amount=MEDIUM}
 * @param disabled ids of rules that do not run
 */
@Validated
@ConfigurationProperties("govchain.accounting.red-flags")
public record RedFlagSettings(
    @NotNull @Positive @DefaultValue("1000.00") BigDecimal cashSettlementThreshold,
    @NotNull @Positive @DefaultValue("100000.00") BigDecimal splitPaymentThreshold,
    @Min(1) @DefaultValue("30") int splitPaymentWindowDays,
    @NotNull @Positive @DefaultValue("50000.00") BigDecimal individualPaymentThreshold,
    @NotNull @Positive @DefaultValue("50000.00") BigDecimal roundAmountThreshold,
    @NotNull @Positive @DefaultValue("10000.00") BigDecimal roundAmountUnit,
    @DefaultValue Map<String, Severity> severities,
    @DefaultValue Set<String> disabled) {

  private static final String PREFIX = "govchain.accounting.red-flags.";

  /**
   * @throws IllegalArgumentException naming the setting if an amount is not positive or has more
   *     than two decimal places, the window is shorter than a day, or a rule id is unknown
   */
  public RedFlagSettings {
    cashSettlementThreshold = positive(cashSettlementThreshold, "cash-settlement-threshold");
    splitPaymentThreshold = positive(splitPaymentThreshold, "split-payment-threshold");
    individualPaymentThreshold =
        positive(individualPaymentThreshold, "individual-payment-threshold");
    roundAmountThreshold = positive(roundAmountThreshold, "round-amount-threshold");
    roundAmountUnit = positive(roundAmountUnit, "round-amount-unit");
    if (splitPaymentWindowDays < 1) {
      throw new IllegalArgumentException(
          PREFIX + "split-payment-window-days must be at least 1, is " + splitPaymentWindowDays);
    }
    severities = severities == null ? Map.of() : Map.copyOf(severities);
    disabled = disabled == null ? Set.of() : Set.copyOf(disabled);
    requireKnown(severities.keySet(), "severities");
    requireKnown(disabled, "disabled");
  }

  /** Every default, as an application without {@code govchain.accounting.red-flags} gets. */
  public static RedFlagSettings defaults() {
    return new RedFlagSettings(
        new BigDecimal("1000.00"),
        new BigDecimal("100000.00"),
        30,
        new BigDecimal("50000.00"),
        new BigDecimal("50000.00"),
        new BigDecimal("10000.00"),
        Map.of(),
        Set.of());
  }

  /** Whether {@code rule} runs. */
  public boolean isEnabled(RedFlagRule rule) {
    return !disabled.contains(rule.id());
  }

  /** The severity of {@code rule}'s flags: the override, else its default. */
  public Severity severityOf(RedFlagRule rule) {
    return severities.getOrDefault(rule.id(), rule.defaultSeverity());
  }

  private static BigDecimal positive(BigDecimal amount, String name) {
    Objects.requireNonNull(amount, PREFIX + name);
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException(
          PREFIX + name + " must be positive, is " + amount.toPlainString());
    }
    return Amounts.fen(amount, PREFIX + name);
  }

  private static void requireKnown(Set<String> ids, String name) {
    Set<String> unknown = new TreeSet<>();
    for (String id : ids) {
      if (RedFlagRule.byId(id).isEmpty()) {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          PREFIX + name + " names unknown rules " + unknown + "; rule ids are " + ruleIds());
    }
  }

  private static Set<String> ruleIds() {
    Set<String> ids = new TreeSet<>();
    for (RedFlagRule rule : RedFlagRule.values()) {
      ids.add(rule.id());
    }
    return ids;
  }
}
