package org.govchain.anchor.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

class PublicPathsTest {

  private static boolean matches(String[] patterns, String path) {
    return Arrays.stream(patterns)
        .map(PathPatternParser.defaultInstance::parse)
        .anyMatch(p -> p.matches(PathContainer.parsePath(path)));
  }

  @Test
  void aServicesApiDocumentIsPublicAsJsonAndAsYaml() {
    String[] seal = PublicPaths.apiDocs("/api/seal");
    assertThat(matches(seal, "/api/seal/v3/api-docs")).isTrue();
    assertThat(matches(seal, "/api/seal/v3/api-docs.yaml")).isTrue();
    assertThat(matches(seal, "/api/seal/v3/api-docs/swagger-config")).isTrue();
    assertThat(matches(seal, "/api/seal/v3/api-docs.yml")).isFalse();
    assertThat(matches(seal, "/api/seal/seals")).isFalse();
    assertThat(matches(seal, "/api/ssc/v3/api-docs.yaml")).isFalse();
  }

  @Test
  void theGatewaysPatternForEveryServiceCoversEachServicesPaths() {
    for (String service : new String[] {"seal", "ssc", "accounting"}) {
      String prefix = "/api/" + service;
      for (String path : PublicPaths.apiDocs(prefix)) {
        String concrete = path.replace("/**", "/swagger-config");
        assertThat(matches(PublicPaths.apiDocs("/api/*"), concrete)).as(concrete).isTrue();
      }
      for (String path : PublicPaths.logProofs(prefix)) {
        String concrete = path.replace("{size}", "7");
        assertThat(matches(PublicPaths.logProofs("/api/*"), concrete)).as(concrete).isTrue();
      }
    }
    assertThat(matches(PublicPaths.logProofs("/api/*"), "/api/seal/log/entries/0")).isFalse();
  }

  @Test
  void eachCallGetsItsOwnArray() {
    String[] health = PublicPaths.health();
    health[0] = "/changed";
    assertThat(PublicPaths.health()[0]).isEqualTo("/actuator/health");
  }
}
