package org.govchain.accounting.vouchers.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.govchain.accounting.vouchers.CounterpartyKind;

/**
 * Who a voucher's money went to or came from.
 *
 * @param kind organisation or individual
 * @param code an organisation's unified social credit code, or an individual's payee reference in
 *     the unit (never an ID number)
 * @param name an organisation's name; null for an individual
 */
public record Counterparty(CounterpartyKind kind, String code, String name) {

  Map<String, Object> toData() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("kind", kind.name());
    data.put("code", code);
    data.put("name", name);
    return data;
  }
}
