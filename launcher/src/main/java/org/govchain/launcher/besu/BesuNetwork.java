package org.govchain.launcher.besu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A new Besu QBFT network: fresh validator keys, the genesis file naming them, and the static-nodes
 * list that lets them find each other. Made in memory; {@link NetworkDirectory} writes it.
 */
public final class BesuNetwork {

  /** Besu's default P2P port, which the compose files and the Kubernetes manifests use. */
  public static final int P2P_PORT = 30303;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BesuNetworkSpec spec;
  private final List<ValidatorKey> validators;
  private final ObjectNode genesis;

  private BesuNetwork(BesuNetworkSpec spec, List<ValidatorKey> validators) {
    this.spec = spec;
    this.validators = List.copyOf(validators);
    List<String> sorted =
        validators.stream().map(ValidatorKey::address).sorted(Comparator.naturalOrder()).toList();
    this.genesis = BesuGenesis.of(JSON, spec, sorted);
  }

  /** A network of {@code spec.validators()} validators with keys from {@code random}. */
  public static BesuNetwork generate(BesuNetworkSpec spec, SecureRandom random) {
    List<ValidatorKey> keys = new ArrayList<>(spec.validators());
    for (int i = 0; i < spec.validators(); i++) {
      keys.add(ValidatorKey.generate(random));
    }
    return new BesuNetwork(spec, keys);
  }

  public BesuNetworkSpec spec() {
    return spec;
  }

  /** The validators, validator {@code i} at index {@code i} (not sorted). */
  List<ValidatorKey> validators() {
    return validators;
  }

  /** Validator {@code index}'s address. */
  public String address(int index) {
    return validators.get(index).address();
  }

  /** Validator {@code index}'s enode URL: {@code enode://<node id>@<host>:30303}. */
  public String enode(int index) {
    return "enode://" + validators.get(index).nodeId() + "@" + spec.host(index) + ":" + P2P_PORT;
  }

  /** {@code genesis.json}, pretty-printed. */
  public String genesisJson() {
    return pretty(genesis);
  }

  /**
   * {@code static-nodes.json}: every validator's enode URL, a single validator's too (RPC nodes
   * find it there; a node skips its own entry).
   */
  public String staticNodesJson() {
    ArrayNode nodes = JSON.createArrayNode();
    for (int i = 0; i < validators.size(); i++) {
      nodes.add(enode(i));
    }
    return pretty(nodes);
  }

  private static String pretty(Object value) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
