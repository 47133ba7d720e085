package org.govchain.testsupport.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.TestClock;
import org.govchain.testsupport.tokens.TestIssuer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A record service running in the test's JVM on a random port, against a real PostgreSQL database
 * (a fresh one per test class from {@code @WithPostgres}), trusting a {@link TestIssuer}'s tokens,
 * with a {@link TestClock} as its {@link Clock} and the sequencer every 100 ms. Clients talk to it
 * over HTTP with pooled keep-alive connections, as a city front-end does.
 *
 * <p>Its clients read every answer's whole body into heap memory as it arrives ({@link
 * #readWholeBody}), so that a test that checks only the status leaves no Netty buffer behind: an
 * unread body kept the client's pooled buffers until a GC, and the leak detector then reported them
 * in the service's output (WebTestClient's wiretap does not release what nobody read,
 * spring-projects/spring-framework#36050).
 */
public final class ServiceUnderTest implements AutoCloseable {

  private final Class<?> application;
  private final List<String> properties;
  private final ConfigurableApplicationContext context;
  private final TestIssuer tokens;
  private final TestClock clock;
  private final PostgresServer.Database database;

  private ServiceUnderTest(
      Class<?> application,
      List<String> properties,
      ConfigurableApplicationContext context,
      TestIssuer tokens,
      TestClock clock,
      PostgresServer.Database database) {
    this.application = application;
    this.properties = properties;
    this.context = context;
    this.tokens = tokens;
    this.clock = clock;
    this.database = database;
  }

  /**
   * Starts {@code application} (its {@code @SpringBootApplication} class) on {@code database};
   * {@code properties} ({@code name=value}) are added last and win.
   */
  public static ServiceUnderTest start(
      Class<?> application, PostgresServer.Database database, String... properties) {
    TestIssuer tokens = TestIssuer.generate();
    TestClock clock = TestClock.systemUtc();
    List<String> own = List.of(properties);
    ConfigurableApplicationContext context =
        run(application, database, clock, tokens.publicKeyLocationProperty(), own);
    return new ServiceUnderTest(application, own, context, tokens, clock, database);
  }

  /**
   * Starts another instance of the service with the same settings but no token validation setting
   * at all, which must fail: the exception it fails with.
   */
  public Throwable startWithoutTokenSettings() {
    try {
      run(application, database, TestClock.systemUtc(), null, properties).close();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("the service started without any token validation setting");
  }

  private static ConfigurableApplicationContext run(
      Class<?> application,
      PostgresServer.Database database,
      TestClock clock,
      String trust,
      List<String> properties) {
    // one argument per name, the later winning: Boot joins repeated --name= options with commas
    java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
    List<String> all = new ArrayList<>();
    if (trust != null) {
      all.add(trust);
    }
    all.addAll(List.of(database.springProperties()));
    all.add("server.port=0");
    all.add("spring.main.banner-mode=off");
    all.add("govchain.log.sequencer.interval=100ms");
    all.addAll(properties);
    for (String p : all) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("a setting is name=value: " + p);
      }
      settings.remove(p.substring(0, eq));
      settings.put(p.substring(0, eq), p.substring(eq + 1));
    }
    List<String> args = new ArrayList<>();
    settings.forEach((name, value) -> args.add("--" + name + "=" + value));
    return new SpringApplicationBuilder(application)
        // before any bean is made, so the starter's default Clock steps aside
        .initializers(c -> c.getBeanFactory().registerSingleton("govchainClock", clock))
        .run(args.toArray(String[]::new));
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  /** The issuer whose tokens the service trusts. */
  public TestIssuer tokens() {
    return tokens;
  }

  /** The service's clock: {@link TestClock#advance} instead of sleeping. */
  public TestClock clock() {
    return clock;
  }

  public PostgresServer.Database database() {
    return database;
  }

  /** {@code http://localhost:<port>} of the running service. */
  public String baseUrl() {
    return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }

  /** A client whose token names {@code subject} and grants {@code roles}. */
  public WebTestClient client(String subject, String... roles) {
    return withToken(tokens.token(subject, roles));
  }

  /** A client without a token. */
  public WebTestClient anonymous() {
    return withToken(null);
  }

  /** A client that sends {@code token} as its bearer token, or none if it is null. */
  public WebTestClient withToken(String token) {
    WebTestClient.Builder builder =
        WebTestClient.bindToServer()
            .baseUrl(baseUrl())
            .responseTimeout(Duration.ofSeconds(90))
            .filter(ServiceUnderTest::readWholeBody)
            .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024));
    if (token != null) {
      builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    return builder.build();
  }

  /**
   * The answer with its body already read and released: the same bytes, in heap memory that needs
   * no release, whether or not the test reads them.
   */
  static Mono<ClientResponse> readWholeBody(ClientRequest request, ExchangeFunction next) {
    return next.exchange(request)
        .flatMap(
            response ->
                DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()))
                    .map(ServiceUnderTest::onHeap)
                    .defaultIfEmpty(Flux.empty())
                    // body(Function), not body(Flux): the latter subscribes to the read body again
                    .map(heap -> response.mutate().body(read -> heap).build()));
  }

  private static Flux<DataBuffer> onHeap(DataBuffer joined) {
    byte[] bytes = new byte[joined.readableByteCount()];
    joined.read(bytes);
    DataBufferUtils.release(joined);
    return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes));
  }

  /** The row count of each of {@code tables}: compare before and after a refused write. */
  public Map<String, Long> rowCounts(String... tables) {
    // one connection and one statement for all: a connection is a new server process, which
    // made the counts most of a refused request's check
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < tables.length; i++) {
      if (!tables[i].matches("[a-z_][a-z0-9_]*")) {
        throw new IllegalArgumentException("not a table name: " + tables[i]);
      }
      sql.append(i == 0 ? "" : ", ").append("(SELECT count(*) FROM ").append(tables[i]).append(')');
    }
    Map<String, Long> counts = new TreeMap<>();
    if (tables.length == 0) {
      return counts;
    }
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql.toString())) {
      r.next();
      for (int i = 0; i < tables.length; i++) {
        counts.put(tables[i], r.getLong(i + 1));
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException(sql.toString(), e);
    }
  }

  /** The single number {@code sql} selects. */
  public long count(String sql) {
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
