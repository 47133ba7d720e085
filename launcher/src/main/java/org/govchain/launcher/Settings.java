package org.govchain.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the launcher reads from its environment: the repository, the state directory, the
 * ports and the optional external PostgreSQL server.
 *
 * @param root the repository root (holds {@code infra/devchain} and the modules' {@code target/})
 * @param home the state directory, {@code GOVCHAIN_HOME}, default {@code <root>/.govchain}
 * @param chainPort dev chain JSON-RPC port, {@code GOVCHAIN_CHAIN_PORT}
 * @param postgresPort embedded PostgreSQL port, {@code GOVCHAIN_PG_PORT}
 * @param externalPostgres the server named by {@code GOVCHAIN_PG_URL}, if any
 * @param ports the applications' HTTP ports by environment variable name ({@code AUTH_PORT}, …)
 * @param startTimeout how long one application may take to report healthy
 * @param environment the launcher's own environment, passed on to every child
 */
record Settings(
    Path root,
    Path home,
    int chainPort,
    int postgresPort,
    Optional<ExternalPostgres> externalPostgres,
    Map<String, Integer> ports,
    Duration startTimeout,
    Map<String, String> environment) {

  static final int DEFAULT_CHAIN_PORT = 8545;
  static final int DEFAULT_POSTGRES_PORT = 5433;
  static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(240);

  /**
   * A PostgreSQL server to use instead of the embedded one.
   *
   * @param jdbcUrl JDBC URL of a database the user may connect to (the service databases are
   *     created beside it)
   * @param user user name (may be empty, then taken from the URL)
   * @param password password (may be empty)
   */
  record ExternalPostgres(String jdbcUrl, String user, String password) {
    /** Names the server, never the password. */
    @Override
    public String toString() {
      return "ExternalPostgres[" + jdbcUrl + ", user=" + user + "]";
    }
  }

  /**
   * Reads the settings.
   *
   * @param root the repository root
   * @param env the environment
   * @throws IllegalArgumentException naming the variable that holds a bad value
   */
  static Settings from(Path root, Map<String, String> env) {
    Path home =
        Optional.ofNullable(blankToNull(env.get("GOVCHAIN_HOME")))
            .map(Path::of)
            .orElse(root.resolve(".govchain"))
            .toAbsolutePath()
            .normalize();
    Optional<ExternalPostgres> external =
        Optional.ofNullable(blankToNull(env.get("GOVCHAIN_PG_URL")))
            .map(
                url -> {
                  if (!url.startsWith("jdbc:postgresql:")) {
                    throw new IllegalArgumentException(
                        "GOVCHAIN_PG_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db),"
                            + " got "
                            + url);
                  }
                  return new ExternalPostgres(
                      url,
                      env.getOrDefault("GOVCHAIN_PG_USER", ""),
                      env.getOrDefault("GOVCHAIN_PG_PASSWORD", ""));
                });
    Map<String, Integer> ports =
        Map.of(
            "AUTH_PORT", port(env, "AUTH_PORT", 9000),
            "SEAL_PORT", port(env, "SEAL_PORT", 8081),
            "SSC_PORT", port(env, "SSC_PORT", 8082),
            "ACCOUNTING_PORT", port(env, "ACCOUNTING_PORT", 8083),
            "PORTAL_PORT", port(env, "PORTAL_PORT", 8084),
            "GATEWAY_PORT", port(env, "GATEWAY_PORT", 8080));
    Duration timeout = DEFAULT_START_TIMEOUT;
    String configuredTimeout = blankToNull(env.get("GOVCHAIN_START_TIMEOUT"));
    if (configuredTimeout != null) {
      timeout = Duration.ofSeconds(positive("GOVCHAIN_START_TIMEOUT", configuredTimeout));
    }
    return new Settings(
        root.toAbsolutePath().normalize(),
        home,
        port(env, "GOVCHAIN_CHAIN_PORT", DEFAULT_CHAIN_PORT),
        port(env, "GOVCHAIN_PG_PORT", DEFAULT_POSTGRES_PORT),
        external,
        ports,
        timeout,
        Map.copyOf(env));
  }

  /** The port set by the variable {@code name} ({@code AUTH_PORT}, {@code SEAL_PORT}, …). */
  int port(String name) {
    Integer port = ports.get(name);
    if (port == null) {
      throw new IllegalArgumentException("no port setting " + name);
    }
    return port;
  }

  /** The dev chain's JSON-RPC URL. */
  String rpcUrl() {
    return "http://127.0.0.1:" + chainPort;
  }

  /** The authorization server's issuer URL (what tokens carry as {@code iss}). */
  String issuer() {
    return "http://localhost:" + port("AUTH_PORT");
  }

  /** A file or directory of the repository, e.g. {@code seal-service/target/x.jar}. */
  Path repoFile(String relative) {
    return root.resolve(relative);
  }

  /** Whether the repository looks like GovChain's (holds the dev chain's package.json). */
  boolean isRepository() {
    return Files.isRegularFile(root.resolve("infra/devchain/package.json"));
  }

  private static int port(Map<String, String> env, String name, int defaultPort) {
    String value = blankToNull(env.get(name));
    if (value == null) {
      return defaultPort;
    }
    int port = positive(name, value);
    if (port > 65535) {
      throw new IllegalArgumentException(name + " must be a TCP port (1-65535), got " + value);
    }
    return port;
  }

  private static int positive(String name, String value) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n <= 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a positive number, got " + value, e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
