package org.govchain.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server for tests: the one named by {@code GOVCHAIN_TEST_PG_URL} (system
 * property first, then environment; a JDBC URL with user and password, e.g. {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), otherwise embedded PostgreSQL binaries
 * started once per JVM. Each {@link #newDatabase()} is a fresh, empty database.
 *
 * <p>{@link #startEmbedded(Path)} makes a server of the caller's own, whatever is configured, that
 * can be stopped and started again on its port and data directory ({@link #stop()}, {@link
 * #start()}): the fault campaign takes the database away from running services without touching any
 * other test's server.
 */
public final class PostgresServer implements AutoCloseable {

  /** Names the external server to use instead of the embedded one. */
  public static final String URL_PROPERTY = "GOVCHAIN_TEST_PG_URL";

  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final String adminJdbcUrl;

  /** The data directory of a server that can be restarted; null otherwise. */
  private final Path dataDirectory;

  /** The running embedded server; null for an external server or while stopped. */
  private volatile EmbeddedPostgres embedded;

  private PostgresServer(
      String host,
      int port,
      String user,
      String password,
      String adminJdbcUrl,
      EmbeddedPostgres embedded,
      Path dataDirectory) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.adminJdbcUrl = adminJdbcUrl;
    this.embedded = embedded;
    this.dataDirectory = dataDirectory;
  }

  /** Connects to the configured server, or starts the embedded one. */
  public static PostgresServer startOrConnect() {
    String url = System.getProperty(URL_PROPERTY, System.getenv(URL_PROPERTY));
    if (url != null && !url.isBlank()) {
      return connect(url);
    }
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      return new PostgresServer(
          "127.0.0.1",
          pg.getPort(),
          "postgres",
          "",
          pg.getJdbcUrl("postgres", "postgres"),
          pg,
          null);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  private static PostgresServer connect(String jdbcUrl) {
    org.postgresql.Driver driver = new org.postgresql.Driver();
    java.util.Properties props = org.postgresql.Driver.parseURL(jdbcUrl, null);
    if (props == null || !driver.acceptsURL(jdbcUrl)) {
      throw new IllegalArgumentException(
          URL_PROPERTY + " is not a PostgreSQL JDBC URL: " + jdbcUrl);
    }
    String host = props.getProperty("PGHOST", "127.0.0.1").split(",")[0];
    int port = Integer.parseInt(props.getProperty("PGPORT", "5432").split(",")[0]);
    String user = props.getProperty("user", "postgres");
    String password = props.getProperty("password", "");
    try (Connection c = DriverManager.getConnection(jdbcUrl)) {
      c.isValid(5);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot connect to "
              + URL_PROPERTY
              + " server at "
              + host
              + ":"
              + port
              + ": "
              + e.getMessage(),
          e);
    }
    return new PostgresServer(host, port, user, password, jdbcUrl, null, null);
  }

  /**
   * Starts embedded PostgreSQL binaries as a server of the caller's own, on a free port, its data
   * in {@code dataDirectory} (which must not hold a cluster yet) — never the configured server,
   * since the caller means to stop it. Unlike the shared embedded server it commits synchronously,
   * so that a crash ({@link #stopImmediately()}) loses nothing committed. The caller closes it.
   */
  public static PostgresServer startEmbedded(Path dataDirectory) {
    EmbeddedPostgres pg = embeddedOn(dataDirectory, 0);
    return new PostgresServer(
        "127.0.0.1",
        pg.getPort(),
        "postgres",
        "",
        pg.getJdbcUrl("postgres", "postgres"),
        pg,
        dataDirectory);
  }

  private static EmbeddedPostgres embeddedOn(Path dataDirectory, int port) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              // kept on stop: a start must find the databases as they were
              .setCleanDataDirectory(false)
              // zonky's default (off) loses the last commits in a crash (stopImmediately): a
              // server meant to be taken away must keep what it acknowledged, as a real one does
              .setServerConfig("synchronous_commit", "on");
      if (port != 0) {
        builder.setPort(port);
      }
      return builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  /**
   * Stops a server made by {@link #startEmbedded(Path)} as {@code pg_ctl stop} does (fast mode:
   * open sessions are ended, committed data is kept); clients' connections fail until {@link
   * #start()}.
   */
  public synchronized void stop() throws IOException {
    requireRestartable();
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
  }

  /**
   * Stops a server made by {@link #startEmbedded(Path)} as a crash would, as {@code pg_ctl stop -m
   * immediate} does: SIGQUIT to the postmaster, every server process quits at once without a
   * shutdown checkpoint, and the next {@link #start()} recovers from the write-ahead log. Committed
   * data is kept; clients' connections fail until then. (The embedded server's own stop, run after
   * it to let go of the data directory, finds no server and logs that it could not stop it.)
   */
  public synchronized void stopImmediately() throws IOException {
    requireRestartable();
    if (embedded == null) {
      return;
    }
    long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0));
    ProcessHandle postmaster =
        ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException("no postmaster with pid " + pid));
    try {
      // pg_ctl itself refuses to run as root, and the JDK sends no SIGQUIT
      Process kill =
          new ProcessBuilder("kill", "-s", "QUIT", Long.toString(pid))
              .redirectErrorStream(true)
              .start();
      String output = new String(kill.getInputStream().readAllBytes());
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill -s QUIT " + pid + " failed: " + output);
      }
      postmaster.onExit().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the postmaster " + pid + " did not quit", e);
    }
    embedded.close();
    embedded = null;
  }

  /** Whether a server made by {@link #startEmbedded(Path)} is running (not stopped). */
  public boolean isRunning() {
    return embedded != null;
  }

  /** Starts a stopped server again, on the same port and data directory. */
  public synchronized void start() {
    requireRestartable();
    if (embedded == null) {
      embedded = embeddedOn(dataDirectory, port);
    }
  }

  private void requireRestartable() {
    if (dataDirectory == null) {
      throw new IllegalStateException("only a server of startEmbedded(dataDirectory) restarts");
    }
  }

  /** Creates a fresh, empty database on this server. */
  public Database newDatabase() {
    String name = "govchain_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(adminJdbcUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name.toLowerCase(Locale.ROOT));
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create test database " + name + ": " + e.getMessage(), e);
    }
    return new Database(host, port, name, user, password);
  }

  /** Host of the server. */
  public String host() {
    return host;
  }

  /** Port of the server. */
  public int port() {
    return port;
  }

  /** Whether this is the embedded server started by the tests. */
  public boolean isEmbedded() {
    return embedded != null || dataDirectory != null;
  }

  @Override
  public synchronized void close() throws IOException {
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
  }

  /**
   * One database on the server, with URLs for JDBC (Flyway) and R2DBC (everything else).
   *
   * @param host server host
   * @param port server port
   * @param name database name
   * @param user user name
   * @param password password (may be empty)
   */
  public record Database(String host, int port, String name, String user, String password) {

    /** {@code jdbc:postgresql://host:port/name}. */
    public String jdbcUrl() {
      return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** {@code r2dbc:postgresql://host:port/name}. */
    public String r2dbcUrl() {
      return "r2dbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** A new JDBC connection, for assertions made straight against the tables. */
    public Connection connect() throws SQLException {
      return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /**
     * Spring properties pointing R2DBC and Flyway at this database, as {@code key=value} strings
     * for {@code @SpringBootTest(properties=…)} or {@code SpringApplicationBuilder.properties}.
     */
    public String[] springProperties() {
      return new String[] {
        "spring.r2dbc.url=" + r2dbcUrl(),
        "spring.r2dbc.username=" + user,
        "spring.r2dbc.password=" + password,
        "spring.flyway.url=" + jdbcUrl(),
        "spring.flyway.user=" + user,
        "spring.flyway.password=" + password
      };
    }
  }
}
