package org.govchain.bench.anchor;

import static org.govchain.anchor.chain.AnchorRegistryClient.await;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.LogId;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.NodeProject;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;

/**
 * What anchoring costs in gas (issue 15), measured on the Hardhat dev chain in one run: the gas of
 * each anchor transaction when a checkpoint covers 1, 10, 100, 1,000 and 10,000 new records — the
 * first row being "every record in its own transaction" — for the registry as deployed ({@code
 * contracts/AnchorRegistry.sol}) and, side by side, two other storage layouts of the same function
 * ({@code bench/contracts/}): every value in a slot of its own, and the root alone (block and time
 * left to the event). Then the daily gas of a city's service at the anchorer's default interval.
 * Gas is deterministic: the figures do not depend on the machine's load.
 *
 * <pre>
 * java -cp "bench/target/classes:$(cat bench/target/log-bench.classpath)" \
 *      org.govchain.bench.anchor.AnchorGasBenchmark [anchors=10]
 * </pre>
 */
public final class AnchorGasBenchmark {

  private static final long[] RECORDS_PER_CHECKPOINT = {1, 10, 100, 1_000, 10_000};
  private static final List<String> VARIANTS =
      List.of("AnchorRegistryUnpacked", "AnchorRegistryRootOnly");

  /** The anchorer's defaults ({@code AnchoringProperties}): interval 10 s, every 1,000 entries. */
  private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

  private static final long EVERY_ENTRIES = 1_000;
  private static final long RECORDS_PER_DAY = 50_000;

  private AnchorGasBenchmark() {}

  /** The gas of each anchor of one layout, by records per checkpoint; the log's first apart. */
  record Layout(String name, long deployGas, long firstAnchorGas, Map<Long, List<Long>> gas) {

    double mean(long records) {
      return gas.get(records).stream().mapToLong(Long::longValue).average().orElseThrow();
    }

    long min(long records) {
      return gas.get(records).stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    long max(long records) {
      return gas.get(records).stream().mapToLong(Long::longValue).max().orElseThrow();
    }
  }

  public static void main(String[] args) throws Exception {
    int anchors = 10;
    for (String arg : args) {
      if (arg.startsWith("anchors=")) {
        anchors = Integer.parseInt(arg.substring("anchors=".length()));
      } else {
        throw new IllegalArgumentException("unknown argument " + arg + " (anchors=N)");
      }
    }
    Path root = NodeProject.root();
    Path work = root.resolve("bench/target/anchor-gas");
    Files.createDirectories(work);
    compileVariants(root, work);
    Instant started = Instant.now();
    List<Layout> layouts = new ArrayList<>();
    try (DevChain chain = DevChain.startOrConnect()) {
      Credentials owner = chain.newFundedAccount();
      String deployedBin;
      try (var in =
          AnchorGasBenchmark.class
              .getClassLoader()
              .getResourceAsStream("org/govchain/contracts/AnchorRegistry.bin")) {
        deployedBin = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      }
      TransactionReceipt deployment = deployRaw(chain, owner, deployedBin.trim());
      AnchorRegistryClient deployed =
          AnchorRegistryClient.connect(
              chain.web3j(), deployment.getContractAddress(), chain.chainId(), owner);
      layouts.add(
          measure(
              chain,
              "AnchorRegistry (deployed)",
              deployed,
              deployment.getGasUsed().longValueExact(),
              anchors));
      for (String variant : VARIANTS) {
        String bin = Files.readString(work.resolve(variant + ".bin"), StandardCharsets.US_ASCII);
        TransactionReceipt receipt = deployRaw(chain, owner, bin.trim());
        AnchorRegistryClient client =
            AnchorRegistryClient.connect(
                chain.web3j(), receipt.getContractAddress(), chain.chainId(), owner);
        layouts.add(
            measure(chain, variant, client, receipt.getGasUsed().longValueExact(), anchors));
      }
    }
    String report = report(layouts, anchors, started);
    Files.writeString(work.resolve("report.md"), report);
    System.out.println(report);
  }

  /** The registry's anchors, {@code anchors} per row of records per checkpoint, by a new log. */
  private static Layout measure(
      DevChain chain, String name, AnchorRegistryClient owned, long deployGas, int anchors) {
    Credentials submitter = chain.newFundedAccount();
    byte[] logId = LogId.of("gas-" + name.hashCode() + ".bench.govchain.example");
    await(owned.registerSubmitter(logId, submitter.getAddress()));
    AnchorRegistryClient client =
        AnchorRegistryClient.connect(chain.web3j(), owned.address(), chain.chainId(), submitter);
    SecureRandom random = new SecureRandom();
    LongFunction<Long> anchorAt =
        size -> {
          byte[] rootHash = new byte[32];
          random.nextBytes(rootHash);
          return await(client.anchor(logId, size, rootHash)).gasUsed();
        };
    long size = 1;
    long first = anchorAt.apply(size);
    Map<Long, List<Long>> gas = new LinkedHashMap<>();
    for (long records : RECORDS_PER_CHECKPOINT) {
      List<Long> row = new ArrayList<>();
      for (int i = 0; i < anchors; i++) {
        size += records;
        row.add(anchorAt.apply(size));
      }
      gas.put(records, row);
    }
    System.out.printf(Locale.ROOT, "[anchor-gas] %s measured, log at size %d%n", name, size);
    return new Layout(name, deployGas, first, gas);
  }

  /** Deploys {@code bin} (hex, no 0x) from {@code owner} and waits for its receipt. */
  private static TransactionReceipt deployRaw(DevChain chain, Credentials owner, String bin)
      throws IOException, InterruptedException {
    Web3j web3j = chain.web3j();
    RawTransactionManager manager = new RawTransactionManager(web3j, owner, chain.chainId());
    BigInteger gasPrice = web3j.ethGasPrice().send().getGasPrice().multiply(BigInteger.TWO);
    EthSendTransaction sent =
        manager.sendTransaction(
            gasPrice, BigInteger.valueOf(3_000_000), null, "0x" + bin, BigInteger.ZERO);
    if (sent.hasError()) {
      throw new IllegalStateException("deployment refused: " + sent.getError().getMessage());
    }
    for (int i = 0; i < 600; i++) {
      Optional<TransactionReceipt> receipt =
          web3j.ethGetTransactionReceipt(sent.getTransactionHash()).send().getTransactionReceipt();
      if (receipt.isPresent()) {
        if (!receipt.get().isStatusOK() || receipt.get().getContractAddress() == null) {
          throw new IllegalStateException("deployment failed: " + receipt.get());
        }
        return receipt.get();
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no receipt for the deployment " + sent.getTransactionHash());
  }

  /** Compiles the other layouts with contracts/compile.js (the same solc and settings). */
  private static void compileVariants(Path root, Path work) {
    Path contracts = root.resolve("contracts");
    NodeProject.ensureInstalled(contracts);
    Path log = work.resolve("compile.log");
    for (String variant : VARIANTS) {
      int exit =
          NodeProject.run(
              contracts,
              log,
              Duration.ofMinutes(2),
              NodeProject.nodeCommand(),
              "compile.js",
              "--source",
              root.resolve("bench/contracts/" + variant + ".sol").toString(),
              "--out",
              work.toString());
      if (exit != 0) {
        throw new IllegalStateException("cannot compile " + variant + ", see " + log);
      }
    }
  }

  static String report(List<Layout> layouts, int anchors, Instant started) {
    Layout deployed = layouts.get(0);
    StringBuilder r = new StringBuilder();
    r.append("# Anchoring gas (AnchorGasBenchmark)\n\n");
    r.append(
        String.format(
            Locale.ROOT,
            "Run %s, Hardhat dev chain (infra/devchain), %d anchors per row and layout, each"
                + " checkpoint's root random; gas is each receipt's gasUsed.%n%n",
            started,
            anchors));
    r.append("## Gas per anchor transaction and per record, by records per checkpoint\n\n");
    r.append(
        "| layout | records per checkpoint | gas per anchor (mean) | min | max | gas per record |\n");
    r.append("|---|---:|---:|---:|---:|---:|\n");
    for (Layout layout : layouts) {
      for (long records : RECORDS_PER_CHECKPOINT) {
        double mean = layout.mean(records);
        r.append(
            String.format(
                Locale.ROOT,
                "| %s | %,d | %,.0f | %,d | %,d | %,.1f |%n",
                layout.name(),
                records,
                mean,
                layout.min(records),
                layout.max(records),
                mean / records));
      }
    }
    r.append(
        "\n| layout | deployment gas | a log's first anchor | steady anchor (mean, all rows) |");
    r.append(" vs deployed |\n|---|---:|---:|---:|---:|\n");
    double deployedSteady = steady(deployed);
    for (Layout layout : layouts) {
      double s = steady(layout);
      r.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %,.0f | %+.1f %% |%n",
              layout.name(),
              layout.deployGas(),
              layout.firstAnchorGas(),
              s,
              100.0 * (s - deployedSteady) / deployedSteady));
    }
    r.append("\n## A city's day: ")
        .append(String.format(Locale.ROOT, "%,d", RECORDS_PER_DAY))
        .append(" records per service, the deployed layout\n\n");
    r.append(
        "One anchor per interval in which records arrived (or at once when "
            + EVERY_ENTRIES
            + " wait). Arrivals at random (Poisson) over 24 hours or over 8 office hours.\n\n");
    r.append("| interval | arrivals over | anchors a day | records per anchor | gas a day |");
    r.append(" gas a day, every record its own transaction |\n|---|---|---:|---:|---:|---:|\n");
    double perRecordTx = deployed.mean(1);
    for (Duration interval :
        List.of(DEFAULT_INTERVAL, Duration.ofMinutes(1), Duration.ofMinutes(10))) {
      for (int hours : new int[] {24, 8}) {
        double windows = hours * 3600.0 / interval.toSeconds();
        double perWindow = RECORDS_PER_DAY / windows;
        double anchorsADay =
            perWindow > EVERY_ENTRIES
                ? RECORDS_PER_DAY / (double) EVERY_ENTRIES
                : windows * (1 - Math.exp(-perWindow));
        r.append(
            String.format(
                Locale.ROOT,
                "| %s%s | %d h | %,.0f | %,.1f | %,.0f | %,.0f |%n",
                interval.toSeconds() < 60
                    ? interval.toSeconds() + " s"
                    : interval.toMinutes() + " min",
                interval.equals(DEFAULT_INTERVAL) ? " (default)" : "",
                hours,
                anchorsADay,
                RECORDS_PER_DAY / anchorsADay,
                anchorsADay * deployedSteady,
                RECORDS_PER_DAY * perRecordTx));
      }
    }
    return r.toString();
  }

  /** The mean gas of every anchor after the log's first, all rows together. */
  private static double steady(Layout layout) {
    return layout.gas().values().stream()
        .flatMap(List::stream)
        .mapToLong(Long::longValue)
        .average()
        .orElseThrow();
  }
}
