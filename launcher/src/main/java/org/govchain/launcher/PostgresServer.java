package org.govchain.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The suite's PostgreSQL: the server named by {@code GOVCHAIN_PG_URL}, or else an embedded real
 * PostgreSQL (zonky binaries) whose data directory {@code postgres/} is kept across starts. Each
 * service gets its own database, created when missing.
 */
final class PostgresServer {

  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final EmbeddedPostgres embedded;
  private final Path dataDir;
  private final String host;
  private final int port;
  private final String adminUrl;
  private final String user;
  private final String password;

  private PostgresServer(
      EmbeddedPostgres embedded,
      Path dataDir,
      String host,
      int port,
      String adminUrl,
      String user,
      String password) {
    this.embedded = embedded;
    this.dataDir = dataDir;
    this.host = host;
    this.port = port;
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
  }

  /**
   * One service's database.
   *
   * @param host server host
   * @param port server port
   * @param name database name
   * @param user user name
   * @param password password (may be empty)
   */
  record Database(String host, int port, String name, String user, String password) {
    String jdbcUrl() {
      return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    String r2dbcUrl() {
      return "r2dbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** Names the database, never the password. */
    @Override
    public String toString() {
      return "Database[" + jdbcUrl() + ", user=" + user + "]";
    }
  }

  /**
   * Connects to the configured server or starts the embedded one.
   *
   * @throws StartupException if the server cannot be reached or started
   */
  static PostgresServer start(Settings settings, Home home) {
    if (settings.externalPostgres().isPresent()) {
      return connect(settings.externalPostgres().get());
    }
    Path log = home.log("postgres");
    try {
      Files.writeString(
          log,
          "=== embedded PostgreSQL started by ./govchain up ===\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(home.postgres())
              .setCleanDataDirectory(false)
              .setPort(settings.postgresPort())
              .setRegisterShutdownHook(false)
              // zonky turns durability off for tests; this data must survive a crash
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setPGStartupWait(Duration.ofSeconds(60))
              .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return new PostgresServer(
          pg,
          home.postgres(),
          "127.0.0.1",
          pg.getPort(),
          "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres",
          "postgres",
          "");
    } catch (IOException | RuntimeException e) {
      throw new StartupException(
          "the embedded PostgreSQL (data in "
              + home.postgres()
              + ", port "
              + settings.postgresPort()
              + ") did not start: "
              + e.getMessage()
              + ". Its log, "
              + log
              + ", ends with:\n"
              + ChildProcess.tail(log, 30),
          e);
    }
  }

  private static PostgresServer connect(Settings.ExternalPostgres external) {
    Properties props = org.postgresql.Driver.parseURL(external.jdbcUrl(), null);
    if (props == null) {
      throw new StartupException(
          "GOVCHAIN_PG_URL is not a PostgreSQL JDBC URL: " + external.jdbcUrl());
    }
    String host = props.getProperty("PGHOST", "localhost").split(",")[0];
    int port = Integer.parseInt(props.getProperty("PGPORT", "5432").split(",")[0]);
    String user =
        external.user().isEmpty() ? props.getProperty("user", "postgres") : external.user();
    String password =
        external.password().isEmpty() ? props.getProperty("password", "") : external.password();
    PostgresServer server =
        new PostgresServer(null, null, host, port, external.jdbcUrl(), user, password);
    try (Connection c = server.admin()) {
      c.isValid(5);
    } catch (SQLException e) {
      throw new StartupException(
          "cannot connect to GOVCHAIN_PG_URL ("
              + host
              + ":"
              + port
              + " as "
              + user
              + "): "
              + e.getMessage(),
          e);
    }
    return server;
  }

  /**
   * The database {@code name}, created if it does not exist yet.
   *
   * @throws StartupException if it cannot be created (e.g. the user lacks CREATEDB)
   */
  Database database(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    try (Connection c = admin();
        PreparedStatement exists =
            c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      boolean present;
      try (ResultSet rs = exists.executeQuery()) {
        present = rs.next();
      }
      if (!present) {
        try (Statement create = c.createStatement()) {
          create.execute("CREATE DATABASE " + name);
        }
      }
    } catch (SQLException e) {
      throw new StartupException(
          "cannot create the database " + name + " on " + host + ":" + port + ": " + e.getMessage(),
          e);
    }
    return new Database(host, port, name, user, password);
  }

  boolean isEmbedded() {
    return embedded != null;
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  /** Whether the server still runs (the embedded postmaster's process; an external one: yes). */
  boolean isAlive() {
    if (embedded == null) {
      return true;
    }
    return postmaster().map(ProcessHandle::isAlive).orElse(false);
  }

  /**
   * The embedded server's postmaster process, from its {@code postmaster.pid}; none if external.
   */
  java.util.Optional<ProcessHandle> postmaster() {
    if (embedded == null) {
      return java.util.Optional.empty();
    }
    Path pidFile = dataDir.resolve("postmaster.pid");
    try {
      String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).get(0).strip();
      return ProcessHandle.of(Long.parseLong(first));
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  /** Stops the embedded server cleanly ({@code pg_ctl stop -m fast}); nothing for an external. */
  void stop() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }

  private Connection admin() throws SQLException {
    return DriverManager.getConnection(adminUrl, user, password);
  }
}
