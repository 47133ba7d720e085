package org.govchain.anchor.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.unit.DataSize;

/** The starter's shared settings: present, derived from the service's prefix, and overridable. */
class ServiceDefaultsTest {

  private static StandardEnvironment environment(Map<String, Object> own) {
    StandardEnvironment env = new StandardEnvironment();
    env.setConversionService(new ApplicationConversionService()); // as in a Boot application
    env.getPropertySources().addFirst(new MapPropertySource("service", own));
    new ServiceDefaults().postProcessEnvironment(env, new SpringApplication());
    return env;
  }

  @Test
  void aServiceGetsTheSharedSettings() {
    StandardEnvironment env = environment(Map.of("govchain.log.api.prefix", "/api/ssc"));
    assertThat(env.getProperty("springdoc.api-docs.path")).isEqualTo("/api/ssc/v3/api-docs");
    assertThat(env.getProperty("govchain.web.max-request-size", DataSize.class))
        .isEqualTo(DataSize.ofMegabytes(2));
    assertThat(env.getProperty("spring.webflux.multipart.max-disk-usage-per-part", DataSize.class))
        .isEqualTo(DataSize.ofMegabytes(25));
    assertThat(env.getProperty("spring.webflux.multipart.max-parts", Integer.class)).isEqualTo(16);
    assertThat(env.getProperty("govchain.security.jwt.audience")).isEqualTo("govchain");
    assertThat(env.getProperty("govchain.anchor.enabled", Boolean.class)).isFalse();
    assertThat(env.getProperty("management.endpoints.web.exposure.include"))
        .isEqualTo("health,prometheus");
    assertThat(env.getProperty("management.endpoint.health.status.http-mapping.degraded"))
        .isEqualTo("200");
    assertThat(env.getProperty("logging.pattern.correlation")).contains("%X{requestId");
  }

  @Test
  void theServiceAndTheEnvironmentVariablesWin() {
    StandardEnvironment env =
        environment(
            Map.of(
                "govchain.security.jwt.audience", "city",
                "GOVCHAIN_MAX_UPLOAD_SIZE", "5MB",
                "GOVCHAIN_ANCHOR_ENABLED", "true"));
    assertThat(env.getProperty("govchain.security.jwt.audience")).isEqualTo("city");
    assertThat(env.getProperty("spring.webflux.multipart.max-disk-usage-per-part", DataSize.class))
        .isEqualTo(DataSize.ofMegabytes(5));
    assertThat(env.getProperty("govchain.anchor.enabled", Boolean.class)).isTrue();
  }

  @Test
  void anApplicationsDefaultPropertiesWinToo() {
    // What ServiceUnderTest, the launcher and the starter's own tests set: SpringApplication's
    // default properties, which Boot moves below every other source while preparing
    SpringApplication application = new SpringApplication(Object.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setDefaultProperties(
        Map.of("govchain.anchor.enabled", "true", "govchain.security.jwt.audience", "city"));
    try (ConfigurableApplicationContext context = application.run()) {
      ConfigurableEnvironment env = context.getEnvironment();
      assertThat(env.getProperty("govchain.anchor.enabled", Boolean.class)).isTrue();
      assertThat(env.getProperty("govchain.security.jwt.audience")).isEqualTo("city");
      assertThat(env.getProperty("govchain.web.max-upload-parts", Integer.class)).isEqualTo(16);
      assertThat(env.getPropertySources().stream().reduce((a, b) -> b).orElseThrow())
          .isInstanceOf(ServiceDefaults.Merged.class);
    }
  }

  @Test
  void addedOnceAndLast() {
    StandardEnvironment env = environment(Map.of());
    new ServiceDefaults().postProcessEnvironment(env, new SpringApplication());
    assertThat(env.getPropertySources().stream().map(s -> s.getName()))
        .filteredOn(ServiceDefaults.NAME::equals)
        .hasSize(1);
    assertThat(env.getPropertySources().stream().reduce((a, b) -> b).orElseThrow().getName())
        .isEqualTo(ServiceDefaults.NAME);
  }
}
