package org.govchain.anchor.spring.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.CompositePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings every record service shares ({@code META-INF/govchain/service-defaults.yml}: token
 * validation, body and upload limits, the OpenAPI document's path, the request id in log lines, the
 * actuator's exposure, the log signer and anchoring from the {@code GOVCHAIN_*} variables), so that
 * a service's {@code application.yml} holds only what is its own. Added last, below even the
 * application's {@link SpringApplication#setDefaultProperties default properties}: anything the
 * service, a profile, a system property, the environment or the application's defaults set wins.
 */
public class ServiceDefaults implements EnvironmentPostProcessor, Ordered {

  /** The property source's name, as seen in {@code /actuator/env}. */
  public static final String NAME = "govchainServiceDefaults";

  static final String LOCATION = "META-INF/govchain/service-defaults.yml";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    MutablePropertySources sources = environment.getPropertySources();
    PropertySource<?> defaults = sources.get(DefaultPropertiesPropertySource.NAME);
    if (sources.contains(NAME) || defaults instanceof Merged) {
      return;
    }
    if (defaults == null) {
      sources.addLast(load());
    } else {
      // SpringApplication.setDefaultProperties (what tests and launchers set) outranks these; Boot
      // moves that source to the very end after the post-processors, so ours goes inside it
      sources.replace(DefaultPropertiesPropertySource.NAME, new Merged(defaults, load()));
    }
  }

  /** The application's default properties, then the shared settings, under the first's name. */
  static final class Merged extends CompositePropertySource {
    Merged(PropertySource<?> defaults, PropertySource<?> shared) {
      super(DefaultPropertiesPropertySource.NAME);
      addPropertySource(defaults);
      addPropertySource(shared);
    }
  }

  static PropertySource<?> load() {
    try {
      List<PropertySource<?>> sources =
          new YamlPropertySourceLoader()
              .load(NAME, new ClassPathResource(LOCATION, ServiceDefaults.class.getClassLoader()));
      return sources.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + LOCATION, e);
    }
  }

  /** After the application's own configuration files are loaded (they are not overridden). */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
