package org.govchain.anchor.spring.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Adds the starter's log tables ({@value #MIGRATIONS}, versions 1000 and up) to the service's own
 * Flyway locations, once, for the log and the anchorer alike; not when the log is disabled. The two
 * streams share one history, so Flyway runs out of order: a service's new migration (below 1000)
 * still applies to a database that already has the starter's.
 */
@AutoConfiguration
@ConditionalOnClass(Flyway.class)
@ConditionalOnBooleanProperty(name = "govchain.log.enabled", matchIfMissing = true)
public class LogSchemaAutoConfiguration {

  /** Where the starter's migrations live. */
  public static final String MIGRATIONS = "classpath:db/govchain-log";

  private static final Location LOCATION = Location.fromPath("classpath:", "db/govchain-log");

  @Bean
  FlywayConfigurationCustomizer govchainLogSchemaLocations() {
    return configuration -> {
      List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
      if (locations.stream().noneMatch(l -> l.getDescriptor().equals(LOCATION.getDescriptor()))) {
        locations.add(LOCATION);
      }
      configuration.locations(locations.toArray(Location[]::new)).outOfOrder(true);
    };
  }
}
