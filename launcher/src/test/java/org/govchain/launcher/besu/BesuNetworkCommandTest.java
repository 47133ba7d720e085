package org.govchain.launcher.besu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BesuNetworkCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final StringWriter errors = new StringWriter();

  @Test
  void writesANetworkAndPrintsAddressesAndEnodesButNoKey() throws Exception {
    Path dir = tmp.resolve("net");

    int code =
        run(
            "--validators", "4",
            "--chain-id", "2024",
            "--out", dir.toString(),
            "--fund",
                "0x5b38da6a701c568545dcfcb03fcb875f56beddc4,0xab8483f64d9c6d1ecf9b849ae677dd3315835cb2",
            "--host-template", "besu-validator-{i}.besu-validator.govchain.svc.cluster.local",
            "--block-period", "3");

    assertThat(code).isZero();
    JsonNode genesis = JSON.readTree(dir.resolve("genesis.json").toFile());
    assertThat(genesis.get("config").get("chainId").asLong()).isEqualTo(2024);
    assertThat(genesis.get("config").get("qbft").get("blockperiodseconds").asInt()).isEqualTo(3);
    assertThat(genesis.get("alloc").has("ab8483f64d9c6d1ecf9b849ae677dd3315835cb2")).isTrue();
    assertThat(JSON.readTree(dir.resolve("static-nodes.json").toFile())).hasSize(4);
    String printed = printed();
    for (int i = 0; i < 4; i++) {
      Path validator = dir.resolve("validator-" + i);
      assertThat(printed)
          .contains(Files.readString(validator.resolve("address")))
          .contains("@besu-validator-" + i + ".besu-validator.govchain.svc.cluster.local:30303")
          .doesNotContain(Files.readString(validator.resolve("key")).substring(2));
    }
  }

  @Test
  void refusesToOverwriteAnExistingNetworkUnlessForced() throws Exception {
    Path dir = tmp.resolve("net");
    assertThat(run("--out", dir.toString())).isZero();
    String key = Files.readString(dir.resolve("validator-0/key"));

    assertThat(run("--out", dir.toString())).isEqualTo(1);
    assertThat(printed()).contains("already holds a Besu network").contains("identity");
    assertThat(Files.readString(dir.resolve("validator-0/key"))).isEqualTo(key);

    assertThat(run("--out", dir.toString(), "--force")).isZero();
    assertThat(Files.readString(dir.resolve("validator-0/key"))).isNotEqualTo(key);
  }

  @Test
  void badArgumentsExitWithTwoAndWriteNothing() {
    Path dir = tmp.resolve("net");

    assertThat(run("--out", dir.toString(), "--validators", "17")).isEqualTo(2);
    assertThat(printed()).contains("1 to 16, not 17");
    assertThat(run("--out", dir.toString(), "--fund", "0x1234")).isEqualTo(2);
    assertThat(run("--out", dir.toString(), "--validators", "2", "--host-template", "node"))
        .isEqualTo(2);
    assertThat(run("--validators", "1")).isEqualTo(2);
    assertThat(errors.toString()).contains("--out");
    assertThat(dir).doesNotExist();
  }

  @Test
  void helpNamesEveryOption() {
    StringWriter help = new StringWriter();
    int code =
        new CommandLine(new BesuNetworkCommand())
            .setOut(new PrintWriter(help, true))
            .execute("--help");

    assertThat(code).isZero();
    assertThat(help.toString())
        .contains("--validators", "--chain-id", "--out", "--fund", "--host-template")
        .contains("--block-period", "--force", "identity");
  }

  private int run(String... args) {
    PrintStream console = new PrintStream(output, true, StandardCharsets.UTF_8);
    return new CommandLine(new BesuNetworkCommand(console, new SecureRandom()))
        .setErr(new PrintWriter(errors, true))
        .execute(args);
  }

  private String printed() {
    return output.toString(StandardCharsets.UTF_8);
  }
}
