package org.govchain.anchor.web.security;

/**
 * The token claim that binds an account to the government unit it keeps books for (DESIGN §4: an
 * {@code accounting-clerk} acts for its own unit only). Its value is the unit's unified social
 * credit code (统一社会信用代码, 18 characters), the identifier an identity provider already holds for the
 * unit's staff, so that no service's internal ids leak into the identity provider.
 */
public final class UnitClaim {

  /** The claim's name in access tokens. */
  public static final String NAME = "unit";

  private UnitClaim() {}
}
