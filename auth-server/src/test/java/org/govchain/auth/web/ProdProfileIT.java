package org.govchain.auth.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.govchain.auth.config.AuthServerProperties;
import org.govchain.auth.keys.KeystoreSigningKeys;
import org.govchain.auth.testing.BrowserSignIn;
import org.govchain.auth.testing.HttpTestClient;
import org.govchain.auth.testing.RunningAuthServer;
import org.govchain.auth.testing.TestKeystores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The {@code prod} profile: it refuses the dev-only defaults, and starts with a keystore and
 * configured clients and users, all given as the environment variables README documents.
 */
class ProdProfileIT {

  private static final String STORE_PASSWORD = "prod-test-store-password";
  private static final String ISSUER = "https://auth.city.example";
  private static final String REDIRECT = "https://gov.city.example/swagger-ui/oauth2-redirect.html";

  private static Path keystore;

  @BeforeAll
  static void makeKeystore() {
    keystore =
        TestKeystores.addRsaKey(
            RunningAuthServer.newTempDir().resolve("auth-signing.p12"),
            "govchain-auth",
            STORE_PASSWORD);
  }

  @Test
  void prodWithTheLocalDefaultsRefusesToStartAndGeneratesNoKey() throws Exception {
    Path dataDir = RunningAuthServer.newTempDir();
    Map<String, Object> env =
        Map.of("SPRING_PROFILES_ACTIVE", "prod", "GOVCHAIN_AUTH_DATA_DIR", dataDir.toString());

    assertThatThrownBy(() -> RunningAuthServer.start(env).close())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the prod profile refuses to start")
        .hasMessageContaining("generated development key")
        .hasMessageContaining("demo clients and users")
        .hasMessageContaining("GOVCHAIN_AUTH_DEMO_ENABLED=false")
        .hasMessageContaining("GOVCHAIN_AUTH_ISSUER");
    try (Stream<Path> files = Files.list(dataDir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void prodRefusesTheDemoAccountsEvenWithAKeystore() {
    Map<String, Object> env = prodEnvironment();
    env.put("GOVCHAIN_AUTH_DEMO_ENABLED", "true");

    assertThatThrownBy(() -> RunningAuthServer.start(env).close())
        .rootCause()
        .hasMessageStartingWith("the prod profile refuses to start")
        .hasMessageContaining("demo clients and users")
        .hasMessageNotContaining("development key");
  }

  @Test
  void prodRefusesTheGeneratedKeyEvenWithoutDemoAccounts() {
    Map<String, Object> env = prodEnvironment();
    env.remove("GOVCHAIN_AUTH_KEYSTORE");

    assertThatThrownBy(() -> RunningAuthServer.start(env).close())
        .rootCause()
        .hasMessageStartingWith("the prod profile refuses to start")
        .hasMessageContaining("generated development key")
        .hasMessageNotContaining("demo");
  }

  @Test
  void prodWithAKeystoreAndConfiguredAccountsStartsAndSignsWithTheKeystoreKey() throws Exception {
    String expectedKid =
        KeystoreSigningKeys.load(
                new AuthServerProperties.SigningKey(
                    keystore.toString(), "PKCS12", STORE_PASSWORD, "", ""))
            .keyId();

    try (RunningAuthServer server = RunningAuthServer.start(prodEnvironment())) {
      JWKSet jwks = server.servedJwks();
      assertThat(jwks.getKeys())
          .singleElement()
          .satisfies(key -> assertThat(key.getKeyID()).isEqualTo(expectedKid));

      HttpResponse<String> response =
          server.http().clientCredentials("front-desk", "front-desk-secret", true);
      assertThat(response.statusCode()).isEqualTo(200);
      String token = (String) HttpTestClient.json(response).get("access_token");
      assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo(expectedKid);
      JWTClaimsSet claims = RunningAuthServer.verify(token, jwks);
      assertThat(claims.getIssuer()).isEqualTo(ISSUER);
      assertThat(claims.getSubject()).isEqualTo("front-desk");
      assertThat(claims.getStringListClaim("roles")).containsExactly("service-point", "auditor");
      assertThat(claims.getAudience()).contains("govchain");

      assertThat(
              server
                  .http()
                  .clientCredentials("seal-clerk", "seal-clerk-dev-secret", true)
                  .statusCode())
          .as("no demo client in prod")
          .isEqualTo(401);

      BrowserSignIn browser = new BrowserSignIn(server.http(), "govchain-web", REDIRECT);
      String code =
          browser.codeFrom(browser.signIn(browser.authorizeUrl(), "li.na", "li-na-password"));
      HttpResponse<String> tokens = browser.exchange(code, browser.verifier());
      assertThat(tokens.statusCode()).isEqualTo(200);
      JWTClaimsSet user =
          RunningAuthServer.verify((String) HttpTestClient.json(tokens).get("access_token"), jwks);
      assertThat(user.getSubject()).isEqualTo("li.na");
      assertThat(user.getStringListClaim("roles")).containsExactly("ssc-clerk");
    }
  }

  /** A fit production configuration, as environment variables. */
  private static Map<String, Object> prodEnvironment() {
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    Map<String, Object> env = new HashMap<>();
    env.put("SPRING_PROFILES_ACTIVE", "prod");
    env.put("GOVCHAIN_AUTH_ISSUER", ISSUER);
    env.put("GOVCHAIN_AUTH_DATA_DIR", RunningAuthServer.newTempDir().toString());
    env.put("GOVCHAIN_AUTH_KEYSTORE", keystore.toString());
    env.put("GOVCHAIN_AUTH_KEYSTORE_PASSWORD", STORE_PASSWORD);
    env.put("GOVCHAIN_AUTH_DEMO_ENABLED", "false");
    env.put("GOVCHAIN_AUTH_WEB_REDIRECT_URIS", REDIRECT);
    env.put("GOVCHAIN_AUTH_CLIENTS_0_ID", "front-desk");
    env.put("GOVCHAIN_AUTH_CLIENTS_0_SECRET", "{bcrypt}" + bcrypt.encode("front-desk-secret"));
    env.put("GOVCHAIN_AUTH_CLIENTS_0_ROLES", "service-point,auditor");
    env.put("GOVCHAIN_AUTH_USERS_0_NAME", "li.na");
    env.put("GOVCHAIN_AUTH_USERS_0_PASSWORD", "{bcrypt}" + bcrypt.encode("li-na-password"));
    env.put("GOVCHAIN_AUTH_USERS_0_ROLES", "ssc-clerk");
    return env;
  }
}
