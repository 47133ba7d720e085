package org.govchain.anchor.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every RFC 6962 / RFC 9162 proof vector of transparency-dev/merkle ({@code testdata/} at
 * commit 417fb0c, Apache-2.0, copied unchanged to {@code src/test/resources/vectors/rfc6962}):
 * valid proofs must verify, every corrupted one must fail with a {@link ProofException}.
 */
class GoldenVectorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> inclusionVectors() throws IOException, URISyntaxException {
    return vectors("inclusion");
  }

  static Stream<Path> consistencyVectors() throws IOException, URISyntaxException {
    return vectors("consistency");
  }

  @Test
  void findsAllVectorFiles() throws IOException, URISyntaxException {
    assertThat(inclusionVectors().count()).isEqualTo(98);
    assertThat(consistencyVectors().count()).isEqualTo(98);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inclusionVectors")
  void inclusionVectorVerifiesExactlyWhenValid(Path file) throws IOException {
    JsonNode v = JSON.readTree(file.toFile());
    byte[] leafHash = b64(v.get("leafHash"));
    long index = uint64(v.get("leafIdx"));
    long size = uint64(v.get("treeSize"));
    List<byte[]> proof = hashes(v.get("proof"));
    byte[] root = b64(v.get("root"));

    if (v.get("wantErr").asBoolean()) {
      assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(leafHash, index, size, proof, root))
          .as(v.get("desc").asText())
          .isInstanceOf(ProofException.class);
    } else {
      assertThatCode(() -> MerkleVerifier.verifyInclusion(leafHash, index, size, proof, root))
          .doesNotThrowAnyException();
      assertThat(MerkleVerifier.rootFromInclusionProof(leafHash, index, size, proof))
          .isEqualTo(root);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("consistencyVectors")
  void consistencyVectorVerifiesExactlyWhenValid(Path file) throws IOException {
    JsonNode v = JSON.readTree(file.toFile());
    long size1 = uint64(v.get("size1"));
    long size2 = uint64(v.get("size2"));
    byte[] root1 = b64(v.get("root1"));
    byte[] root2 = b64(v.get("root2"));
    List<byte[]> proof = hashes(v.get("proof"));

    if (v.get("wantErr").asBoolean()) {
      assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(size1, size2, root1, root2, proof))
          .as(v.get("desc").asText())
          .isInstanceOf(ProofException.class);
    } else {
      assertThatCode(() -> MerkleVerifier.verifyConsistency(size1, size2, root1, root2, proof))
          .doesNotThrowAnyException();
    }
  }

  private static Stream<Path> vectors(String kind) throws IOException, URISyntaxException {
    Path dir = Path.of(GoldenVectorsTest.class.getResource("/vectors/rfc6962/" + kind).toURI());
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
    }
    return files.stream();
  }

  /** Go's uint64 as Java's long with the same bits: 2^64 - 1 becomes -1, which must be refused. */
  private static long uint64(JsonNode number) {
    return new BigInteger(number.asText()).longValue();
  }

  private static byte[] b64(JsonNode text) {
    return text == null || text.isNull() ? null : Base64.getDecoder().decode(text.asText());
  }

  /** Go marshals a nil slice as null: that is an empty proof. */
  private static List<byte[]> hashes(JsonNode array) {
    List<byte[]> list = new ArrayList<>();
    if (array != null && !array.isNull()) {
      array.forEach(h -> list.add(b64(h)));
    }
    return list;
  }
}
