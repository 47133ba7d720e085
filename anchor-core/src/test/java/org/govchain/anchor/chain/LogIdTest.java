package org.govchain.anchor.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

class LogIdTest {

  @Test
  void logIdIsKeccak256OfTheUtf8Origin() {
    // Keccak-256("abc"), the published test vector of the original Keccak submission.
    assertThat(Numeric.toHexString(LogId.of("abc")))
        .isEqualTo("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  }

  @Test
  void differentOriginsGiveDifferent32ByteIds() {
    byte[] seal = LogId.of("seal.govchain.example");
    byte[] ssc = LogId.of("ssc.govchain.example");

    assertThat(seal).hasSize(32);
    assertThat(seal).isNotEqualTo(ssc);
  }

  @Test
  void rejectsBlankOrigin() {
    assertThatThrownBy(() -> LogId.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
