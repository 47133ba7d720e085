package org.govchain.accounting.redflags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.govchain.accounting.redflags.RedFlagRule.REVERSAL_OF_CLOSED_PERIOD;
import static org.govchain.accounting.redflags.VoucherFixture.flag;
import static org.govchain.accounting.redflags.VoucherFixture.payment;

import org.govchain.accounting.vouchers.Period;
import org.junit.jupiter.api.Test;

class ReversalOfClosedPeriodTest {

  @Test
  void tripsOnARedReversalOfAVoucherInAClosedPeriod() {
    VoucherFacts reversal =
        payment("1002", "-800.00").reversing(Period.of(2025, 1), 12, true).build();

    Flag flag = flag(REVERSAL_OF_CLOSED_PERIOD, reversal).orElseThrow();

    assertThat(flag.explanation())
        .isEqualTo("red reversal in period 2025-03 of voucher 2025-01 #12 in a closed period");
    assertThat(flag.numbers())
        .containsExactly(
            entry("period", "2025-03"),
            entry("originalPeriod", "2025-01"),
            entry("originalNumber", 12));
    assertThat(flag.severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void saysAVoucherWhenTheOriginalIsNotKnown() {
    VoucherFacts reversal = payment("1002", "-800.00").reversing(null, null, true).build();

    Flag flag = flag(REVERSAL_OF_CLOSED_PERIOD, reversal).orElseThrow();

    assertThat(flag.explanation())
        .isEqualTo("red reversal in period 2025-03 of a voucher in a closed period");
    assertThat(flag.numbers()).containsExactly(entry("period", "2025-03"));
  }

  @Test
  void namesTheOriginalsPeriodWithoutItsNumber() {
    VoucherFacts reversal =
        payment("1002", "-800.00").reversing(Period.of(2024, 12), null, true).build();

    assertThat(flag(REVERSAL_OF_CLOSED_PERIOD, reversal).orElseThrow().explanation())
        .isEqualTo("red reversal in period 2025-03 of voucher 2024-12 in a closed period");
  }

  @Test
  void doesNotTripOnAReversalWithinAnOpenPeriod() {
    VoucherFacts reversal =
        payment("1002", "-800.00").reversing(Period.of(2025, 3), 2, false).build();

    assertThat(flag(REVERSAL_OF_CLOSED_PERIOD, reversal)).isEmpty();
  }
}
