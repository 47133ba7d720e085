package org.govchain.accounting.redflags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.govchain.accounting.redflags.VoucherFixture.settings;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;

class RedFlagSettingsTest {

  @Test
  void defaultsToTheThresholdsTheRegulatorNamed() {
    RedFlagSettings defaults = RedFlagSettings.defaults();

    assertThat(defaults.cashSettlementThreshold()).isEqualTo(new BigDecimal("1000.00"));
    assertThat(defaults.splitPaymentThreshold()).isEqualTo(new BigDecimal("100000.00"));
    assertThat(defaults.splitPaymentWindowDays()).isEqualTo(30);
    assertThat(defaults.individualPaymentThreshold()).isEqualTo(new BigDecimal("50000.00"));
    assertThat(defaults.roundAmountThreshold()).isEqualTo(new BigDecimal("50000.00"));
    assertThat(defaults.roundAmountUnit()).isEqualTo(new BigDecimal("10000.00"));
    assertThat(defaults.severities()).isEmpty();
    assertThat(defaults.disabled()).isEmpty();
  }

  @Test
  void bindsTheSameDefaultsWhenNothingIsConfigured() {
    assertThat(settings()).isEqualTo(RedFlagSettings.defaults());
  }

  @Test
  void bindsEverySettingFromKebabCaseProperties() {
    RedFlagSettings settings =
        settings(
            "cash-settlement-threshold", "2000",
            "split-payment-threshold", "200000.5",
            "split-payment-window-days", "14",
            "individual-payment-threshold", "30000.00",
            "round-amount-threshold", "100000.00",
            "round-amount-unit", "50000.00",
            "severities.round-amount", "MEDIUM",
            "severities.non-working-day", "high",
            "disabled", "duplicate-attachment,preparer-is-reviewer");

    assertThat(settings.cashSettlementThreshold()).isEqualTo(new BigDecimal("2000.00"));
    assertThat(settings.splitPaymentThreshold()).isEqualTo(new BigDecimal("200000.50"));
    assertThat(settings.splitPaymentWindowDays()).isEqualTo(14);
    assertThat(settings.individualPaymentThreshold()).isEqualTo(new BigDecimal("30000.00"));
    assertThat(settings.roundAmountThreshold()).isEqualTo(new BigDecimal("100000.00"));
    assertThat(settings.roundAmountUnit()).isEqualTo(new BigDecimal("50000.00"));
    assertThat(settings.severities())
        .containsOnly(
            Map.entry("round-amount", Severity.MEDIUM),
            Map.entry("non-working-day", Severity.HIGH));
    assertThat(settings.disabled()).containsOnly("duplicate-attachment", "preparer-is-reviewer");
  }

  @Test
  void givesEachRuleItsOverriddenOrDefaultSeverity() {
    RedFlagSettings settings = settings("severities.round-amount", "HIGH");

    assertThat(settings.severityOf(RedFlagRule.ROUND_AMOUNT)).isEqualTo(Severity.HIGH);
    assertThat(settings.severityOf(RedFlagRule.NON_WORKING_DAY)).isEqualTo(Severity.LOW);
  }

  @Test
  void enablesEveryRuleNotDisabled() {
    RedFlagSettings settings = settings("disabled", "round-amount");

    assertThat(settings.isEnabled(RedFlagRule.ROUND_AMOUNT)).isFalse();
    assertThat(settings.isEnabled(RedFlagRule.SPLIT_PAYMENTS)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "cash-settlement-threshold, 0",
    "cash-settlement-threshold, -1000.00",
    "split-payment-threshold, 0.00",
    "individual-payment-threshold, -0.01",
    "round-amount-threshold, 0",
    "round-amount-unit, 0.00"
  })
  void refusesAnAmountThatIsNotPositive(String name, String value) {
    assertThat(refusal(name, value))
        .hasMessage("govchain.accounting.red-flags." + name + " must be positive, is " + value);
  }

  @Test
  void refusesAnAmountBelowTheFen() {
    assertThat(refusal("round-amount-unit", "0.001"))
        .hasMessage(
            "govchain.accounting.red-flags.round-amount-unit has more than two decimal places:"
                + " 0.001");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1"})
  void refusesAWindowShorterThanADay(String days) {
    assertThat(refusal("split-payment-window-days", days))
        .hasMessage(
            "govchain.accounting.red-flags.split-payment-window-days must be at least 1, is "
                + days);
  }

  @Test
  void acceptsAOneDayWindow() {
    assertThat(settings("split-payment-window-days", "1").splitPaymentWindowDays()).isOne();
  }

  @Test
  void refusesToDisableARuleItDoesNotKnow() {
    assertThat(refusal("disabled", "round-amount,round-amounts,cash-limit"))
        .hasMessageStartingWith(
            "govchain.accounting.red-flags.disabled names unknown rules [cash-limit,"
                + " round-amounts]; rule ids are [cash-payment-over-limit,");
  }

  @Test
  void refusesASeverityForARuleItDoesNotKnow() {
    assertThat(refusal("severities.ROUND_AMOUNT", "HIGH"))
        .hasMessageStartingWith(
            "govchain.accounting.red-flags.severities names unknown rules [ROUND_AMOUNT]");
  }

  @Test
  void refusesMissingThresholdsWhenBuiltInCode() {
    assertThat(
            catchThrowable(
                () ->
                    new RedFlagSettings(
                        null,
                        BigDecimal.TEN,
                        30,
                        BigDecimal.TEN,
                        BigDecimal.TEN,
                        BigDecimal.TEN,
                        null,
                        null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("govchain.accounting.red-flags.cash-settlement-threshold");
  }

  @Test
  void readsMissingOverridesAsNone() {
    RedFlagSettings settings =
        new RedFlagSettings(
            BigDecimal.TEN,
            BigDecimal.TEN,
            30,
            BigDecimal.TEN,
            BigDecimal.TEN,
            BigDecimal.TEN,
            null,
            null);

    assertThat(settings.severities()).isEmpty();
    assertThat(settings.disabled()).isEmpty();
    assertThat(settings.cashSettlementThreshold()).isEqualTo(new BigDecimal("10.00"));
  }

  @Test
  void keepsItsOwnCopiesOfTheOverrides() {
    Set<String> disabled = new HashSet<>(Set.of("round-amount"));
    RedFlagSettings settings =
        new RedFlagSettings(
            BigDecimal.TEN,
            BigDecimal.TEN,
            30,
            BigDecimal.TEN,
            BigDecimal.TEN,
            BigDecimal.TEN,
            Map.of(),
            disabled);

    disabled.clear();

    assertThat(settings.disabled()).containsOnly("round-amount");
  }

  /** The settings' own refusal inside the bind failure: what the application stops with. */
  private static Throwable refusal(String name, String value) {
    Throwable thrown = catchThrowable(() -> settings(name, value));
    assertThat(thrown).isInstanceOf(BindException.class);
    Throwable cause = thrown;
    while (cause != null && !(cause instanceof IllegalArgumentException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("an IllegalArgumentException in %s", thrown).isNotNull();
    return cause;
  }
}
