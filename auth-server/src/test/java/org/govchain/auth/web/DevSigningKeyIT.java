package org.govchain.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.govchain.auth.keys.DevelopmentSigningKeys;
import org.govchain.auth.testing.HttpTestClient;
import org.govchain.auth.testing.RunningAuthServer;
import org.junit.jupiter.api.Test;

/** The generated development key survives a restart, so tokens issued before stay valid. */
class DevSigningKeyIT {

  @Test
  void aSecondStartWithTheSameDataDirectorySignsWithTheSameKeyAndAcceptsEarlierTokens()
      throws Exception {
    Path dataDir = RunningAuthServer.newTempDir().resolve("auth");
    String firstToken;
    String firstKid;
    try (RunningAuthServer first = start(dataDir)) {
      firstToken = token(first);
      firstKid = SignedJWT.parse(firstToken).getHeader().getKeyID();
      assertThat(first.servedJwks().getKeyByKeyId(firstKid)).isNotNull();
    }
    assertThat(dataDir.resolve(DevelopmentSigningKeys.FILE_NAME)).isRegularFile();

    try (RunningAuthServer second = start(dataDir)) {
      JWKSet secondJwks = second.servedJwks();
      assertThat(secondJwks.getKeys())
          .singleElement()
          .satisfies(key -> assertThat(key.getKeyID()).isEqualTo(firstKid));
      assertThat(RunningAuthServer.verify(firstToken, secondJwks).getStringListClaim("roles"))
          .containsExactly("seal-clerk");
      assertThat(SignedJWT.parse(token(second)).getHeader().getKeyID()).isEqualTo(firstKid);
    }
  }

  private static RunningAuthServer start(Path dataDir) {
    return RunningAuthServer.start(Map.of(), "govchain.auth.data-dir=" + dataDir);
  }

  private static String token(RunningAuthServer server) {
    HttpResponse<String> response =
        server.http().clientCredentials("seal-clerk", "seal-clerk-dev-secret", true);
    assertThat(response.statusCode()).isEqualTo(200);
    return (String) HttpTestClient.json(response).get("access_token");
  }
}
