package org.govchain.accounting.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.security.Role;
import org.govchain.anchor.web.security.UnitClaim;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who asks: the token's subject, roles and — for accounting clerks — the unified social credit code
 * of the unit the token binds them to ({@link UnitClaim}). A clerk acts for that unit only;
 * auditors and admins read every unit.
 *
 * @param subject the token's {@code sub}
 * @param roles the role names
 * @param unit the {@code unit} claim, or null
 */
public record Caller(String subject, Set<String> roles, String unit) {

  public static Caller of(Authentication authentication) {
    Set<String> roles =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .map(Role::fromAuthority)
            .flatMap(Optional::stream)
            .map(Role::claimValue)
            .collect(Collectors.toUnmodifiableSet());
    String unit = null;
    if (authentication instanceof JwtAuthenticationToken jwt) {
      unit = jwt.getToken().getClaimAsString(UnitClaim.NAME);
    }
    return new Caller(authentication.getName(), roles, unit);
  }

  public boolean has(Role role) {
    return roles.contains(role.claimValue());
  }

  /** Whether the caller may read the books of the unit with this credit code. */
  public boolean mayRead(String unitCreditCode) {
    return has(Role.AUDITOR) || has(Role.ADMIN) || isClerkOf(unitCreditCode);
  }

  /** Whether the caller is a clerk of the unit with this credit code. */
  public boolean isClerkOf(String unitCreditCode) {
    return has(Role.ACCOUNTING_CLERK) && unitCreditCode.equals(unit);
  }

  /**
   * @throws ProblemException 403 {@code foreign-unit} unless the caller is a clerk of the unit
   */
  public void requireClerkOf(String unitCreditCode) {
    if (!isClerkOf(unitCreditCode)) {
      throw foreignUnit(unitCreditCode);
    }
  }

  /**
   * @throws ProblemException 403 {@code foreign-unit} unless the caller may read the unit's books
   */
  public void requireReader(String unitCreditCode) {
    if (!mayRead(unitCreditCode)) {
      throw foreignUnit(unitCreditCode);
    }
  }

  private ProblemException foreignUnit(String unitCreditCode) {
    return new ProblemException(
        AccountingProblem.FOREIGN_UNIT,
        unit == null
            ? "the token binds the caller to no unit (unit claim); unit "
                + unitCreditCode
                + " is not theirs"
            : "the token binds the caller to unit " + unit + ", not to " + unitCreditCode,
        Map.of("unit", unitCreditCode));
  }
}
