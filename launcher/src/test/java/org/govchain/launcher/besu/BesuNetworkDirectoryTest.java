package org.govchain.launcher.besu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

class BesuNetworkDirectoryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void writesTheGenesisTheStaticNodesAndEachValidatorsKeys() throws Exception {
    Path dir = tmp.resolve("net");
    BesuNetwork network = network(4);

    new NetworkDirectory(dir).write(network, false);

    assertThat(Files.readString(dir.resolve("genesis.json"))).isEqualTo(network.genesisJson());
    assertThat(Files.readString(dir.resolve("static-nodes.json")))
        .isEqualTo(network.staticNodesJson());
    String extraData =
        JSON.readTree(dir.resolve("genesis.json").toFile()).get("extraData").asText();
    for (int i = 0; i < 4; i++) {
      Path validator = dir.resolve("validator-" + i);
      String key = Files.readString(validator.resolve("key"));
      String address = Files.readString(validator.resolve("address"));
      String publicKey = Files.readString(validator.resolve("key.pub"));

      // one line, no newline: what Besu's --node-private-key-file reads
      assertThat(key).matches("0x[0-9a-f]{64}");
      assertThat(Credentials.create(key).getAddress()).isEqualTo(address);
      assertThat(publicKey).matches("0x[0-9a-f]{128}");
      assertThat(network.enode(i)).startsWith("enode://" + publicKey.substring(2) + "@");
      assertThat(extraData).contains(address.substring(2));
    }
  }

  @Test
  void keysAreReadableByTheirOwnerOnly() throws Exception {
    Path dir = tmp.resolve("net");

    new NetworkDirectory(dir).write(network(1), false);

    Set<PosixFilePermission> ownerDir =
        Set.of(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE);
    assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(ownerDir);
    assertThat(Files.getPosixFilePermissions(dir.resolve("validator-0"))).isEqualTo(ownerDir);
    // the key is guarded by its directory: the file itself is bind-mounted into Besu's container
    assertThat(Files.getPosixFilePermissions(dir.resolve("validator-0/key")))
        .isEqualTo(
            Set.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ));
  }

  @Test
  void refusesToReplaceANetworkAndLeavesItsKeysAlone() throws Exception {
    Path dir = tmp.resolve("net");
    new NetworkDirectory(dir).write(network(4), false);
    String key = Files.readString(dir.resolve("validator-0/key"));
    String genesis = Files.readString(dir.resolve("genesis.json"));

    assertThatThrownBy(() -> new NetworkDirectory(dir).write(network(4), false))
        .isInstanceOfSatisfying(
            ExistingNetworkException.class,
            e -> {
              assertThat(e.directory()).isEqualTo(dir);
              assertThat(e.found())
                  .containsExactly(
                      Path.of("genesis.json"),
                      Path.of("static-nodes.json"),
                      Path.of("validator-0"),
                      Path.of("validator-1"),
                      Path.of("validator-2"),
                      Path.of("validator-3"));
              assertThat(e.getMessage()).contains("identity").contains("--force");
            });

    assertThat(Files.readString(dir.resolve("validator-0/key"))).isEqualTo(key);
    assertThat(Files.readString(dir.resolve("genesis.json"))).isEqualTo(genesis);
  }

  @Test
  void aLoneValidatorKeyIsAlreadyANetwork() throws Exception {
    Path dir = tmp.resolve("net");
    Files.createDirectories(dir.resolve("validator-0"));

    assertThatThrownBy(() -> new NetworkDirectory(dir).write(network(1), false))
        .isInstanceOf(ExistingNetworkException.class);
  }

  @Test
  void replacingRemovesTheOldValidatorsButNotOtherFiles() throws Exception {
    Path dir = tmp.resolve("net");
    new NetworkDirectory(dir).write(network(4), false);
    String oldKey = Files.readString(dir.resolve("validator-0/key"));
    Files.writeString(dir.resolve("notes.txt"), "kept");

    BesuNetwork replacement = network(1);
    new NetworkDirectory(dir).write(replacement, true);

    assertThat(Files.readString(dir.resolve("validator-0/key"))).isNotEqualTo(oldKey);
    assertThat(Files.readString(dir.resolve("validator-0/address")))
        .isEqualTo(replacement.address(0));
    assertThat(dir.resolve("validator-1")).doesNotExist();
    assertThat(dir.resolve("notes.txt")).hasContent("kept");
    assertThat(new NetworkDirectory(dir).existingNetwork())
        .containsExactly(
            Path.of("genesis.json"), Path.of("static-nodes.json"), Path.of("validator-0"));
  }

  @Test
  void writesIntoAnExistingDirectoryWithoutANetwork() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("net"));
    Files.writeString(dir.resolve("README"), "operator notes");

    new NetworkDirectory(dir).write(network(1), false);

    assertThat(dir.resolve("genesis.json")).exists();
    assertThat(dir.resolve("README")).hasContent("operator notes");
  }

  private static BesuNetwork network(int validators) {
    return BesuNetwork.generate(
        new BesuNetworkSpec(validators, 1337, 2, List.of(), "besu-validator-{i}"),
        new SecureRandom());
  }
}
