package org.govchain.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.govchain.testsupport.NodeProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Recompiles AnchorRegistry.sol with the pinned solc and compares with the checked-in output. */
class CompiledArtifactsTest {

  private static final Path CONTRACTS = NodeProject.root().resolve("contracts");
  private static final Path FRESH = Path.of("target", "fresh-compile").toAbsolutePath();

  @BeforeAll
  static void compileFresh() throws IOException {
    NodeProject.ensureInstalled(CONTRACTS);
    Path log = NodeProject.logDirectory().resolve("solc-compile.log");
    Files.deleteIfExists(log);
    int exit =
        NodeProject.run(
            CONTRACTS,
            log,
            Duration.ofMinutes(2),
            NodeProject.nodeCommand(),
            "compile.js",
            "--out",
            FRESH.toString());
    assertThat(exit).as("node compile.js exit code; log:%n%s", NodeProject.tail(log, 30)).isZero();
  }

  @Test
  void checkedInAbiMatchesAFreshCompile() throws IOException {
    assertSameAsCheckedIn("AnchorRegistry.abi");
  }

  @Test
  void checkedInBytecodeMatchesAFreshCompile() throws IOException {
    assertSameAsCheckedIn("AnchorRegistry.bin");
  }

  @Test
  void bytecodeAvoidsOpcodesNewerThanParis() throws IOException {
    String bin = read(CONTRACTS.resolve("compiled/AnchorRegistry.bin")).trim();

    assertThat(bin).matches("[0-9a-f]+").doesNotStartWith("0x");
    assertThat(opcodes(bin)).doesNotContain(0x5f); // PUSH0 (Shanghai)
  }

  @Test
  void packagedResourcesAreTheCheckedInFiles() throws IOException {
    try (var in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("org/govchain/contracts/AnchorRegistry.bin")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(read(CONTRACTS.resolve("compiled/AnchorRegistry.bin")));
    }
  }

  private static void assertSameAsCheckedIn(String name) throws IOException {
    assertThat(read(FRESH.resolve(name)))
        .as("compiled/%s is out of date: run `node compile.js` in contracts/", name)
        .isEqualTo(read(CONTRACTS.resolve("compiled").resolve(name)));
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** The opcodes of the code section, skipping PUSH data and stopping at the metadata. */
  private static java.util.List<Integer> opcodes(String hex) {
    byte[] code = new byte[hex.length() / 2];
    for (int i = 0; i < code.length; i++) {
      code[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    // The last two bytes give the length of the CBOR metadata, which is data, not code.
    int metadataLength = ((code[code.length - 2] & 0xff) << 8) | (code[code.length - 1] & 0xff);
    int end = code.length - 2 - metadataLength;
    java.util.List<Integer> ops = new java.util.ArrayList<>();
    for (int pc = 0; pc < end; pc++) {
      int op = code[pc] & 0xff;
      ops.add(op);
      if (op >= 0x60 && op <= 0x7f) {
        pc += op - 0x5f;
      }
    }
    return ops;
  }
}
