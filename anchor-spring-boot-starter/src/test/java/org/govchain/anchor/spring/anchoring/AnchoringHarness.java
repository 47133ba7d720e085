package org.govchain.anchor.spring.anchoring;

import static org.govchain.anchor.chain.AnchorRegistryClient.await;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.LogId;
import org.govchain.anchor.checkpoint.Checkpoint;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.anchor.merkle.MemoryTree;
import org.govchain.anchor.merkle.MerkleHasher;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.PostgresServer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.utils.Numeric;

/**
 * One anchoring scenario: a registry on the dev chain with a registered submitter key, a fresh
 * database, a log played by a {@link MemoryTree} of real envelopes whose signed checkpoints are
 * written as the sequencer would, and the application under test.
 */
final class AnchoringHarness implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();
  static final Duration DEADLINE = Duration.ofSeconds(60);

  final DevChain chain;
  final PostgresServer.Database db;
  final String origin = "anchoring-" + UUID.randomUUID() + ".govchain.example";
  final NoteSigner logKey = NoteSigner.generate(origin);
  final MemoryTree tree = new MemoryTree();
  final List<byte[]> leaves = new ArrayList<>();
  final Credentials submitterKey;
  final AnchorRegistryClient registry;
  final AnchorRegistryClient submitter;
  private final List<ConfigurableApplicationContext> apps = new ArrayList<>();

  AnchoringHarness(DevChain chain, PostgresServer.Database db) {
    this.chain = chain;
    this.db = db;
    this.registry =
        await(
            AnchorRegistryClient.deploy(chain.web3j(), chain.newFundedAccount(), chain.chainId()));
    this.submitterKey = chain.newFundedAccount();
    await(registry.registerSubmitter(LogId.of(origin), submitterKey.getAddress()));
    this.submitter =
        AnchorRegistryClient.connect(
            chain.web3j(), registry.address(), chain.chainId(), submitterKey);
  }

  /** Creates the schema now (as the application would at start), to write checkpoints first. */
  void migrate() {
    org.flywaydb.core.Flyway.configure()
        .dataSource(db.jdbcUrl(), db.user(), db.password())
        // the same locations the application uses (Boot's default plus the starter's), so its
        // Flyway validation finds every migration applied
        .locations("classpath:db/migration", AnchoringAutoConfiguration.MIGRATIONS)
        .load()
        .migrate();
  }

  /** Starts the application against {@code rpcUrl} with the test defaults and {@code extra}. */
  ConfigurableApplicationContext start(String rpcUrl, String... extra) {
    return start(WebApplicationType.NONE, rpcUrl, extra);
  }

  ConfigurableApplicationContext start(WebApplicationType web, String rpcUrl, String... extra) {
    Map<String, Object> props = new LinkedHashMap<>();
    for (String p : db.springProperties()) {
      props.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
    }
    props.put("govchain.log.origin", origin);
    props.put("govchain.anchor.enabled", "true");
    props.put("govchain.anchor.rpc-url", rpcUrl);
    props.put("govchain.anchor.chain-id", chain.chainId());
    props.put("govchain.anchor.registry-address", registry.address());
    props.put(
        "govchain.anchor.submitter-key",
        Numeric.toHexStringWithPrefixZeroPadded(submitterKey.getEcKeyPair().getPrivateKey(), 64));
    props.put("govchain.anchor.interval", "1s");
    props.put("govchain.anchor.check-interval", "200ms");
    props.put("govchain.anchor.stuck-after", "30s");
    props.put("govchain.anchor.lag-degraded-after", "1m");
    props.put("govchain.anchor.resilience.call-timeout", "3s");
    props.put("govchain.anchor.resilience.retry-attempts", "2");
    props.put("govchain.anchor.resilience.retry-backoff", "100ms");
    props.put("govchain.anchor.resilience.circuit-window", "6");
    props.put("govchain.anchor.resilience.circuit-minimum-calls", "4");
    props.put("govchain.anchor.resilience.circuit-open-for", "1s");
    props.put("server.port", "0");
    props.put("management.endpoint.health.show-details", "always");
    props.put("spring.main.banner-mode", "off");
    for (String p : extra) {
      props.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
    }
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(AnchoringTestApplication.class)
            .web(web)
            .properties(props)
            .run();
    apps.add(app);
    return app;
  }

  /** Appends {@code entries} real envelopes and writes the signed checkpoint of the new size. */
  long appendCheckpoint(int entries) {
    for (int i = 0; i < entries; i++) {
      byte[] envelope =
          EventEnvelope.create(
                  origin,
                  "test.recorded",
                  UUID.randomUUID().toString(),
                  1,
                  Instant.now(),
                  Map.of("amount", leaves.size() + ".00"),
                  RANDOM)
              .toCanonicalBytes();
      leaves.add(envelope);
      tree.append(MerkleHasher.leafHash(envelope));
    }
    long size = tree.size();
    String note = new Checkpoint(origin, size, tree.root()).sign(logKey).noteText();
    sql(
        "INSERT INTO govchain_log_checkpoint (log_origin, tree_size, root_hash, note)"
            + " VALUES (?, ?, ?, ?)",
        origin,
        size,
        tree.root(),
        note);
    return size;
  }

  /** Stores a signed transaction as the anchorer does before sending it (state SENT). */
  void storeSent(
      org.govchain.anchor.chain.AnchorTransaction tx,
      org.govchain.anchor.chain.SignedTransaction signed) {
    sql(
        "INSERT INTO govchain_anchor_tx (log_origin, tree_size, root_hash, chain_id, contract,"
            + " sender, nonce, tx_hash, raw_tx, gas_limit, legacy_fees, max_fee_per_gas,"
            + " max_priority_fee_per_gas) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        origin,
        tx.treeSize(),
        tx.rootHash(),
        chain.chainId(),
        registry.address(),
        submitterKey.getAddress(),
        tx.nonce(),
        signed.hash(),
        signed.rawHex(),
        new java.math.BigDecimal(tx.gasLimit()),
        tx.fees().legacy(),
        new java.math.BigDecimal(tx.fees().maxFeePerGas()),
        new java.math.BigDecimal(tx.fees().maxPriorityFeePerGas()));
  }

  /** The anchor state of the checkpoint of {@code size}. */
  String state(long size) {
    return checkpoint(size).get("anchor_state").toString();
  }

  /** The checkpoint row of {@code size}, column by column. */
  Map<String, Object> checkpoint(long size) {
    return row(
        "SELECT * FROM govchain_log_checkpoint WHERE log_origin = ? AND tree_size = ?",
        origin,
        size);
  }

  /** Tracked transactions of this log, oldest first. */
  List<Map<String, Object>> transactions() {
    return rows("SELECT * FROM govchain_anchor_tx WHERE log_origin = ? ORDER BY id", origin);
  }

  /** How many Anchored events this log has on chain: the anchor transactions that took effect. */
  int anchoredEvents() throws Exception {
    Event anchored =
        new Event(
            "Anchored",
            List.of(
                new TypeReference<Bytes32>(true) {},
                new TypeReference<Uint64>() {},
                new TypeReference<Bytes32>() {}));
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameterName.EARLIEST,
            DefaultBlockParameterName.LATEST,
            registry.address());
    filter.addSingleTopic(EventEncoder.encode(anchored));
    filter.addSingleTopic(Numeric.toHexString(LogId.of(origin)));
    return chain.web3j().ethGetLogs(filter).send().getLogs().size();
  }

  /** Whether a transaction hash has a receipt on chain. */
  boolean mined(String hash) throws Exception {
    return chain.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt().isPresent();
  }

  /** Polls {@code condition} every 100 ms until it holds, failing after {@link #DEADLINE}. */
  static void awaitTrue(String what, Await.Condition condition) {
    Await.until(what, DEADLINE, Duration.ofMillis(100), condition);
  }

  void sql(String sql, Object... args) {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  Map<String, Object> row(String sql, Object... args) {
    List<Map<String, Object>> rows = rows(sql, args);
    if (rows.size() != 1) {
      throw new AssertionError("expected one row, got " + rows.size() + " for " + sql);
    }
    return rows.get(0);
  }

  List<Map<String, Object>> rows(String sql, Object... args) {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      List<Map<String, Object>> result = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
            row.put(r.getMetaData().getColumnName(i), r.getObject(i));
          }
          result.add(row);
        }
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(byte[] bytes) {
    return "0x" + HexFormat.of().formatHex(bytes);
  }

  static BigInteger big(Object numeric) {
    return ((java.math.BigDecimal) numeric).toBigIntegerExact();
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }

  @Override
  public void close() {
    for (ConfigurableApplicationContext app : apps) {
      app.close();
    }
  }
}
