package org.govchain.seal.ca;

import java.util.Objects;
import java.util.UUID;
import org.govchain.seal.seals.CreditCode;
import org.govchain.seal.seals.SealType;

/**
 * Who a seal certificate is issued to: the seal (id, name, type) and its organisation (name and
 * unified social credit code).
 */
public record SealSubject(
    UUID sealId, String sealName, SealType type, String organisation, CreditCode creditCode) {
  public SealSubject {
    Objects.requireNonNull(sealId, "sealId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(creditCode, "creditCode");
    if (sealName == null || sealName.isBlank() || organisation == null || organisation.isBlank()) {
      throw new IllegalArgumentException("seal name and organisation must not be blank");
    }
  }
}
