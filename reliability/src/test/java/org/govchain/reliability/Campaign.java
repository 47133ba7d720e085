package org.govchain.reliability;

import static org.govchain.anchor.chain.AnchorRegistryClient.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.LogId;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.anchor.checkpoint.NoteVerifier;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.process.AppProcess;
import org.govchain.testsupport.process.AuthServer;
import org.govchain.testsupport.process.FreePorts;
import org.govchain.testsupport.process.Http;
import org.govchain.testsupport.tokens.TestIssuer;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * What the fault campaign runs, all as real processes on 127.0.0.1: an embedded PostgreSQL of its
 * own (so that stopping it touches no other test), the dev chain with a fresh AnchorRegistry (the
 * services reach it through a {@link ChainProxy} that can hold back their transactions), the
 * packaged auth server, one gateway in front of every record service, and each record service on a
 * port fixed for the whole campaign, so that a service killed with SIGKILL comes back where the
 * gateway expects it, on the same database, log origin and keys.
 */
final class Campaign implements AutoCloseable {

  private final DevChain chain;
  private final ChainProxy chainProxy;
  private final PostgresServer postgres;
  private final AnchorRegistryClient registry;
  private final AuthServer auth;
  private final Map<RecordKind, Service> services = new EnumMap<>(RecordKind.class);
  private final int gatewayPort;
  private AppProcess gateway;

  /**
   * The gateway's time limit for a call to a service ({@code GOVCHAIN_GATEWAY_TIMEOUT}, its
   * default): past it the client gets the gateway's 503 instead of waiting on.
   */
  static final Duration GATEWAY_TIMEOUT = Duration.ofSeconds(10);

  private Campaign(DevChain chain, Path work) {
    this.chain = chain;
    this.chainProxy = new ChainProxy(chain.rpcUrl());
    this.postgres = PostgresServer.startEmbedded(work.resolve("postgres"));
    try {
      this.registry =
          await(
              AnchorRegistryClient.deploy(
                  chain.web3j(), chain.newFundedAccount(), chain.chainId()));
      for (RecordKind kind : RecordKind.values()) {
        services.put(kind, new Service(kind, work.resolve(kind.module() + "-data")));
      }
      this.gatewayPort = FreePorts.next();
      this.auth =
          AuthServer.start(
              jar("auth-server"),
              work.resolve("auth-data"),
              "http://127.0.0.1:" + gatewayPort + "/swagger-ui/oauth2-redirect.html");
      try {
        this.gateway = startGateway();
      } catch (RuntimeException e) {
        auth.close();
        throw e;
      }
    } catch (RuntimeException e) {
      closeQuietly(postgres);
      chainProxy.close();
      throw e;
    }
  }

  /** Starts the campaign's database, registry, auth server and gateway (not the services). */
  static Campaign start(DevChain chain) {
    if (!chain.isHardhat()) {
      throw new IllegalStateException(
          "the fault campaign needs the Hardhat dev chain (it holds back mining to keep an anchor"
              + " transaction pending); unset GOVCHAIN_TEST_RPC_URL");
    }
    return startOn(chain);
  }

  /**
   * A campaign of its own on {@code chain}, whatever node it is — the persistent ganache chain of a
   * case that stops the chain itself ({@code ChainOutageIT}); its cases must not need Hardhat's
   * mining control.
   */
  static Campaign startOn(DevChain chain) {
    try {
      Path logs = AppProcess.logDirectory();
      Files.createDirectories(logs);
      return new Campaign(chain, Files.createTempDirectory(logs, "campaign-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  DevChain chain() {
    return chain;
  }

  /** The campaign's AnchorRegistry, where every service anchors its log. */
  AnchorRegistryClient registry() {
    return registry;
  }

  /** The chain's JSON-RPC endpoint as every service reaches it. */
  ChainProxy chainProxy() {
    return chainProxy;
  }

  /** The campaign's own PostgreSQL server. */
  PostgresServer postgres() {
    return postgres;
  }

  /** The record service of {@code kind}: its port, database and log, running or not. */
  Service service(RecordKind kind) {
    return services.get(kind);
  }

  /** A new client of the gateway (its own HTTP connections). */
  Http viaGateway() {
    return new Http("http://127.0.0.1:" + gatewayPort);
  }

  /** The campaign's auth server (killed and started again by case 3). */
  AuthServer auth() {
    return auth;
  }

  /** The gateway's current life. */
  AppProcess gateway() {
    return gateway;
  }

  /** SIGKILL to the gateway's JVM; returns once it is gone. */
  void killGateway() {
    gateway.kill();
  }

  /** Starts the gateway again on its port after {@link #killGateway()}, waits until healthy. */
  void restartGateway() {
    if (gateway.isAlive()) {
      throw new IllegalStateException("the gateway is still running");
    }
    gateway = startGateway();
  }

  /**
   * Starts every record service that is not running, side by side (each start waits for the
   * service's health: a few seconds each, that need not add up); one that runs is left as it is.
   */
  void ensureServicesRunning() {
    eachAtOnce(services.values(), Service::ensureRunning);
  }

  /**
   * Runs {@code step} for each of {@code items} side by side — starts and stops of services take
   * seconds each (a start waits for the health, a stop for the JVM to end), which need not add up.
   */
  static <T> void eachAtOnce(Collection<T> items, Consumer<T> step) {
    ExecutorService threads = Executors.newFixedThreadPool(items.size());
    try {
      List<Future<?>> done = new ArrayList<>();
      items.forEach(item -> done.add(threads.submit(() -> step.accept(item))));
      for (Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } finally {
      threads.shutdown();
    }
  }

  /**
   * The duration system property {@code property} gives ({@code 20s}, {@code 10m}, or ISO-8601),
   * else {@code otherwise}.
   */
  static Duration duration(String property, Duration otherwise) {
    String value = System.getProperty(property, "").trim();
    if (value.isEmpty()) {
      return otherwise;
    }
    if (value.matches("\\d+s")) {
      return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
    }
    if (value.matches("\\d+m")) {
      return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
    }
    return Duration.parse(value);
  }

  /** An access token of the auth server's demo client for {@code role}. */
  String token(String role) {
    return auth.clientToken(role);
  }

  private AppProcess startGateway() {
    Map<String, String> env = new HashMap<>(jwtEnv());
    env.put("GATEWAY_PORT", Integer.toString(gatewayPort));
    env.put("GOVCHAIN_GATEWAY_TIMEOUT", GATEWAY_TIMEOUT.toSeconds() + "s");
    for (Service service : services.values()) {
      env.put(service.kind.gatewayUrlVariable(), "http://127.0.0.1:" + service.port);
    }
    // the campaign is about faults, not rate limits: its clients and checks must never be limited
    env.put("GOVCHAIN_RATE_LIMIT_REQUESTS", "100000");
    env.put("GOVCHAIN_PORTAL_URL", "http://127.0.0.1:" + FreePorts.next());
    return AppProcess.start(
        "gateway", jar("gateway"), gatewayPort, env, List.of("--spring.main.banner-mode=off"));
  }

  private Map<String, String> jwtEnv() {
    return Map.of(
        "GOVCHAIN_JWT_ISSUER_URI",
        auth.issuer(),
        "GOVCHAIN_JWT_AUDIENCE",
        TestIssuer.AUDIENCE.get(0));
  }

  /**
   * One record service of the campaign: a fixed port, its own database on the campaign's server, a
   * log origin whose submitter the registry knows, a checkpoint signer; started, killed and started
   * again by the cases.
   */
  final class Service {

    private final RecordKind kind;
    private final int port;
    private final PostgresServer.Database db;
    private final String origin;
    private final NoteSigner signer;
    private final Credentials submitter;
    private final Path dataDir;
    private AppProcess process;
    private int lives;
    private String createPath;

    /** Every record the campaign's clients made on this log, whatever the case, by id. */
    private final Map<String, WriteLoad.Write> records = new LinkedHashMap<>();

    private Service(RecordKind kind, Path dataDir) {
      this.kind = kind;
      this.port = FreePorts.next();
      this.db = postgres.newDatabase();
      this.origin = kind.logName() + "-" + UUID.randomUUID() + ".govchain.example";
      this.signer = NoteSigner.generate(origin);
      this.submitter = chain.newFundedAccount();
      await(registry.registerSubmitter(LogId.of(origin), submitter.getAddress()));
      this.dataDir = dataDir;
    }

    RecordKind kind() {
      return kind;
    }

    /** The log's origin. */
    String origin() {
      return origin;
    }

    PostgresServer.Database database() {
      return db;
    }

    /** The key that verifies the log's checkpoints. */
    NoteVerifier logKey() {
      return NoteVerifier.fromVerifierKey(signer.verifierKey());
    }

    /** The running process (the current life). */
    AppProcess process() {
      if (process == null) {
        throw new IllegalStateException(kind + " is not running");
      }
      return process;
    }

    /**
     * Where the clients post their writes, made on first use with the service running (a unit for
     * vouchers), the same for every case after that.
     */
    String createPath() {
      if (createPath == null) {
        createPath = kind.createPath(Campaign.this);
      }
      return createPath;
    }

    /**
     * Every record some client of the campaign holds the id of, with the write that made it: the
     * log keeps every case's records, so each case checks its own against all of them.
     */
    Map<String, WriteLoad.Write> records() {
      return records;
    }

    /** How many times it has been started. */
    int lives() {
      return lives;
    }

    /**
     * Starts the service (again) on its port and database and waits until it is healthy; {@code
     * sequencer} false leaves appended events unsequenced (the window between a write's commit and
     * its leaf, held open).
     */
    void start(boolean sequencer) {
      if (process != null && process.isAlive()) {
        throw new IllegalStateException(kind + " is already running");
      }
      List<String> args = new ArrayList<>();
      for (String p : db.springProperties()) {
        args.add("--" + p);
      }
      args.addAll(
          List.of(
              "--spring.main.banner-mode=off",
              "--govchain.log.origin=" + origin,
              "--govchain.log.sequencer.enabled=" + sequencer,
              "--govchain.log.sequencer.interval=100ms",
              "--govchain.anchor.enabled=true",
              "--govchain.anchor.rpc-url=" + chainProxy.rpcUrl(),
              "--govchain.anchor.chain-id=" + chain.chainId(),
              "--govchain.anchor.registry-address=" + registry.address(),
              "--govchain.anchor.interval=1s",
              "--govchain.anchor.check-interval=200ms"));
      args.addAll(kind.extraArgs(dataDir));
      // secrets by environment, never on a command line
      Map<String, String> env = new HashMap<>(jwtEnv());
      env.put(kind.portVariable(), Integer.toString(port));
      env.put(
          "GOVCHAIN_ANCHOR_SUBMITTER_KEY",
          Numeric.toHexStringWithPrefixZeroPadded(submitter.getEcKeyPair().getPrivateKey(), 64));
      env.put("GOVCHAIN_LOG_SIGNER_KEY", signer.signerKey());
      process = AppProcess.start(kind.module(), jar(kind.module()), port, env, args);
      lives++;
    }

    /** SIGKILL to the service's JVM; returns once it is gone. */
    void kill() {
      process().kill();
    }

    /** Whether a life of it is running. */
    boolean isRunning() {
      return process != null && process.isAlive();
    }

    /** Starts it (with its sequencer) unless it is running: cases that need it up share a life. */
    void ensureRunning() {
      if (!isRunning()) {
        start(true);
      }
    }

    /** A new client of the service itself, not through the gateway. */
    Http direct() {
      return new Http(process().baseUrl());
    }

    void close() {
      if (process != null) {
        process.close();
      }
    }
  }

  private static Path jar(String module) {
    String path = System.getProperty("govchain.reliability." + module + ".jar");
    if (path == null) {
      throw new IllegalStateException(
          "system property govchain.reliability." + module + ".jar is not set (run through Maven)");
    }
    return Path.of(path);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // closing after a failed start: the start's failure is the one to report
    }
  }

  @Override
  public void close() {
    gateway.close();
    for (Service service : services.values()) {
      service.close();
    }
    auth.close();
    closeQuietly(postgres);
    chainProxy.close();
  }
}
