package org.govchain.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.anchor.chain.AnchorRegistryClient.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.govchain.anchor.bundle.Anchor;
import org.govchain.anchor.bundle.ProofBundle;
import org.govchain.anchor.bundle.ProofBundleJson;
import org.govchain.anchor.chain.AnchorReceipt;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.LogId;
import org.govchain.anchor.checkpoint.Checkpoint;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.anchor.merkle.MemoryTree;
import org.govchain.anchor.merkle.MerkleHasher;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.WithDevChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/** Runs the packaged {@code govchain-verify.jar} as an auditor would, in its own JVM. */
@WithDevChain
class GovchainVerifyJarIT {

  private static final Path JAR = Path.of("target", "govchain-verify.jar");
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir Path dir;

  @Test
  void withoutACommandPrintsUsageAndExitsTwo() throws Exception {
    Run run = run("");
    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).contains("Usage: govchain-verify").contains("verify-inclusion");
    assertThat(run("", "--help").exit).isZero();
  }

  @Test
  void canonicalizeWritesRfc8785Bytes() throws Exception {
    Run run = run("{\"b\": 1.50, \"a\": [1e21, \"\\u00e9\"], \"c\": -0}", "canonicalize");
    assertThat(run.exit).isZero();
    assertThat(run.out).isEqualTo("{\"a\":[1e+21,\"é\"],\"b\":1.5,\"c\":0}");
    assertThat(run("{\"a\":1,\"a\":2}", "canonicalize").exit).isEqualTo(2);
    assertThat(run("not json", "canonicalize").exit).isEqualTo(2);
  }

  @Test
  void leafHashOfTheEmptyLeafIsTheRfcValue() throws Exception {
    Run run = run("", "leaf-hash");
    assertThat(run.exit).isZero();
    // SHA-256(0x00): the leaf hash of the empty leaf in Certificate Transparency's test tree.
    assertThat(run.out.strip())
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  }

  @Test
  void treeCommandsComputeAndVerifyProofsOfTheCtTestTree() throws Exception {
    // The eight leaves of Certificate Transparency's reference tree (RFC 6962 test data).
    Path leaves =
        write(
            "leaves.txt",
            "\n00\n10\n2021\n3031\n40414243\n5051525354555657\n606162636465666768696a6b6c6d6e6f\n");
    String root8 = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";
    assertThat(run("", "tree", "root", "--leaves", leaves.toString()).out.strip()).isEqualTo(root8);

    Run inclusion = run("", "tree", "inclusion", "--leaves", leaves.toString(), "--index", "5");
    assertThat(inclusion.exit).isZero();
    assertThat(inclusion.out.lines()).hasSize(3);
    Path proof = write("inclusion.txt", inclusion.out);
    String leaf5 = leafHash("40414243");
    Run ok =
        run(
            "",
            "verify-inclusion",
            "--leaf-hash",
            leaf5,
            "--index",
            "5",
            "--size",
            "8",
            "--root",
            root8,
            "--proof",
            proof.toString());
    assertThat(ok.exit).isZero();
    assertThat(ok.out).startsWith("VALID");
    Run wrongIndex =
        run(
            "",
            "verify-inclusion",
            "--leaf-hash",
            leaf5,
            "--index",
            "4",
            "--size",
            "8",
            "--root",
            root8,
            "--proof",
            proof.toString());
    assertThat(wrongIndex.exit).isEqualTo(1);
    assertThat(wrongIndex.out).startsWith("INVALID");

    String root3 =
        run("", "tree", "root", "--leaves", leaves.toString(), "--size", "3").out.strip();
    Run consistency =
        run("", "tree", "consistency", "--leaves", leaves.toString(), "--from", "3", "--to", "8");
    Path cproof = write("consistency.txt", consistency.out);
    assertThat(
            run(
                    "",
                    "verify-consistency",
                    "--from",
                    "3",
                    "--to",
                    "8",
                    "--old-root",
                    root3,
                    "--new-root",
                    root8,
                    "--proof",
                    cproof.toString())
                .exit)
        .isZero();
    assertThat(
            run(
                    "",
                    "verify-consistency",
                    "--from",
                    "3",
                    "--to",
                    "8",
                    "--old-root",
                    root8,
                    "--new-root",
                    root8,
                    "--proof",
                    cproof.toString())
                .exit)
        .isEqualTo(1);
  }

  @Test
  void badInputExitsTwoWithAMessage() throws Exception {
    Path leaves = write("bad.txt", "00\nzz\n");
    Run run = run("", "tree", "root", "--leaves", leaves.toString());
    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).contains("line 2").contains("not hex");
    Run missing = run("", "tree", "root", "--leaves", dir.resolve("absent.txt").toString());
    assertThat(missing.exit).isEqualTo(2);
    Run shortHash =
        run(
            "",
            "verify-inclusion",
            "--leaf-hash",
            "abcd",
            "--index",
            "0",
            "--size",
            "1",
            "--root",
            "00".repeat(32),
            "--proof",
            leaves.toString());
    assertThat(shortHash.exit).isEqualTo(2);
    Run beyond =
        run(
            "",
            "tree",
            "inclusion",
            "--leaves",
            write("two.txt", "00\n01\n").toString(),
            "--index",
            "2");
    assertThat(beyond.exit).isEqualTo(2);
  }

  @Test
  void verifyChecksABundleAgainstTheChain(DevChain chain) throws Exception {
    String origin = "cli-" + UUID.randomUUID() + ".govchain.example";
    NoteSigner logKey = NoteSigner.generate(origin);
    AnchorRegistryClient owner =
        await(
            AnchorRegistryClient.deploy(chain.web3j(), chain.newFundedAccount(), chain.chainId()));
    Credentials key = chain.newFundedAccount();
    await(owner.registerSubmitter(LogId.of(origin), key.getAddress()));
    AnchorRegistryClient submitter =
        AnchorRegistryClient.connect(chain.web3j(), owner.address(), chain.chainId(), key);
    List<byte[]> leaves = new ArrayList<>();
    MemoryTree tree = new MemoryTree();
    for (int i = 0; i < 6; i++) {
      byte[] leaf =
          EventEnvelope.create(
                  origin, "cli.tested", "record-" + i, 1, Instant.now(), Map.of("n", i), RANDOM)
              .toCanonicalBytes();
      leaves.add(leaf);
      tree.append(MerkleHasher.leafHash(leaf));
    }
    AnchorReceipt receipt = await(submitter.anchor(LogId.of(origin), 6, tree.root()));
    ProofBundle bundle =
        new ProofBundle(
            origin,
            4,
            leaves.get(4),
            6,
            tree.root(),
            tree.inclusionProof(4, 6),
            new Anchor(
                chain.chainId(),
                owner.address(),
                LogId.of(origin),
                HexFormat.of().parseHex(receipt.transactionHash().substring(2)),
                receipt.blockNumber(),
                receipt.blockTime()),
            new Checkpoint(origin, 6, tree.root()).sign(logKey).noteText());
    Path file = dir.resolve("bundle.json");
    Files.write(file, ProofBundleJson.write(bundle));

    Run valid =
        run(
            "",
            "verify",
            file.toString(),
            "--rpc",
            chain.rpcUrl(),
            "--log-key",
            logKey.verifierKey());
    assertThat(valid.exit).as(valid.out + valid.err).isZero();
    assertThat(valid.out).startsWith("VALID").contains("confirmations");

    Run deep = run("", "verify", file.toString(), "--rpc", chain.rpcUrl(), "--confirmations", "50");
    assertThat(deep.exit).isEqualTo(1);
    assertThat(deep.out).startsWith("UNCONFIRMED");

    String json = Files.readString(file);
    String other = HexFormat.of().formatHex(tree.root(5));
    Path tampered =
        write("tampered.json", json.replace(HexFormat.of().formatHex(tree.root()), other));
    Run forged = run("", "verify", tampered.toString(), "--rpc", chain.rpcUrl());
    assertThat(forged.exit).isEqualTo(1);
    assertThat(forged.out).startsWith("TAMPERED");

    Path malformed =
        write("malformed.json", json.replace("govchain.proof/v1", "govchain.proof/v0"));
    Run bad = run("", "verify", malformed.toString(), "--rpc", chain.rpcUrl());
    assertThat(bad.exit).isEqualTo(2);
    assertThat(bad.err).contains("format");

    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Run down = run("", "verify", file.toString(), "--rpc", "http://127.0.0.1:" + closed);
    assertThat(down.exit).isEqualTo(1);
    assertThat(down.out).startsWith("CHAIN_UNAVAILABLE");
  }

  private static String leafHash(String hex) {
    return HexFormat.of().formatHex(MerkleHasher.leafHash(HexFormat.of().parseHex(hex)));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private record Run(int exit, String out, String err) {}

  private Run run(String stdin, String... args) throws Exception {
    assertThat(JAR).as("run `./mvnw package` first").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("stdout").toFile())
            .redirectError(dir.resolve("stderr").toFile())
            .start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("govchain-verify finished").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("stdout")),
        Files.readString(dir.resolve("stderr")));
  }
}
