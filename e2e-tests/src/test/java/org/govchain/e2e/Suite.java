package org.govchain.e2e;

import static org.govchain.anchor.chain.AnchorRegistryClient.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.LogId;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.anchor.checkpoint.NoteVerifier;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.process.AppProcess;
import org.govchain.testsupport.process.AuthServer;
import org.govchain.testsupport.process.FreePorts;
import org.govchain.testsupport.process.Http;
import org.govchain.testsupport.samples.SealSamples;
import org.govchain.testsupport.tokens.TestIssuer;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * The suite as the end-to-end tests see it, started once per test run: the auth server (its dev
 * signing key in a directory made here), the dev chain with a fresh AnchorRegistry, the seal
 * service (its own database, anchoring on, a checkpoint key made here), the auditor's portal and a
 * gateway in front of them whose ssc route points at a closed port. All run as real processes. The
 * gateway knows the auth server by its issuer URI alone (keys by OpenID discovery); the seal
 * service by issuer and JWK set URI. The test holds the log's verifier key, and reads the auth
 * server's signing key only to make the tokens it would never issue ({@link #issuerKeyTokens}).
 */
final class Suite implements AutoCloseable {

  /** The municipal front-end origin the gateways allow (CORS). */
  static final String FRONT_END = "https://seal.city.example";

  final DevChain chain;
  final AnchorRegistryClient registry;
  final String origin;
  final NoteVerifier logKey;
  private final NoteSigner logSigner;

  /** The seal log's reference key (base64), which the seal service gets by environment. */
  final String sealReferenceKey = randomKey();

  final AuthServer auth;

  /** Tokens signed with the auth server's own key, for claims it would never issue. */
  final TestIssuer issuerKeyTokens;

  final AppProcess seal;
  final AppProcess portal;
  final AppProcess gateway;
  final int closedPort;
  private final int gatewayPort;
  private final Path work;

  private Suite(DevChain chain, PostgresServer.Database db) {
    this.chain = chain;
    this.work = workDirectory();
    this.origin = "seal-" + UUID.randomUUID() + ".govchain.example";
    this.registry =
        await(
            AnchorRegistryClient.deploy(chain.web3j(), chain.newFundedAccount(), chain.chainId()));
    Credentials submitter = chain.newFundedAccount();
    await(registry.registerSubmitter(LogId.of(origin), submitter.getAddress()));
    NoteSigner signer = NoteSigner.generate(origin);
    this.logSigner = signer;
    this.logKey = NoteVerifier.fromVerifierKey(signer.verifierKey());
    this.closedPort = FreePorts.next();
    // the gateway's port first: its Swagger UI is the web client's redirect URI
    this.gatewayPort = FreePorts.next();

    this.auth =
        AuthServer.start(
            jar("auth-server"),
            work.resolve("auth-data"),
            "http://127.0.0.1:" + gatewayPort + "/swagger-ui/oauth2-redirect.html");
    // seal, portal and gateway need only the auth server (and each other's addresses) at their
    // start: they start together
    List<AppProcess> started = new ArrayList<>();
    try {
      this.issuerKeyTokens = TestIssuer.fromJwk(auth.signingKeyFile(), auth.issuer());
      this.seal = launchSeal(db, submitter, work.resolve("seal-data"));
      started.add(seal);
      this.portal = launchPortal();
      started.add(portal);
      this.gateway = launchGateway(gatewayPort, Map.of(), List.of());
      started.add(gateway);
      for (AppProcess app : started) {
        app.awaitHealthy();
      }
      awaitTokenKeys(seal, "/api/seal/seals/");
      awaitTokenKeys(gateway, "/api/seal/seals/");
    } catch (RuntimeException e) {
      started.forEach(AppProcess::close);
      auth.close();
      throw e;
    }
  }

  /**
   * The auditor's portal, publishing this suite's chain, registry and the seal log's key; the other
   * logs keep their default origins and publish no key.
   */
  private AppProcess launchPortal() {
    int port = FreePorts.next();
    Map<String, String> env = new HashMap<>();
    env.put("PORTAL_PORT", Integer.toString(port));
    env.put("GOVCHAIN_PORTAL_PUBLIC_URL", "http://127.0.0.1:" + gatewayPort + "/portal/");
    env.put("GOVCHAIN_PORTAL_RPC_URL", chain.rpcUrl());
    env.put("GOVCHAIN_ANCHOR_CHAIN_ID", Long.toString(chain.chainId()));
    env.put("GOVCHAIN_ANCHOR_REGISTRY_ADDRESS", registry.address());
    env.put("GOVCHAIN_SEAL_LOG_ORIGIN", origin);
    env.put("GOVCHAIN_SEAL_LOG_VERIFIER_KEY", logKey.verifierKey());
    // certificates: the suite through the gateway, the auth server's demo clients
    env.put("GOVCHAIN_PORTAL_GATEWAY_URL", "http://127.0.0.1:" + gatewayPort);
    env.put("GOVCHAIN_ANCHOR_RPC_URL", chain.rpcUrl());
    env.put("GOVCHAIN_PORTAL_TOKEN_URI", auth.issuer() + "/oauth2/token");
    // the platform seal belongs to the organisation the tests' own seals belong to, as in the
    // local suite: certificates must still be sealed with the platform seal alone
    env.put("GOVCHAIN_PORTAL_SEAL_CREDIT_CODE", SealSamples.CREDIT_CODE);
    return AppProcess.launch(
        "portal", jar("portal"), port, env, List.of("--spring.main.banner-mode=off"));
  }

  /** The gateway's address, e.g. {@code http://127.0.0.1:40123}. */
  String gatewayUrl() {
    return gateway.baseUrl();
  }

  private AppProcess launchSeal(PostgresServer.Database db, Credentials submitter, Path dataDir) {
    List<String> sealArgs = new ArrayList<>();
    for (String p : db.springProperties()) {
      sealArgs.add("--" + p);
    }
    sealArgs.addAll(
        List.of(
            "--spring.main.banner-mode=off",
            "--govchain.seal.ca.data-dir=" + dataDir,
            "--govchain.log.origin=" + origin,
            "--govchain.log.sequencer.interval=100ms"));
    Map<String, String> sealEnv = new HashMap<>(jwtEnv());
    if (submitter != null) {
      sealArgs.addAll(
          List.of(
              "--govchain.anchor.enabled=true",
              "--govchain.anchor.rpc-url=" + chain.rpcUrl(),
              "--govchain.anchor.chain-id=" + chain.chainId(),
              "--govchain.anchor.registry-address=" + registry.address(),
              "--govchain.anchor.interval=1s",
              "--govchain.anchor.check-interval=200ms"));
      // secrets by environment, never on a command line
      sealEnv.put(
          "GOVCHAIN_ANCHOR_SUBMITTER_KEY",
          Numeric.toHexStringWithPrefixZeroPadded(submitter.getEcKeyPair().getPrivateKey(), 64));
    } else {
      sealArgs.add("--govchain.anchor.enabled=false");
    }
    // keys straight from the JWK set (no discovery); iss still checked against the issuer URI
    sealEnv.put("GOVCHAIN_JWT_JWK_SET_URI", auth.jwkSetUri());
    sealEnv.put("GOVCHAIN_LOG_SIGNER_KEY", logSigner.signerKey());
    sealEnv.put("GOVCHAIN_LOG_REFERENCE_KEY", sealReferenceKey);
    int sealPort = FreePorts.next();
    sealEnv.put("SEAL_PORT", Integer.toString(sealPort));
    return AppProcess.launch("seal-service", jar("seal-service"), sealPort, sealEnv, sealArgs);
  }

  /**
   * A second seal service serving this suite's seal log, under the same origin and signed with the
   * same key, from {@code db}: the log's operator serving another history. It anchors nothing (the
   * chain would tell the histories apart), so only a consistency check can. The caller closes it.
   */
  AppProcess startForkedSeal(PostgresServer.Database db) {
    AppProcess forked = launchSeal(db, null, work.resolve("forked-seal-data-" + UUID.randomUUID()));
    forked.awaitHealthy();
    return forked;
  }

  /**
   * A record service process with its own log (origin, signer, registered submitter, reference
   * key).
   */
  record RecordService(AppProcess process, String origin, NoteVerifier logKey, String referenceKey)
      implements AutoCloseable {

    /** The keyed reference this service's envelopes carry for {@code value}. */
    String reference(String purpose, String value) {
      return Suite.reference(referenceKey, purpose, value);
    }

    @Override
    public void close() {
      process.close();
    }
  }

  /**
   * A keyed reference as docs/proof-bundle.md ("What a bundle discloses") defines it, computed here
   * from that definition rather than with the starter's code: {@code <purpose>:} and the unpadded
   * base64url HMAC-SHA-256 under the base64 key over {@code "govchain.log-ref.v1" 0x00 purpose 0x00
   * value}.
   */
  static String reference(String base64Key, String purpose, String value) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              java.util.Base64.getDecoder().decode(base64Key), "HmacSHA256"));
      byte[] tag =
          mac.doFinal(
              ("govchain.log-ref.v1\0" + purpose + "\0" + value)
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return purpose + ":" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 32 random bytes, base64: a log reference key made for this run. */
  private static String randomKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return java.util.Base64.getEncoder().encodeToString(key);
  }

  /**
   * Starts the social security card service on {@code db}, anchoring its own log on the suite's
   * registry, trusting the auth server's tokens. The caller closes it.
   */
  RecordService startCardService(PostgresServer.Database db) {
    return startRecordService(
        "social-security-card-service",
        "SSC",
        "ssc",
        db,
        List.of("--govchain.ssc.data-dir=" + work.resolve("ssc-data")));
  }

  /**
   * Starts the accounting audit service on {@code db}, anchoring its own log on the suite's
   * registry, trusting the auth server's tokens. The caller closes it.
   */
  RecordService startAccountingService(PostgresServer.Database db) {
    return startRecordService(
        "accounting-audit-service", "ACCOUNTING", "accounting", db, List.of());
  }

  /**
   * Starts a record service's jar with its own log: a fresh origin whose submitter the registry
   * knows, a fresh signer key and reference key; secrets by environment, never on a command line.
   *
   * @param portPrefix the service's {@code <P>} in {@code <P>_PORT}
   */
  private RecordService startRecordService(
      String module,
      String portPrefix,
      String originPrefix,
      PostgresServer.Database db,
      List<String> extraArgs) {
    String origin = originPrefix + "-" + UUID.randomUUID() + ".govchain.example";
    Credentials submitter = chain.newFundedAccount();
    await(registry.registerSubmitter(LogId.of(origin), submitter.getAddress()));
    NoteSigner signer = NoteSigner.generate(origin);
    List<String> args = new ArrayList<>();
    for (String p : db.springProperties()) {
      args.add("--" + p);
    }
    args.addAll(
        List.of(
            "--spring.main.banner-mode=off",
            "--govchain.log.origin=" + origin,
            "--govchain.log.sequencer.interval=100ms",
            "--govchain.anchor.enabled=true",
            "--govchain.anchor.rpc-url=" + chain.rpcUrl(),
            "--govchain.anchor.chain-id=" + chain.chainId(),
            "--govchain.anchor.registry-address=" + registry.address(),
            "--govchain.anchor.interval=1s",
            "--govchain.anchor.check-interval=200ms"));
    args.addAll(extraArgs);
    Map<String, String> env = new HashMap<>(jwtEnv());
    env.put(
        "GOVCHAIN_ANCHOR_SUBMITTER_KEY",
        Numeric.toHexStringWithPrefixZeroPadded(submitter.getEcKeyPair().getPrivateKey(), 64));
    env.put("GOVCHAIN_LOG_SIGNER_KEY", signer.signerKey());
    String referenceKey = randomKey();
    env.put("GOVCHAIN_LOG_REFERENCE_KEY", referenceKey);
    int port = FreePorts.next();
    env.put(portPrefix + "_PORT", Integer.toString(port));
    AppProcess process = AppProcess.start(module, jar(module), port, env, args);
    try {
      awaitTokenKeys(
          process, module.startsWith("accounting") ? "/api/accounting/units/" : "/api/ssc/cards/");
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
    return new RecordService(
        process, origin, NoteVerifier.fromVerifierKey(signer.verifierKey()), referenceKey);
  }

  /** Starts the suite (chain and database come from test-support). */
  static Suite start(DevChain chain, PostgresServer.Database db) {
    return new Suite(chain, db);
  }

  /**
   * A gateway in front of this suite's seal service, with the ssc route pointing at a closed port
   * and the accounting route at {@code GOVCHAIN_ACCOUNTING_URL} from {@code env} (else a closed
   * port); {@code env} and {@code args} come on top of the defaults. The caller closes it.
   */
  AppProcess startGateway(Map<String, String> env, List<String> args) {
    return startGateway(FreePorts.next(), env, args);
  }

  /** As {@link #startGateway(Map, List)}, on {@code port}. The caller closes it. */
  AppProcess startGateway(int port, Map<String, String> env, List<String> args) {
    AppProcess started = launchGateway(port, env, args);
    started.awaitHealthy();
    return started;
  }

  private AppProcess launchGateway(int port, Map<String, String> env, List<String> args) {
    Map<String, String> all = new HashMap<>(jwtEnv());
    all.put("GATEWAY_PORT", Integer.toString(port));
    all.put("GOVCHAIN_SEAL_URL", seal.baseUrl());
    all.put("GOVCHAIN_PORTAL_URL", portal.baseUrl());
    all.put("GOVCHAIN_SSC_URL", "http://127.0.0.1:" + closedPort);
    all.put("GOVCHAIN_ACCOUNTING_URL", "http://127.0.0.1:" + closedPort);
    all.put("GOVCHAIN_CORS_ORIGINS", FRONT_END);
    all.putAll(env);
    List<String> allArgs = new ArrayList<>(List.of("--spring.main.banner-mode=off"));
    allArgs.addAll(args);
    return AppProcess.launch("gateway", jar("gateway"), port, all, allArgs);
  }

  /**
   * Waits until {@code app} has the token issuer's keys: a token it checks is answered with
   * anything but 503. An application fetches the keys when it checks its first token, within 5 s,
   * else answers 503 "retry later"; a fresh one on a saturated machine took longer twice in
   * fresh-clone runs (a gateway, then the accounting service), and a test's first answers were that
   * 503. {@code readPath} is a read of the application's own that needs a token, completed here
   * with an id that does not exist.
   */
  void awaitTokenKeys(AppProcess app, String readPath) {
    Http http = new Http(app.baseUrl());
    String token = token("auditor");
    Await.until(
        "the application at " + app.baseUrl() + " has the token issuer's keys",
        Duration.ofSeconds(60),
        Duration.ofMillis(500),
        () -> http.get(readPath + new UUID(0, 0), token).status() != 503);
  }

  /** A client of the gateway. */
  Http viaGateway() {
    return new Http(gateway.baseUrl());
  }

  /** A client of the seal service itself, bypassing the gateway. */
  Http direct() {
    return new Http(seal.baseUrl());
  }

  /**
   * An access token from the auth server for the dev demo client of {@code role} (client
   * credentials; its {@code sub} is the role name).
   */
  String token(String role) {
    return auth.clientToken(role);
  }

  /** Token checking for the gateway and the services: the auth server's issuer. */
  private Map<String, String> jwtEnv() {
    return Map.of(
        "GOVCHAIN_JWT_ISSUER_URI",
        auth.issuer(),
        "GOVCHAIN_JWT_AUDIENCE",
        TestIssuer.AUDIENCE.get(0));
  }

  private static Path jar(String module) {
    String path = System.getProperty("govchain.e2e." + module + ".jar");
    if (path == null) {
      throw new IllegalStateException(
          "system property govchain.e2e." + module + ".jar is not set (run through Maven)");
    }
    return Path.of(path);
  }

  private static Path workDirectory() {
    try {
      Path logs = AppProcess.logDirectory();
      Files.createDirectories(logs);
      return Files.createTempDirectory(logs, "suite-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    gateway.close();
    portal.close();
    seal.close();
    auth.close();
  }
}
