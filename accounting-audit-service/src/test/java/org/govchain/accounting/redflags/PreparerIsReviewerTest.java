package org.govchain.accounting.redflags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.accounting.redflags.RedFlagRule.PREPARER_IS_REVIEWER;
import static org.govchain.accounting.redflags.VoucherFixture.flag;
import static org.govchain.accounting.redflags.VoucherFixture.voucher;

import org.govchain.accounting.vouchers.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreparerIsReviewerTest {

  @Test
  void tripsWhenOnePersonPreparedAndReviewedWithoutNamingThem() {
    Flag flag =
        flag(
                PREPARER_IS_REVIEWER,
                voucher().preparedBy("wang.fang").reviewedBy("wang.fang").build())
            .orElseThrow();

    assertThat(flag.explanation())
        .isEqualTo("the voucher was prepared and reviewed by the same person");
    assertThat(flag.numbers()).isEmpty();
    assertThat(flag.toString()).doesNotContain("wang.fang");
    assertThat(flag.severity()).isEqualTo(Severity.HIGH);
  }

  @ParameterizedTest
  @CsvSource({"wang.fang, Wang.Fang", "'wang.fang ', wang.fang", "王芳, ' 王芳'"})
  void seesThroughCaseAndSurroundingSpaces(String preparer, String reviewer) {
    assertThat(
            flag(PREPARER_IS_REVIEWER, voucher().preparedBy(preparer).reviewedBy(reviewer).build()))
        .isPresent();
  }

  @Test
  void doesNotTripForTwoPeople() {
    assertThat(
            flag(
                PREPARER_IS_REVIEWER,
                voucher().preparedBy("wang.fang").reviewedBy("li.na").build()))
        .isEmpty();
  }

  @Test
  void doesNotTripWhenImportedHistoryNamesNoReviewer() {
    assertThat(flag(PREPARER_IS_REVIEWER, voucher().reviewedBy(null).build())).isEmpty();
  }

  @Test
  void tripsOnReversalsAndClosingEntriesToo() {
    VoucherFacts reversal =
        voucher()
            .preparedBy("li.na")
            .reviewedBy("li.na")
            .reversing(Period.of(2025, 2), 7, false)
            .build();
    VoucherFacts closing =
        voucher().preparedBy("li.na").reviewedBy("li.na").kind(VoucherFacts.CLOSING).build();

    assertThat(flag(PREPARER_IS_REVIEWER, reversal)).isPresent();
    assertThat(flag(PREPARER_IS_REVIEWER, closing)).isPresent();
  }
}
