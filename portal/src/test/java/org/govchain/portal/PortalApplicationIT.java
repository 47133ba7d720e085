package org.govchain.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.portal.web.PortalHeadersFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The portal application as browsers reach it: the page, its files, its settings, its headers. */
class PortalApplicationIT {

  private static final String KEY = NoteSigner.generate("seal.city.example").verifierKey();
  private static ConfigurableApplicationContext app;
  private static WebTestClient client;

  @BeforeAll
  static void start() {
    app =
        SpringApplication.run(
            PortalApplication.class,
            "--server.port=0",
            "--spring.main.banner-mode=off",
            "--govchain.portal.chain.registry-address=0x5fbdb2315678afecb367f032d93f642f64180aa3",
            // a list given here replaces application.yml's whole list
            "--govchain.portal.logs[0].name=seal",
            "--govchain.portal.logs[0].origin=seal.city.example",
            "--govchain.portal.logs[0].api-prefix=/api/seal",
            "--govchain.portal.logs[0].verifier-key=" + KEY,
            "--govchain.portal.logs[1].name=ssc",
            "--govchain.portal.logs[1].origin=ssc.city.example",
            "--govchain.portal.logs[1].api-prefix=/api/ssc");
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void servesThePageWithItsContentSecurityPolicy() {
    client
        .get()
        .uri("/portal/")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML)
        .expectHeader()
        .valueEquals("Content-Security-Policy", PortalHeadersFilter.PAGE_CSP)
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("app.js", "portal.css", "lang=\"zh-CN\""));
    client.get().uri("/portal/app.js").exchange().expectStatus().isOk();
    client
        .get()
        .uri("/portal")
        .exchange()
        .expectStatus()
        .isPermanentRedirect()
        .expectHeader()
        .valueEquals("Location", "/portal/");
  }

  @Test
  void publishesItsSettings() {
    client
        .get()
        .uri("/portal/settings.json")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.chain.registryAddress")
        .isEqualTo("0x5fbdb2315678afecb367f032d93f642f64180aa3")
        .jsonPath("$.logs[0].origin")
        .isEqualTo("seal.city.example")
        .jsonPath("$.logs[0].verifierKey")
        .isEqualTo(KEY)
        .jsonPath("$.logs[1].verifierKey")
        .doesNotExist();
  }

  @Test
  void anUnknownPathIsAProblem() {
    client
        .get()
        .uri("/portal/no-such-file.js")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "https://elsewhere.example/api/seal/seals/1/proof",
        "/api/seal/../../actuator/env",
        "/api/seal/./seals/1/proof",
        "/api/seal/seals/1/proof/..",
        "/api/unknown/seals/1/proof",
        "/api/seal/seals/1\u0000/proof",
        " "
      })
  void aBundleUrlOutsideALogsApiIsRefusedBeforeAnythingIsAsked(String bundleUrl) {
    client
        .post()
        .uri("/portal/api/certificates")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(java.util.Map.of("bundleUrl", bundleUrl))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
