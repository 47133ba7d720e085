package org.govchain.accounting.units.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.govchain.accounting.units.UnitType;
import org.govchain.anchor.web.validation.PlainText;

/** The bodies of the unit API's requests; their text is plain (anchor-web's {@link PlainText}). */
final class UnitRequests {

  private UnitRequests() {}

  /**
   * Registers a unit.
   *
   * @param creditCode its unified social credit code (GB 32100)
   * @param name its name
   * @param region its GB/T 2260 region code
   * @param type {@code ADMINISTRATIVE} or {@code PUBLIC_INSTITUTION}
   * @param firstPeriod the first period ({@code yyyy-MM}) of its books here
   */
  record Register(
      @NotBlank @Size(max = 32) @PlainText String creditCode,
      @NotBlank @Size(max = 200) @PlainText String name,
      @NotBlank @Size(max = 12) @PlainText String region,
      @NotNull UnitType type,
      @NotBlank @Size(max = 16) @PlainText String firstPeriod) {}

  /**
   * Adds a sub-account beneath an account of the unit's chart.
   *
   * @param code e.g. {@code 1002.01}
   * @param name e.g. {@code 工商银行基本户}
   * @param clearsTo for budget revenue and expenditure sub-accounts, the budget balance account it
   *     is cleared into at year end when not the chart's default (e.g. {@code 8101}); else empty
   */
  record AddAccount(
      @NotBlank @Size(max = 32) @PlainText String code,
      @NotBlank @Size(max = 200) @PlainText String name,
      @Size(max = 32) @PlainText String clearsTo) {}
}
