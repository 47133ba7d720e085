package org.govchain.auth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govchain.testsupport.tokens.Pkce;

/**
 * A browser signing a person in through the web client: the authorization code flow with PKCE
 * (S256), following the form login over real HTTP with cookies, step by step.
 */
public final class BrowserSignIn {

  private static final Pattern CSRF =
      Pattern.compile(
          "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

  private final HttpTestClient browser;
  private final String clientId;
  private final String redirectUri;
  private final String verifier = Pkce.randomToken();
  private final String state = Pkce.randomToken();

  public BrowserSignIn(HttpTestClient http, String clientId, String redirectUri) {
    this.browser = http.newBrowser();
    this.clientId = clientId;
    this.redirectUri = redirectUri;
  }

  public String verifier() {
    return verifier;
  }

  public String state() {
    return state;
  }

  /** The authorization request URL, with the S256 challenge of {@link #verifier()}. */
  public String authorizeUrl() {
    return authorizeUrl(
        Map.of("code_challenge", Pkce.challenge(verifier), "code_challenge_method", "S256"));
  }

  /** The authorization request URL with extra (or without PKCE) parameters. */
  public String authorizeUrl(Map<String, String> extra) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("redirect_uri", redirectUri);
    query.put("scope", "openid profile");
    query.put("state", state);
    query.putAll(extra);
    StringBuilder url = new StringBuilder("/oauth2/authorize?");
    query.forEach(
        (k, v) ->
            url.append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&'));
    return url.substring(0, url.length() - 1);
  }

  /** Opens a page as a browser does (HTML accepted). */
  public HttpResponse<String> open(String pathOrUrl) {
    return browser.get(pathOrUrl, "Accept", "text/html,application/xhtml+xml");
  }

  /**
   * Runs the authorization request, is sent to the login form, posts the credentials with the
   * form's CSRF token, and follows the redirects; returns the last response (a redirect to the
   * client, the login page again, or an error).
   */
  public HttpResponse<String> signIn(String authorizeUrl, String user, String password) {
    HttpResponse<String> posted = submitLogin(authorizeUrl, user, password);
    assertThat(posted.statusCode()).as("login answers with a redirect").isEqualTo(302);
    String next = location(posted);
    if (next.contains("/login")) {
      return posted; // refused: back to the form
    }
    return open(next); // the saved authorization request, now signed in
  }

  /**
   * Runs the authorization request, is sent to the login form and posts the credentials with the
   * form's CSRF token; returns the answer to that post, unfollowed.
   */
  public HttpResponse<String> submitLogin(String authorizeUrl, String user, String password) {
    HttpResponse<String> toLogin = open(authorizeUrl);
    assertThat(toLogin.statusCode()).as("authorization request redirects to login").isEqualTo(302);
    String loginUrl = location(toLogin);
    assertThat(loginUrl).endsWith("/login");
    HttpResponse<String> form = open(loginUrl);
    assertThat(form.statusCode()).isEqualTo(200);
    return browser.postForm(
        loginUrl,
        Map.of("username", user, "password", password, "_csrf", csrfToken(form.body())),
        "Accept",
        "text/html");
  }

  /** The {@code code} in a redirect to the client, after checking the {@code state}. */
  public String codeFrom(HttpResponse<String> redirectToClient) {
    assertThat(redirectToClient.statusCode()).isEqualTo(302);
    URI target = URI.create(location(redirectToClient));
    assertThat(target.toString()).startsWith(redirectUri + "?");
    Map<String, String> params = query(target);
    assertThat(params).containsEntry("state", state);
    assertThat(params).containsKey("code");
    return params.get("code");
  }

  /** Exchanges a code at the token endpoint as the public client, with the given verifier. */
  public HttpResponse<String> exchange(String code, String codeVerifier) {
    return browser.postForm(
        "/oauth2/token",
        Map.of(
            "grant_type", "authorization_code",
            "code", code,
            "redirect_uri", redirectUri,
            "client_id", clientId,
            "code_verifier", codeVerifier));
  }

  /** A response's {@code Location}, made absolute. */
  public String location(HttpResponse<String> response) {
    String location =
        response
            .headers()
            .firstValue("Location")
            .orElseThrow(() -> new AssertionError("no Location: " + response.statusCode()));
    return browser.resolve(location).toString();
  }

  /** The query parameters of a URI, decoded. */
  public static Map<String, String> query(URI uri) {
    Map<String, String> params = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        params.put(
            java.net.URLDecoder.decode(key, StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  private static String csrfToken(String loginPage) {
    Matcher m = CSRF.matcher(loginPage);
    if (!m.find()) {
      throw new AssertionError("the login page has no CSRF token: " + loginPage);
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }
}
