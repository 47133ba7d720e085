package org.govchain.accounting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The accounting audit service: government units' vouchers, periods and trial balances, the
 * regulator's red flags and auditors' findings under {@code /api/accounting} (DESIGN §5).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AccountingServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(AccountingServiceApplication.class, args);
  }
}
