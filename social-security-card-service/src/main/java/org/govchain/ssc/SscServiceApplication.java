package org.govchain.ssc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The social security card service: citizens' electronic social security cards, their lifecycle and
 * QR codes under {@code /api/ssc} (DESIGN §5).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SscServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(SscServiceApplication.class, args);
  }
}
