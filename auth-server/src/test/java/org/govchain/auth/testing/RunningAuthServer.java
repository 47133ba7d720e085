package org.govchain.auth.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.govchain.auth.AuthServerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The real auth server application on a free port, started for a test and closed after it. */
public final class RunningAuthServer implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final URI baseUrl;
  private final HttpTestClient http;

  private RunningAuthServer(ConfigurableApplicationContext context) {
    this.context = context;
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.baseUrl = URI.create("http://127.0.0.1:" + port);
    this.http = new HttpTestClient(baseUrl);
  }

  /**
   * Starts the application with command-line style settings ({@code name=value}) and, optionally,
   * environment variables as the operator would set them.
   */
  public static RunningAuthServer start(Map<String, Object> environment, String... settings) {
    return start(environment, null, settings);
  }

  /**
   * Starts the application as {@link #start(Map, String...)} does, with {@code clock} (when not
   * null) as its clock, registered before any bean is made so the application's own steps aside.
   */
  public static RunningAuthServer start(
      Map<String, Object> environment, Clock clock, String... settings) {
    List<String> args = new ArrayList<>(List.of("--spring.main.banner-mode=off"));
    if (List.of(settings).stream().noneMatch(s -> s.startsWith("server.port="))) {
      args.add("--server.port=0");
    }
    for (String setting : settings) {
      args.add("--" + setting);
    }
    StandardEnvironment env = new StandardEnvironment();
    if (!environment.isEmpty()) {
      // named like the real one, so Spring binds GOVCHAIN_AUTH_CLIENTS_0_ID the same way
      env.getPropertySources()
          .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", environment));
    }
    SpringApplicationBuilder application =
        new SpringApplicationBuilder(AuthServerApplication.class).environment(env);
    if (clock != null) {
      application.initializers(c -> c.getBeanFactory().registerSingleton("testClock", clock));
    }
    return new RunningAuthServer(application.run(args.toArray(String[]::new)));
  }

  /** Starts the application with the given settings and a fresh data directory. */
  public static RunningAuthServer startDev(String... settings) {
    return startDev(null, settings);
  }

  /** Starts the application with the given settings, clock and a fresh data directory. */
  public static RunningAuthServer startDev(Clock clock, String... settings) {
    List<String> all = new ArrayList<>(List.of("govchain.auth.data-dir=" + newTempDir()));
    all.addAll(List.of(settings));
    return start(Map.of(), clock, all.toArray(String[]::new));
  }

  /** A new empty temporary directory. */
  public static Path newTempDir() {
    try {
      return Files.createTempDirectory("auth-server-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A TCP port that was free a moment ago (for tests whose issuer must name the real port). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI baseUrl() {
    return baseUrl;
  }

  public HttpTestClient http() {
    return http;
  }

  /** The JWK set the server publishes, fetched over HTTP. */
  public JWKSet servedJwks() {
    try {
      return JWKSet.parse(http.get("/oauth2/jwks").body());
    } catch (ParseException e) {
      throw new IllegalStateException("the JWKS is not a JWK set", e);
    }
  }

  /**
   * Verifies an RS256 JWT against a JWK set with Nimbus (signature, {@code exp}, {@code nbf}) and
   * returns its claims.
   */
  public static JWTClaimsSet verify(String jwt, JWKSet keys)
      throws ParseException, BadJOSEException, JOSEException {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
    return processor.process(jwt, null);
  }

  @Override
  public void close() {
    context.close();
  }
}
