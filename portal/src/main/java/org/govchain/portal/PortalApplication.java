package org.govchain.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The auditor's portal: serves the verification page under {@code /portal/} and the settings it
 * starts from. The page proves what it shows in the browser; nothing here is trusted by it beyond
 * the defaults the user can change.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

  public static void main(String[] args) {
    SpringApplication.run(PortalApplication.class, args);
  }
}
