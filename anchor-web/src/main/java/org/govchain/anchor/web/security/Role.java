package org.govchain.anchor.web.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The GovChain roles (DESIGN §4) as tokens carry them in their {@code roles} claim, and the Spring
 * Security authorities they grant ({@code ROLE_} + the claim value, so {@code hasRole("auditor")}
 * matches).
 */
public enum Role {
  SEAL_CLERK("seal-clerk"),
  SSC_CLERK("ssc-clerk"),
  ACCOUNTING_CLERK("accounting-clerk"),
  AUDITOR("auditor"),
  SERVICE_POINT("service-point"),
  ADMIN("admin"),
  /** A citizen: only their own card. */
  CARD_HOLDER("card-holder");

  /** The prefix of the authority a role grants. */
  public static final String AUTHORITY_PREFIX = "ROLE_";

  private final String claimValue;

  Role(String claimValue) {
    this.claimValue = claimValue;
  }

  /** The role's name in a token, e.g. {@code seal-clerk}; also the name {@code hasRole} takes. */
  public String claimValue() {
    return claimValue;
  }

  /** The Spring Security authority the role grants, e.g. {@code ROLE_seal-clerk}. */
  public String authority() {
    return AUTHORITY_PREFIX + claimValue;
  }

  /** The role a claim value names, if it is one of these. */
  public static Optional<Role> fromClaimValue(String value) {
    return Arrays.stream(values()).filter(r -> r.claimValue.equals(value)).findFirst();
  }

  /** The role an authority made with {@link #authority()} names, if it is one. */
  public static Optional<Role> fromAuthority(String authority) {
    return Arrays.stream(values()).filter(r -> r.authority().equals(authority)).findFirst();
  }
}
