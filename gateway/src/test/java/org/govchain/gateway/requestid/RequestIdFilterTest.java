package org.govchain.gateway.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdFilterTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "req-1.2_3",
        "0123456789012345678901234567890123456789012345678901234567890123"
      })
  void passesWellFormedIdsThrough(String id) {
    assertThat(RequestIdFilter.isWellFormed(id)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "with space",
        "new\nline",
        "semi;colon",
        "01234567890123456789012345678901234567890123456789012345678901234",
        "ünïcode"
      })
  void replacesMalformedIds(String id) {
    assertThat(RequestIdFilter.isWellFormed(id)).isFalse();
  }
}
