package org.govchain.auth.clients;

import java.util.Arrays;
import java.util.Optional;

/** The GovChain roles a token can carry in its {@code roles} claim (DESIGN §4). */
public enum Role {
  SEAL_CLERK("seal-clerk"),
  SSC_CLERK("ssc-clerk"),
  ACCOUNTING_CLERK("accounting-clerk"),
  AUDITOR("auditor"),
  SERVICE_POINT("service-point"),
  ADMIN("admin");

  /** Prefix of the Spring Security authority a signed-in user holds for a role. */
  public static final String AUTHORITY_PREFIX = "ROLE_";

  private final String claimValue;

  Role(String claimValue) {
    this.claimValue = claimValue;
  }

  /** The role's name as it appears in tokens, e.g. {@code seal-clerk}. */
  public String claimValue() {
    return claimValue;
  }

  /** The Spring Security authority for this role, e.g. {@code ROLE_seal-clerk}. */
  public String authority() {
    return AUTHORITY_PREFIX + claimValue;
  }

  /** The role named by an authority made with {@link #authority()}, if it is one. */
  public static Optional<Role> fromAuthority(String authority) {
    return Arrays.stream(values()).filter(r -> r.authority().equals(authority)).findFirst();
  }
}
