package org.govchain.auth.testing;

/**
 * One auth server with the local defaults (demo clients and users, generated dev key in a fresh
 * directory) shared by the test classes that only read from it; its issuer names its real port, so
 * resource servers can discover it by {@code issuer-uri}. Closed when the JVM ends.
 */
public final class SharedDevServer {

  private static RunningAuthServer server;
  private static String issuer;

  private SharedDevServer() {}

  public static synchronized RunningAuthServer get() {
    if (server == null) {
      int port = RunningAuthServer.freePort();
      issuer = "http://localhost:" + port;
      server = RunningAuthServer.startDev("server.port=" + port, "govchain.auth.issuer=" + issuer);
      RunningAuthServer started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "auth-server-test-stop"));
    }
    return server;
  }

  /** The shared server's issuer ({@code http://localhost:<port>}). */
  public static synchronized String issuer() {
    get();
    return issuer;
  }
}
