package org.govchain.auth.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.govchain.auth.config.AuthServerProperties;

/** Builds {@link AuthServerProperties} for unit tests, starting from the local defaults. */
public final class TestSettings {

  public static final List<String> LOCAL_REDIRECTS =
      List.of(
          "http://localhost:8080/swagger-ui/oauth2-redirect.html",
          "http://127.0.0.1:8080/swagger-ui/oauth2-redirect.html");

  private String issuer = "http://localhost:9000";
  private boolean demo = true;
  private String keystore = "";
  private AuthServerProperties.Web web =
      new AuthServerProperties.Web(true, "govchain-web", LOCAL_REDIRECTS);
  private List<AuthServerProperties.Client> clients = List.of();
  private List<AuthServerProperties.User> users = List.of();

  public static TestSettings local() {
    return new TestSettings();
  }

  public TestSettings issuer(String issuer) {
    this.issuer = issuer;
    return this;
  }

  public TestSettings demo(boolean demo) {
    this.demo = demo;
    return this;
  }

  public TestSettings keystore(String keystore) {
    this.keystore = keystore;
    return this;
  }

  public TestSettings web(AuthServerProperties.Web web) {
    this.web = web;
    return this;
  }

  public TestSettings clients(AuthServerProperties.Client... clients) {
    this.clients = List.of(clients);
    return this;
  }

  public TestSettings users(AuthServerProperties.User... users) {
    this.users = List.of(users);
    return this;
  }

  public AuthServerProperties build() {
    return new AuthServerProperties(
        URI.create(issuer),
        "govchain",
        Duration.ofMinutes(15),
        Path.of("unused-data-dir"),
        new AuthServerProperties.SigningKey(keystore, "PKCS12", "pw", "", ""),
        new AuthServerProperties.Demo(demo),
        web,
        clients,
        users,
        AuthServerProperties.Throttle.defaults());
  }
}
