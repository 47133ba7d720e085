package org.govchain.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.cds.Launch;
import org.govchain.cds.SharedClasses;
import org.web3j.utils.Numeric;

/**
 * The command line and environment of each Java application: its port, its database, its data
 * directory, its keys, the chain and registry, and where tokens are checked — the variables each
 * module documents in its README.
 */
final class AppEnvironment {

  /** JVM options for each application: small heaps and quick start-up on a laptop. */
  static final String DEFAULT_JAVA_OPTS = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

  private final Settings settings;
  private final Home home;
  private final DevKeys keys;
  private final RegistrySetup.Deployment deployment;
  private final Map<Application, NoteSigner> signers;
  private final Map<Application, PostgresServer.Database> databases;
  private final List<Application> running;

  AppEnvironment(
      Settings settings,
      Home home,
      DevKeys keys,
      RegistrySetup.Deployment deployment,
      Map<Application, NoteSigner> signers,
      Map<Application, PostgresServer.Database> databases,
      List<Application> running) {
    this.settings = settings;
    this.home = home;
    this.keys = keys;
    this.deployment = deployment;
    this.signers = signers;
    this.databases = databases;
    this.running = running;
  }

  /** An application's command line and how it shares classes between starts. */
  record Command(List<String> line, Launch launch) {}

  /**
   * {@code java <options> <class sharing> -jar <jar>}, with the launcher's own JVM: each jar starts
   * with its classes shared between starts (class-data-sharing's {@link SharedClasses}: extracted
   * once into {@code target/cds} beside the jar, the first run of each build writing the archive as
   * it stops) unless {@code GOVCHAIN_CLASS_SHARING=off}.
   */
  Command command(Application app) {
    List<String> options = new ArrayList<>();
    String configured =
        settings.environment().getOrDefault("GOVCHAIN_JAVA_OPTS", DEFAULT_JAVA_OPTS);
    for (String option : configured.trim().split("\\s+")) {
      if (!option.isEmpty()) {
        options.add(option);
      }
    }
    options.add("-Djava.awt.headless=true");
    Path jar = app.jar(settings);
    Launch launch =
        "off".equalsIgnoreCase(settings.environment().getOrDefault("GOVCHAIN_CLASS_SHARING", "on"))
            ? SharedClasses.fromJar(jar, "GOVCHAIN_CLASS_SHARING=off")
            : SharedClasses.prepare(jar, SharedClasses.cacheBeside(jar), options, true);
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    line.addAll(options);
    line.addAll(launch.arguments());
    return new Command(line, launch);
  }

  /** The variables set for {@code app} on top of the launcher's own environment. */
  Map<String, String> of(Application app) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(app.portVariable(), Integer.toString(settings.port(app.portVariable())));
    // the local suite answers on this machine only
    env.put("SERVER_ADDRESS", "127.0.0.1");
    switch (app) {
      case AUTH_SERVER -> {
        env.put("GOVCHAIN_AUTH_ISSUER", settings.issuer());
        env.put("GOVCHAIN_AUTH_DATA_DIR", home.data("auth").toString());
        // Swagger UI's sign-in comes back to the gateway, wherever it listens
        String gateway = "http://localhost:" + settings.port("GATEWAY_PORT");
        String gatewayIp = "http://127.0.0.1:" + settings.port("GATEWAY_PORT");
        env.put(
            "GOVCHAIN_AUTH_WEB_REDIRECT_URIS",
            settings
                .environment()
                .getOrDefault(
                    "GOVCHAIN_AUTH_WEB_REDIRECT_URIS",
                    gateway
                        + "/swagger-ui/oauth2-redirect.html,"
                        + gatewayIp
                        + "/swagger-ui/oauth2-redirect.html"));
      }
      case PORTAL -> putPortal(env);
      case GATEWAY -> {
        env.put("GOVCHAIN_PORTAL_URL", localUrl(Application.PORTAL));
        env.put("GOVCHAIN_SEAL_URL", localUrl(Application.SEAL));
        env.put("GOVCHAIN_SSC_URL", localUrl(Application.SSC));
        env.put("GOVCHAIN_ACCOUNTING_URL", localUrl(Application.ACCOUNTING));
        putTokenChecks(env);
      }
      default -> putService(app, env);
    }
    return env;
  }

  private void putService(Application app, Map<String, String> env) {
    Application.Service service = app.service().orElseThrow();
    String p = service.envPrefix();
    PostgresServer.Database db = databases.get(app);
    env.put(p + "_DB_R2DBC_URL", db.r2dbcUrl());
    env.put(p + "_DB_JDBC_URL", db.jdbcUrl());
    env.put(p + "_DB_USER", db.user());
    env.put(p + "_DB_PASSWORD", db.password());
    env.put("GOVCHAIN_" + p + "_DATA_DIR", home.data(service.keyName()).toString());
    if (app == Application.SEAL) {
      env.put("GOVCHAIN_SEAL_KEK", keys.aesKey("seal-kek"));
    }
    if (app == Application.SSC) {
      // citizens' data under keys of this installation, not the published development keys
      env.put("GOVCHAIN_SSC_DATA_KEYS", "local-1=" + keys.aesKey("ssc-data-key"));
      env.put("GOVCHAIN_SSC_DATA_KEY_ID", "local-1");
      env.put("GOVCHAIN_SSC_HASH_KEY", keys.aesKey("ssc-hash-key"));
    }
    env.put("GOVCHAIN_LOG_ORIGIN", service.origin());
    env.put("GOVCHAIN_LOG_SIGNER_KEY", signers.get(app).signerKey());
    // people and typed reasons in the log's public envelopes under this installation's key
    env.put("GOVCHAIN_LOG_REFERENCE_KEY", keys.aesKey(service.keyName() + "-log-reference-key"));
    env.put("GOVCHAIN_ANCHOR_ENABLED", "true");
    env.put("GOVCHAIN_ANCHOR_RPC_URL", settings.rpcUrl());
    env.put("GOVCHAIN_ANCHOR_CHAIN_ID", Long.toString(deployment.chainId()));
    env.put("GOVCHAIN_ANCHOR_REGISTRY_ADDRESS", deployment.registry());
    env.put(
        "GOVCHAIN_ANCHOR_SUBMITTER_KEY",
        Numeric.toHexStringWithPrefixZeroPadded(
            keys.ethereum(service.keyName() + "-submitter").getEcKeyPair().getPrivateKey(), 64));
    // a local chain mines at once: anchor every few seconds so the walkthrough need not wait
    env.put(
        "GOVCHAIN_ANCHOR_INTERVAL",
        settings.environment().getOrDefault("GOVCHAIN_ANCHOR_INTERVAL", "3s"));
    putTokenChecks(env);
  }

  /**
   * The portal publishes what the page starts from: its own address behind the gateway, the chain
   * as this machine's browsers reach it, and each log's origin and checkpoint key.
   */
  private void putPortal(Map<String, String> env) {
    env.put(
        "GOVCHAIN_PORTAL_PUBLIC_URL",
        "http://localhost:" + settings.port("GATEWAY_PORT") + "/portal/");
    env.put("GOVCHAIN_PORTAL_RPC_URL", settings.rpcUrl());
    // certificates: the suite through the gateway, the demo clients of the local auth server
    env.put("GOVCHAIN_PORTAL_GATEWAY_URL", localUrl(Application.GATEWAY));
    env.put("GOVCHAIN_PORTAL_TOKEN_URI", settings.issuer() + "/oauth2/token");
    env.put("GOVCHAIN_ANCHOR_RPC_URL", settings.rpcUrl());
    env.put("GOVCHAIN_ANCHOR_CHAIN_ID", Long.toString(deployment.chainId()));
    env.put("GOVCHAIN_ANCHOR_REGISTRY_ADDRESS", deployment.registry());
    for (Application app : List.of(Application.SEAL, Application.SSC, Application.ACCOUNTING)) {
      Application.Service service = app.service().orElseThrow();
      env.put("GOVCHAIN_" + service.envPrefix() + "_LOG_ORIGIN", service.origin());
      NoteSigner signer = signers.get(app);
      if (signer != null) {
        env.put("GOVCHAIN_" + service.envPrefix() + "_LOG_VERIFIER_KEY", signer.verifierKey());
      }
    }
  }

  /**
   * With the authorization server in the suite, tokens are checked against it; without it (not
   * built yet) the JWT variables of the launcher's environment apply unchanged.
   */
  private void putTokenChecks(Map<String, String> env) {
    if (running.contains(Application.AUTH_SERVER)) {
      env.put("GOVCHAIN_JWT_ISSUER_URI", settings.issuer());
      env.put("GOVCHAIN_JWT_JWK_SET_URI", settings.issuer() + "/oauth2/jwks");
    }
  }

  private String localUrl(Application app) {
    return "http://127.0.0.1:" + settings.port(app.portVariable());
  }
}
