package org.govchain.accounting.config;

import org.govchain.accounting.chart.ChartOfAccounts;
import org.govchain.accounting.vouchers.VoucherRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The versioned reference data the books are kept by, loaded once at start-up. */
@Configuration(proxyBeanMethods = false)
class AccountingConfiguration {

  /** The standard chart (财会〔2017〕25号), from the data shipped in the module. */
  @Bean
  ChartOfAccounts chartOfAccounts() {
    return ChartOfAccounts.standard();
  }

  /** The bookkeeping rules, with the budget-managed accounts shipped as data. */
  @Bean
  VoucherRules voucherRules() {
    return VoucherRules.standard();
  }
}
