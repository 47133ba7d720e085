package org.govchain.launcher.besu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BesuStaticNodesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void listsEveryValidatorByItsPublicKeyAndKubernetesHostName() throws Exception {
    BesuNetwork network =
        BesuNetwork.generate(
            new BesuNetworkSpec(
                4,
                1337,
                2,
                List.of(),
                "besu-validator-{i}.besu-validator.govchain.svc.cluster.local"),
            new SecureRandom());

    List<String> enodes = enodes(network);

    assertThat(enodes).hasSize(4);
    for (int i = 0; i < 4; i++) {
      ValidatorKey key = network.validators().get(i);
      assertThat(enodes.get(i))
          .isEqualTo(
              "enode://"
                  + key.nodeId()
                  + "@besu-validator-"
                  + i
                  + ".besu-validator.govchain.svc.cluster.local:30303")
          .matches("enode://[0-9a-f]{128}@[a-z0-9.-]+:30303");
    }
  }

  @Test
  void usesComposeServiceNamesByDefault() throws Exception {
    BesuNetwork network =
        BesuNetwork.generate(
            new BesuNetworkSpec(2, 1337, 2, List.of(), BesuNetworkSpec.DEFAULT_HOST_TEMPLATE),
            new SecureRandom());

    assertThat(enodes(network))
        .satisfiesExactly(
            first -> assertThat(first).endsWith("@besu-validator-0:30303"),
            second -> assertThat(second).endsWith("@besu-validator-1:30303"));
  }

  /** RPC nodes find a lone validator through the same list. */
  @Test
  void aSingleValidatorIsListedToo() throws Exception {
    BesuNetwork network =
        BesuNetwork.generate(
            new BesuNetworkSpec(1, 1337, 2, List.of(), "chain.internal"), new SecureRandom());

    assertThat(enodes(network))
        .containsExactly(
            "enode://" + network.validators().get(0).nodeId() + "@chain.internal:30303");
  }

  private static List<String> enodes(BesuNetwork network) throws Exception {
    List<String> enodes = new ArrayList<>();
    for (JsonNode node : JSON.readTree(network.staticNodesJson())) {
      enodes.add(node.asText());
    }
    return enodes;
  }
}
