package org.govchain.launcher.besu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BesuNetworkSpecTest {

  private static final String TEMPLATE = BesuNetworkSpec.DEFAULT_HOST_TEMPLATE;

  @Test
  void acceptsOneToSixteenValidators() {
    assertThat(new BesuNetworkSpec(1, 1337, 2, List.of(), TEMPLATE).validators()).isEqualTo(1);
    assertThat(new BesuNetworkSpec(16, 1337, 2, List.of(), TEMPLATE).validators()).isEqualTo(16);
    assertThatThrownBy(() -> new BesuNetworkSpec(0, 1337, 2, List.of(), TEMPLATE))
        .hasMessageContaining("1 to 16, not 0");
    assertThatThrownBy(() -> new BesuNetworkSpec(17, 1337, 2, List.of(), TEMPLATE))
        .hasMessageContaining("1 to 16, not 17");
  }

  @Test
  void refusesANonPositiveChainIdOrBlockPeriod() {
    assertThatThrownBy(() -> new BesuNetworkSpec(1, 0, 2, List.of(), TEMPLATE))
        .hasMessageContaining("chain id must be positive, not 0");
    assertThatThrownBy(() -> new BesuNetworkSpec(1, 1337, 0, List.of(), TEMPLATE))
        .hasMessageContaining("at least 1 second, not 0");
  }

  @Test
  void keepsFundedAddressesLowerCaseInOrderWithoutDuplicates() {
    BesuNetworkSpec spec =
        new BesuNetworkSpec(
            1,
            1337,
            2,
            List.of(
                "0x5B38Da6a701c568545dCfcB03FcB875f56beddC4",
                " 0xab8483f64d9c6d1ecf9b849ae677dd3315835cb2",
                "0x5b38da6a701c568545dcfcb03fcb875f56beddc4"),
            TEMPLATE);

    assertThat(spec.fundedAddresses())
        .containsExactly(
            "0x5b38da6a701c568545dcfcb03fcb875f56beddc4",
            "0xab8483f64d9c6d1ecf9b849ae677dd3315835cb2");
  }

  @Test
  void refusesAMixedCaseAddressWithAWrongChecksum() {
    assertThatThrownBy(
            () ->
                new BesuNetworkSpec(
                    1, 1337, 2, List.of("0x5B38Da6a701c568545dCfcB03FcB875f56beddc4"), TEMPLATE))
        .hasMessageContaining("wrong EIP-55 checksum")
        .hasMessageContaining("0x5B38Da6a701c568545dCfcB03FcB875f56beddC4");
  }

  @Test
  void refusesSomethingThatIsNotAnAddress() {
    assertThatThrownBy(() -> new BesuNetworkSpec(1, 1337, 2, List.of("0xabc"), TEMPLATE))
        .hasMessageContaining("not an address")
        .hasMessageContaining("0xabc");
  }

  @Test
  void needsTheIndexInTheHostTemplateForMoreThanOneValidator() {
    assertThat(new BesuNetworkSpec(1, 1337, 2, List.of(), "chain.internal").host(0))
        .isEqualTo("chain.internal");
    assertThatThrownBy(() -> new BesuNetworkSpec(2, 1337, 2, List.of(), "chain.internal"))
        .hasMessageContaining("has no {i}");
    assertThatThrownBy(() -> new BesuNetworkSpec(1, 1337, 2, List.of(), "besu validator {i}"))
        .hasMessageContaining("does not make a host name");
  }

  @Test
  void putsTheIndexIntoTheHostName() {
    BesuNetworkSpec spec =
        new BesuNetworkSpec(
            4, 1337, 2, List.of(), "besu-validator-{i}.besu-validator.govchain.svc.cluster.local");

    assertThat(spec.host(3))
        .isEqualTo("besu-validator-3.besu-validator.govchain.svc.cluster.local");
  }
}
