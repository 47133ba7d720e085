package org.govchain.accounting.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountCodeTest {

  @ParameterizedTest
  @CsvSource({
    "1002,       1, '',         1002",
    "1002.01,    2, 1002,       1002",
    "1002.01.03, 3, 1002.01,    1002",
    "7201.99.10.01, 4, 7201.99.10, 7201",
  })
  void knowsLevelParentAndFirstLevel(String code, int level, String parent, String firstLevel) {
    assertThat(AccountCode.isWellFormed(code)).isTrue();
    assertThat(AccountCode.level(code)).isEqualTo(level);
    assertThat(AccountCode.parent(code).orElse("")).isEqualTo(parent);
    assertThat(AccountCode.firstLevel(code)).isEqualTo(firstLevel);
    assertThat(AccountCode.isFirstLevel(code)).isEqualTo(level == 1);
    assertThat(AccountCode.isSubAccount(code)).isEqualTo(level > 1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "100",
        "10021",
        "1002.",
        "1002.1",
        "1002.001",
        "1002.00",
        "1002.01.00",
        "1002-01",
        "1002.01.02.03.04",
        "a002",
        "1002.0a",
        " 1002",
        "１００２"
      })
  void refusesMalformedCodes(String code) {
    assertThat(AccountCode.isWellFormed(code)).isFalse();
    assertThatThrownBy(() -> AccountCode.level(code)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullIsNotACode() {
    assertThat(AccountCode.isWellFormed(null)).isFalse();
    assertThat(AccountCode.isSubAccount(null)).isFalse();
  }

  @Test
  void allowsThreeLevelsBelowTheFirst() {
    assertThat(AccountCode.MAX_LEVEL).isEqualTo(4);
    assertThat(AccountCode.isSubAccount("1002.01.01.01")).isTrue();
    assertThat(AccountCode.isSubAccount("1002.01.01.01.01")).isFalse();
  }
}
