package org.govchain.testsupport.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.govchain.testsupport.tokens.Pkce;
import org.govchain.testsupport.tokens.TestIssuer;
import tools.jackson.databind.JsonNode;

/**
 * The packaged auth server running as its own process, and a client of it: access tokens from its
 * token endpoint for the dev demo clients (client credentials) and for demo users signing in
 * through its login form (authorization code with PKCE, as a browser does it).
 */
public final class AuthServer implements AutoCloseable {

  /** The public web client registered by the auth server (no secret, PKCE required). */
  public static final String WEB_CLIENT = "govchain-web";

  /** The file in which the auth server keeps its generated development signing key. */
  public static final String DEV_KEY_FILE = "dev-signing-key.jwk.json";

  private static final Pattern CSRF =
      Pattern.compile(
          "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

  private final Path jar;
  private final int port;
  private final String issuer;
  private final Path dataDir;
  private final String webRedirectUri;
  private volatile AppProcess process;

  private AuthServer(Path jar, int port, Path dataDir, String webRedirectUri) {
    this.jar = jar;
    this.port = port;
    this.issuer = "http://localhost:" + port;
    this.dataDir = dataDir;
    this.webRedirectUri = webRedirectUri;
    this.process = launch();
  }

  /**
   * Starts the jar on a free port with issuer {@code http://localhost:<port>}, its dev key kept in
   * {@code dataDir}, and the web client's only redirect URI {@code webRedirectUri}.
   */
  public static AuthServer start(Path jar, Path dataDir, String webRedirectUri) {
    return new AuthServer(jar, FreePorts.next(), dataDir, webRedirectUri);
  }

  private AppProcess launch() {
    Map<String, String> env =
        Map.of(
            "AUTH_PORT",
            Integer.toString(port),
            "GOVCHAIN_AUTH_ISSUER",
            issuer,
            "GOVCHAIN_AUTH_DATA_DIR",
            dataDir.toString(),
            "GOVCHAIN_JWT_AUDIENCE",
            TestIssuer.AUDIENCE.get(0),
            "GOVCHAIN_AUTH_WEB_REDIRECT_URIS",
            webRedirectUri);
    return AppProcess.start(
        "auth-server", jar, port, env, List.of("--spring.main.banner-mode=off"));
  }

  /**
   * SIGKILL to the auth server's JVM ({@link AppProcess#kill()}), as a crash would; returns once it
   * is gone and its port is free.
   */
  public void kill() {
    process.kill();
  }

  /**
   * Starts it again after {@link #kill()} on the same port, issuer and data directory — so with the
   * same signing key: tokens it issued before still verify — and waits until it is healthy.
   *
   * @throws IllegalStateException if it is still running
   */
  public void restart() {
    if (process.isAlive()) {
      throw new IllegalStateException(
          "the auth server is still running (pid " + process.pid() + ")");
    }
    process = launch();
  }

  /** Its port (the same in every life). */
  public int port() {
    return port;
  }

  /** The issuer: every token's {@code iss}, and what resource servers are configured with. */
  public String issuer() {
    return issuer;
  }

  /** Its JWK set URL. */
  public String jwkSetUri() {
    return issuer + "/oauth2/jwks";
  }

  /** The generated development signing key (a private JWK), in the data directory given to it. */
  public Path signingKeyFile() {
    return dataDir.resolve(DEV_KEY_FILE);
  }

  public String webRedirectUri() {
    return webRedirectUri;
  }

  public AppProcess process() {
    return process;
  }

  /**
   * An access token of the dev demo client for {@code role} (client credentials grant).
   *
   * @throws java.io.UncheckedIOException when the token endpoint cannot be reached (the server
   *     down)
   */
  public String clientToken(String role) {
    return clientToken(role, role + "-dev-secret");
  }

  /** An access token from the token endpoint with the client credentials grant (HTTP Basic). */
  public String clientToken(String clientId, String secret) {
    Browser client = new Browser();
    String basic =
        Base64.getEncoder()
            .encodeToString((form(clientId) + ":" + form(secret)).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> answer =
        client.postForm(
            "/oauth2/token",
            Map.of("grant_type", "client_credentials"),
            Map.of("Authorization", "Basic " + basic));
    return accessToken(answer);
  }

  /**
   * Signs {@code user} in as a browser would, through the web client: the authorization request
   * with a PKCE (S256) challenge, the login form (with its CSRF token and the session cookie), the
   * redirect back to the web client with a code, and the code exchanged with the verifier.
   */
  public SignIn signIn(String user, String password) {
    Browser browser = new Browser();
    String verifier = Pkce.randomToken();
    String state = Pkce.randomToken();
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", WEB_CLIENT);
    query.put("redirect_uri", webRedirectUri);
    query.put("scope", "openid profile");
    query.put("state", state);
    query.put("code_challenge", Pkce.challenge(verifier));
    query.put("code_challenge_method", "S256");

    HttpResponse<String> toLogin = browser.get("/oauth2/authorize?" + formBody(query));
    assertThat(toLogin.statusCode()).as("authorize → login: %s", toLogin).isEqualTo(302);
    String loginPage = browser.location(toLogin);
    assertThat(URI.create(loginPage).getPath()).isEqualTo("/login");
    HttpResponse<String> form = browser.get(loginPage);
    assertThat(form.statusCode()).isEqualTo(200);
    HttpResponse<String> posted =
        browser.postForm(
            loginPage,
            Map.of("username", user, "password", password, "_csrf", csrfToken(form.body())),
            Map.of());
    assertThat(posted.statusCode()).as("login answers with a redirect").isEqualTo(302);
    String next = browser.location(posted);
    assertThat(next).as("signed in (not back at the form)").doesNotContain("/login");
    HttpResponse<String> toClient = browser.get(next);
    assertThat(toClient.statusCode())
        .as("the saved authorization request: %s", toClient)
        .isEqualTo(302);
    URI redirect = URI.create(browser.location(toClient));
    assertThat(redirect.toString()).startsWith(webRedirectUri + "?");
    Map<String, String> params = query(redirect);
    assertThat(params).containsEntry("state", state).containsKey("code");

    HttpResponse<String> exchanged =
        browser.postForm(
            "/oauth2/token",
            Map.of(
                "grant_type", "authorization_code",
                "code", params.get("code"),
                "redirect_uri", webRedirectUri,
                "client_id", WEB_CLIENT,
                "code_verifier", verifier),
            Map.of());
    return new SignIn(redirect, accessToken(exchanged));
  }

  /** A finished sign-in: where the browser was sent with the code, and the access token. */
  public record SignIn(URI redirectedTo, String accessToken) {}

  private static String accessToken(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as("token endpoint: %s", answer.body()).isEqualTo(200);
    JsonNode body = Http.JSON.readTree(answer.body());
    assertThat(body.path("token_type").asString()).isEqualToIgnoringCase("Bearer");
    String token = body.path("access_token").asString();
    assertThat(token).isNotBlank();
    return token;
  }

  @Override
  public void close() {
    process.close();
  }

  /** An HTTP client with its own cookie jar that never follows redirects, like a fresh browser. */
  private final class Browser {

    private final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> get(String pathOrUrl) {
      return send(
          request(pathOrUrl).header("Accept", "text/html,application/xhtml+xml").GET().build());
    }

    HttpResponse<String> postForm(
        String pathOrUrl, Map<String, String> fields, Map<String, String> headers) {
      HttpRequest.Builder request =
          request(pathOrUrl)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(formBody(fields)));
      headers.forEach(request::header);
      return send(request.build());
    }

    String location(HttpResponse<String> answer) {
      String location =
          answer
              .headers()
              .firstValue("Location")
              .orElseThrow(() -> new AssertionError("no Location in " + answer));
      return URI.create(issuer + "/").resolve(location).toString();
    }

    private HttpRequest.Builder request(String pathOrUrl) {
      return HttpRequest.newBuilder(URI.create(issuer + "/").resolve(pathOrUrl))
          .timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest request) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static String csrfToken(String loginPage) {
    Matcher m = CSRF.matcher(loginPage);
    if (!m.find()) {
      throw new AssertionError("the login page has no CSRF token: " + loginPage);
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  private static String formBody(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> form(e.getKey()) + "=" + form(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public static Map<String, String> query(URI uri) {
    Map<String, String> params = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        params.put(
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }
}
