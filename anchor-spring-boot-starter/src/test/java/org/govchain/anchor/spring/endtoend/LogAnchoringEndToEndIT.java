package org.govchain.anchor.spring.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.anchor.chain.AnchorRegistryClient.await;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.govchain.anchor.bundle.BundleVerifier;
import org.govchain.anchor.bundle.ProofBundle;
import org.govchain.anchor.bundle.Verdict;
import org.govchain.anchor.bundle.Verification;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.LogId;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.anchor.merkle.MerkleHasher;
import org.govchain.anchor.merkle.MerkleVerifier;
import org.govchain.anchor.spring.log.LogAppender;
import org.govchain.anchor.spring.log.LogCheckpoint;
import org.govchain.anchor.spring.log.LogReader;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.TcpProxy;
import org.govchain.testsupport.WithDevChain;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The whole starter at once, as a service uses it: concurrent appends are sequenced, anchored on
 * the dev chain, and every record's proof bundle verifies with anchor-core's verifier.
 */
@WithDevChain
@WithPostgres
class LogAnchoringEndToEndIT {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int RECORDS = 10_000;
  private static final Duration DEADLINE = Duration.ofMinutes(3);

  @Test
  void tenThousandConcurrentAppendsAreSequencedAnchoredAndEveryBundleVerifies(
      DevChain chain, PostgresServer.Database db) throws Exception {
    String origin = "e2e-" + UUID.randomUUID() + ".govchain.example";
    AnchorRegistryClient owner =
        await(
            AnchorRegistryClient.deploy(chain.web3j(), chain.newFundedAccount(), chain.chainId()));
    Credentials submitter = chain.newFundedAccount();
    await(owner.registerSubmitter(LogId.of(origin), submitter.getAddress()));

    try (ConfigurableApplicationContext app =
        start(db, origin, chain.rpcUrl(), chain.chainId(), owner.address(), submitter)) {
      LogAppender appender = app.getBean(LogAppender.class);
      LogReader reader = app.getBean(LogReader.class);

      // 10,000 records from 8 concurrent writers, each append its own transaction.
      List<String> subjects = append(appender, origin, 0, RECORDS);
      assertThat(subjects).hasSize(RECORDS);

      // Sequenced and anchored: the newest checkpoint covers every record and is confirmed.
      LogCheckpoint anchored = awaitAnchoredCheckpointOf(reader, RECORDS);
      assertThat(anchored.anchor().contract()).isEqualTo(owner.address());

      // Every record's bundle: its leaf is the record's envelope, leaf indexes are a permutation of
      // 0..n-1, and its inclusion path folds to the anchored root of size n. The whole verifier,
      // chain included, checks every 25th bundle, the first and the last: its chain questions
      // (registry, checkpoint, head, transaction) have the same answers for every bundle of one
      // checkpoint, and asking them 10,000 times took two minutes of the build.
      Set<Long> indexes = new HashSet<>();
      List<ProofBundle> sample = new ArrayList<>();
      for (int i = 0; i < subjects.size(); i++) {
        String subject = subjects.get(i);
        ProofBundle bundle = reader.bundleForEvent(subject, 1).block(DEADLINE);
        assertThat(bundle.treeSize()).isEqualTo(RECORDS);
        assertThat(HexFormat.of().formatHex(bundle.rootHash())).isEqualTo(anchored.rootHash());
        assertThat(EventEnvelope.parse(bundle.leafData()).subject()).isEqualTo(subject);
        MerkleVerifier.verifyInclusion(
            MerkleHasher.leafHash(bundle.leafData()),
            bundle.leafIndex(),
            bundle.treeSize(),
            bundle.inclusionPath(),
            bundle.rootHash());
        indexes.add(bundle.leafIndex());
        if (i % 25 == 0 || i == subjects.size() - 1) {
          sample.add(bundle);
        }
      }
      assertThat(indexes).hasSize(RECORDS);
      assertThat(indexes).allMatch(i -> i >= 0 && i < RECORDS);
      BundleVerifier verifier = new BundleVerifier(chain.web3j());
      for (ProofBundle bundle : sample) {
        Verification v = verifier.verify(bundle, 1, reader.verifier());
        assertThat(v.verdict()).as("%s", v.reasons()).isEqualTo(Verdict.VALID);
      }

      // Nothing was anchored twice: every Anchored event of this log has a distinct, growing size.
      List<BigInteger> sizes = anchoredSizes(chain, owner.address(), LogId.of(origin));
      assertThat(sizes).isNotEmpty().doesNotHaveDuplicates().isSorted();
      assertThat(sizes.get(sizes.size() - 1)).isEqualTo(BigInteger.valueOf(RECORDS));
    }
  }

  @Test
  void appendsGoOnWhileTheChainIsUnreachableAndTheBacklogIsAnchoredInOneTransaction(
      DevChain chain, PostgresServer.Database db) throws Exception {
    String origin = "outage-" + UUID.randomUUID() + ".govchain.example";
    AnchorRegistryClient owner =
        await(
            AnchorRegistryClient.deploy(chain.web3j(), chain.newFundedAccount(), chain.chainId()));
    Credentials submitter = chain.newFundedAccount();
    await(owner.registerSubmitter(LogId.of(origin), submitter.getAddress()));
    // A chain call retried for about 50 s (10 attempts, 100 ms doubling; the breaker kept shut),
    // so that the check which first meets the outage is still retrying when the chain returns.
    try (TcpProxy proxy = TcpProxy.toUrl(chain.rpcUrl());
        ConfigurableApplicationContext app =
            start(
                db,
                origin,
                proxy.httpUrl(),
                chain.chainId(),
                owner.address(),
                submitter,
                "govchain.anchor.resilience.retry-attempts=10",
                "govchain.anchor.resilience.circuit-minimum-calls=20")) {
      LogAppender appender = app.getBean(LogAppender.class);
      LogReader reader = app.getBean(LogReader.class);
      List<String> subjects = new ArrayList<>(append(appender, origin, 0, 200));
      awaitAnchoredCheckpointOf(reader, 200);
      List<BigInteger> before = anchoredSizes(chain, owner.address(), LogId.of(origin));

      proxy.cut();
      subjects.addAll(append(appender, origin, 200, 100));
      awaitCheckpointOf(reader, 300);
      // a check has read a backlog of at most 300 and is retrying its first chain call
      Await.until(
          "the anchorer calling the cut-off chain",
          DEADLINE,
          Duration.ofMillis(50),
          () -> proxy.refusedConnections() > 0);
      subjects.addAll(append(appender, origin, 300, 200));
      LogCheckpoint unanchored = awaitCheckpointOf(reader, 500);
      assertThat(unanchored.anchor()).as("anchored while the chain was cut off").isNull();

      proxy.restore();
      awaitAnchoredCheckpointOf(reader, 500);
      List<BigInteger> after = anchoredSizes(chain, owner.address(), LogId.of(origin));
      assertThat(after.subList(before.size(), after.size()))
          .as("one transaction for the whole backlog")
          .containsExactly(BigInteger.valueOf(500));

      BundleVerifier verifier = new BundleVerifier(chain.web3j());
      for (String subject : subjects) {
        ProofBundle bundle = reader.bundleForEvent(subject, 1).block(DEADLINE);
        Verification v = verifier.verify(bundle, 1, reader.verifier());
        assertThat(v.verdict()).as("%s: %s", subject, v.reasons()).isEqualTo(Verdict.VALID);
      }
    }
  }

  private static List<String> append(LogAppender appender, String origin, int from, int count) {
    return Flux.range(from, count)
        .flatMap(
            i -> {
              EventEnvelope e =
                  EventEnvelope.create(
                      origin,
                      "test.record.saved",
                      "record-" + i,
                      1,
                      Instant.now(),
                      Map.of("n", i),
                      RANDOM);
              return appender.append(e).thenReturn(e.subject());
            },
            8)
        .collectList()
        .block(DEADLINE);
  }

  private static ConfigurableApplicationContext start(
      PostgresServer.Database db,
      String origin,
      String rpcUrl,
      long chainId,
      String registry,
      Credentials submitter,
      String... more) {
    List<String> props = new ArrayList<>(List.of(db.springProperties()));
    props.addAll(
        List.of(
            "spring.main.banner-mode=off",
            "govchain.log.origin=" + origin,
            "govchain.log.sequencer.interval=100ms",
            "govchain.anchor.enabled=true",
            "govchain.anchor.rpc-url=" + rpcUrl,
            "govchain.anchor.chain-id=" + chainId,
            "govchain.anchor.registry-address=" + registry,
            "govchain.anchor.submitter-key="
                + Numeric.toHexStringWithPrefixZeroPadded(
                    submitter.getEcKeyPair().getPrivateKey(), 64),
            "govchain.anchor.interval=2s",
            "govchain.anchor.every-entries=2500",
            "govchain.anchor.check-interval=200ms",
            "govchain.anchor.resilience.call-timeout=2s",
            "govchain.anchor.resilience.retry-attempts=2",
            "govchain.anchor.resilience.retry-backoff=100ms",
            "govchain.anchor.resilience.circuit-open-for=1s"));
    props.addAll(List.of(more));
    return new SpringApplicationBuilder(EndToEndTestApplication.class)
        .web(WebApplicationType.NONE)
        .properties(props.toArray(String[]::new))
        .run();
  }

  private static LogCheckpoint awaitCheckpointOf(LogReader reader, long size) {
    return Await.value(
        "checkpoint of size " + size,
        DEADLINE,
        Duration.ofMillis(250),
        () -> latest(reader).filter(c -> c.size() == size));
  }

  private static LogCheckpoint awaitAnchoredCheckpointOf(LogReader reader, long size) {
    return Await.value(
        "anchored checkpoint of size " + size,
        DEADLINE,
        Duration.ofMillis(250),
        () -> latest(reader).filter(c -> c.size() == size && c.anchor() != null));
  }

  private static Optional<LogCheckpoint> latest(LogReader reader) {
    return Optional.ofNullable(reader.latestCheckpoint().onErrorResume(e -> Mono.empty()).block());
  }

  private static List<BigInteger> anchoredSizes(DevChain chain, String registry, byte[] logId)
      throws Exception {
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, registry);
    filter.addSingleTopic(Hash.sha3String("Anchored(bytes32,uint64,bytes32)"));
    filter.addSingleTopic(Numeric.toHexString(logId));
    List<BigInteger> sizes = new ArrayList<>();
    for (EthLog.LogResult<?> result : chain.web3j().ethGetLogs(filter).send().getLogs()) {
      Log log = (Log) result.get();
      byte[] data = Numeric.hexStringToByteArray(log.getData());
      sizes.add(new BigInteger(1, java.util.Arrays.copyOfRange(data, 0, 32)));
    }
    return sizes;
  }
}
