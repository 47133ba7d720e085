package org.govchain.seal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The seal service: seals, sealings and verifications under {@code /api/seal} (DESIGN §5). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SealServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(SealServiceApplication.class, args);
  }
}
