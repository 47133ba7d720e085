package org.govchain.anchor.spring.security;

import java.util.Arrays;
import java.util.Optional;

/** The GovChain roles (DESIGN §4) as they appear in tokens, and the authorities they grant. */
public enum GovChainRole {
  SEAL_CLERK("seal-clerk"),
  SSC_CLERK("ssc-clerk"),
  ACCOUNTING_CLERK("accounting-clerk"),
  AUDITOR("auditor"),
  SERVICE_POINT("service-point"),
  ADMIN("admin");

  private final String claimValue;

  GovChainRole(String claimValue) {
    this.claimValue = claimValue;
  }

  /**
   * The role's name in a token's {@code roles} claim (and in {@code scope}/{@code scp}), which is
   * also the name {@code hasRole(…)} takes.
   */
  public String claimValue() {
    return claimValue;
  }

  /** The Spring Security authority the role grants: {@code ROLE_} + the claim value. */
  public String authority() {
    return "ROLE_" + claimValue;
  }

  /** The role a claim value names, if it is one of these. */
  public static Optional<GovChainRole> fromClaimValue(String value) {
    return Arrays.stream(values()).filter(r -> r.claimValue.equals(value)).findFirst();
  }
}
