package org.govchain.accounting.config;

import org.govchain.accounting.chart.ChartOfAccounts;
import org.govchain.accounting.periods.ClosingEntries;
import org.govchain.accounting.redflags.HolidayCalendar;
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

  /** The closing entries, with the year-end clearing shipped as data. */
  @Bean
  ClosingEntries closingEntries() {
    return ClosingEntries.standard();
  }

  /** The public holidays and adjusted working days the red-flag rules know. */
  @Bean
  HolidayCalendar holidayCalendar() {
    return HolidayCalendar.load();
  }

  /** The bookkeeping rules, with the budget-managed accounts shipped as data. */
  @Bean
  VoucherRules voucherRules() {
    return VoucherRules.standard();
  }
}
