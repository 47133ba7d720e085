package org.govchain.seal.security;

import java.util.Arrays;
import java.util.Optional;

/** The GovChain roles (DESIGN §4) the seal service's rules name, as they appear in tokens. */
public enum SealRole {
  SEAL_CLERK("seal-clerk"),
  AUDITOR("auditor"),
  ADMIN("admin");

  private final String claimValue;

  SealRole(String claimValue) {
    this.claimValue = claimValue;
  }

  /** The role's name in a token's {@code roles} claim (and in {@code scope}/{@code scp}). */
  public String claimValue() {
    return claimValue;
  }

  /** The Spring Security authority the role grants: {@code ROLE_} + the claim value. */
  public String authority() {
    return "ROLE_" + claimValue;
  }

  /** The role a claim value names, if it is one of these. */
  public static Optional<SealRole> fromClaimValue(String value) {
    return Arrays.stream(values()).filter(r -> r.claimValue.equals(value)).findFirst();
  }
}
