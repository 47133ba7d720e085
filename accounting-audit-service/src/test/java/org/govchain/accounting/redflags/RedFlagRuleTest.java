package org.govchain.accounting.redflags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RedFlagRuleTest {

  @Test
  void hasTheRulesTheRegulatorAskedForUnderStableIds() {
    assertThat(Arrays.stream(RedFlagRule.values()).map(RedFlagRule::id))
        .containsExactly(
            "cash-payment-over-limit",
            "split-payments",
            "duplicate-invoice",
            "duplicate-attachment",
            "preparer-is-reviewer",
            "individual-payment-without-support",
            "non-working-day",
            "round-amount",
            "reversal-of-closed-period");
  }

  @ParameterizedTest
  @EnumSource(RedFlagRule.class)
  void hasAKebabCaseIdFoundByItsIdAndTitlesInBothLanguages(RedFlagRule rule) {
    assertThat(rule.id())
        .matches("[a-z]+(-[a-z]+)*")
        .isEqualTo(rule.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    assertThat(RedFlagRule.byId(rule.id())).contains(rule);
    assertThat(rule.titleZh()).isNotBlank().matches(".*\\p{IsHan}.*");
    assertThat(rule.titleEn()).isNotBlank().matches("[A-Z][A-Za-z -]+");
  }

  @Test
  void findsNoRuleUnderAnUnknownId() {
    assertThat(RedFlagRule.byId("CASH_PAYMENT_OVER_LIMIT")).isEmpty();
    assertThat(RedFlagRule.byId("cash-payment")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "CASH_PAYMENT_OVER_LIMIT, MEDIUM",
    "SPLIT_PAYMENTS, HIGH",
    "DUPLICATE_INVOICE, HIGH",
    "DUPLICATE_ATTACHMENT, MEDIUM",
    "PREPARER_IS_REVIEWER, HIGH",
    "INDIVIDUAL_PAYMENT_WITHOUT_SUPPORT, HIGH",
    "NON_WORKING_DAY, LOW",
    "ROUND_AMOUNT, LOW",
    "REVERSAL_OF_CLOSED_PERIOD, MEDIUM"
  })
  void hasADefaultSeverity(RedFlagRule rule, Severity severity) {
    assertThat(rule.defaultSeverity()).isEqualTo(severity);
  }

  @ParameterizedTest
  @CsvSource({
    "CASH_PAYMENT_OVER_LIMIT,            true,  false, false",
    "SPLIT_PAYMENTS,                     true,  false, false",
    "DUPLICATE_INVOICE,                  true,  false, false",
    "DUPLICATE_ATTACHMENT,               true,  false, false",
    "PREPARER_IS_REVIEWER,               true,  true,  true",
    "INDIVIDUAL_PAYMENT_WITHOUT_SUPPORT, true,  false, false",
    "NON_WORKING_DAY,                    true,  true,  false",
    "ROUND_AMOUNT,                       true,  false, false",
    "REVERSAL_OF_CLOSED_PERIOD,          false, true,  false"
  })
  void runsOnTheVoucherKindsItIsMeantFor(
      RedFlagRule rule, boolean ordinary, boolean reversal, boolean closing) {
    assertThat(rule.appliesTo(VoucherFacts.ORDINARY)).isEqualTo(ordinary);
    assertThat(rule.appliesTo(VoucherFacts.REVERSAL)).isEqualTo(reversal);
    assertThat(rule.appliesTo(VoucherFacts.CLOSING)).isEqualTo(closing);
    assertThat(VoucherFacts.KINDS).containsAll(rule.voucherKinds());
  }
}
