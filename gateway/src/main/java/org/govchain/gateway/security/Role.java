package org.govchain.gateway.security;

import java.util.Arrays;
import java.util.Optional;

/** The GovChain roles (DESIGN §4) as they appear in tokens' {@code roles} claim. */
enum Role {
  SEAL_CLERK("seal-clerk"),
  SSC_CLERK("ssc-clerk"),
  ACCOUNTING_CLERK("accounting-clerk"),
  AUDITOR("auditor"),
  SERVICE_POINT("service-point"),
  ADMIN("admin");

  private final String claimValue;

  Role(String claimValue) {
    this.claimValue = claimValue;
  }

  String claimValue() {
    return claimValue;
  }

  static Optional<Role> fromClaimValue(String value) {
    return Arrays.stream(values()).filter(r -> r.claimValue.equals(value)).findFirst();
  }
}
