package org.govchain.ssc.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.govchain.anchor.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

class CardNumberTest {

  @Test
  void numbersRoundTripAndTheFirstOfSeriesXIsX00000014() {
    assertThat(CardNumber.of('X', 1).value()).isEqualTo("X00000014");
    Random random = new Random(7);
    for (int i = 0; i < 5_000; i++) {
      char series = (char) ('A' + random.nextInt(26));
      long serial = 1 + random.nextInt(9_999_999);
      CardNumber number = CardNumber.of(series, serial);
      assertThat(number.value()).hasSize(9).startsWith(String.valueOf(series));
      CardNumber parsed = CardNumber.parse(number.value().toLowerCase());
      assertThat(parsed).isEqualTo(number);
      assertThat(parsed.series()).isEqualTo(series);
      assertThat(parsed.serial()).isEqualTo(serial);
    }
  }

  @Test
  void everySingleWrongDigitIsCaughtAndMostAdjacentSwapsAre() {
    Random random = new Random(11);
    int swaps = 0;
    int caught = 0;
    for (int i = 0; i < 2_000; i++) {
      String valid =
          CardNumber.of((char) ('A' + random.nextInt(26)), 1 + random.nextInt(9_999_999)).value();
      for (int position = 1; position < 9; position++) {
        for (char d = '0'; d <= '9'; d++) {
          if (d != valid.charAt(position)) {
            String wrong = valid.substring(0, position) + d + valid.substring(position + 1);
            assertThatThrownBy(() -> CardNumber.parse(wrong))
                .as(wrong)
                .isInstanceOf(ProblemException.class);
          }
        }
      }
      for (int position = 1; position < 8; position++) {
        if (valid.charAt(position) == valid.charAt(position + 1)) {
          continue;
        }
        String swapped =
            valid.substring(0, position)
                + valid.charAt(position + 1)
                + valid.charAt(position)
                + valid.substring(position + 2);
        swaps++;
        try {
          CardNumber.parse(swapped);
        } catch (ProblemException e) {
          caught++;
        }
      }
    }
    // ISO 7064 MOD 11-10 does not catch every adjacent swap; the README says "about 98%"
    assertThat((double) caught / swaps).isGreaterThan(0.97);
  }

  @Test
  void badFormatsAreInvalidCardNumbers() {
    for (String bad :
        List.of("", "X0000001", "X000000141", "100000014", "XA0000014", "X00000015")) {
      assertThatThrownBy(() -> CardNumber.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.kind().kind()).isEqualTo("invalid-card-number"));
    }
    assertThatThrownBy(() -> CardNumber.of('1', 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CardNumber.of('X', 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CardNumber.of('X', 10_000_000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
