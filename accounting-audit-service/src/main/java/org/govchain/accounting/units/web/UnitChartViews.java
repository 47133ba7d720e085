package org.govchain.accounting.units.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govchain.accounting.chart.Account;
import org.govchain.accounting.chart.UnitChart;

/** A unit's chart as the API shows it: every account with its level and whether it is a leaf. */
final class UnitChartViews {

  private UnitChartViews() {}

  static List<Map<String, Object>> of(UnitChart chart, List<SubAccount> subAccounts) {
    Map<String, String> clearsTo = new LinkedHashMap<>();
    for (SubAccount sub : subAccounts) {
      if (sub.clearsTo() != null) {
        clearsTo.put(sub.code(), sub.clearsTo());
      }
    }
    return chart.accounts().stream().map(a -> view(a, chart, clearsTo)).toList();
  }

  private static Map<String, Object> view(
      Account account, UnitChart chart, Map<String, String> clearsTo) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("code", account.code());
    view.put("nameZh", account.nameZh());
    view.put("nameEn", account.nameEn());
    view.put("level", account.level());
    view.put("leaf", chart.isLeaf(account.code()));
    view.put("element", account.element().name());
    view.put("ledger", account.ledger().name());
    view.put("normalSide", account.normalSide().name());
    view.put("contra", account.contra());
    view.put("clearedAtYearEnd", account.clearedAtYearEnd());
    view.put("clearsTo", clearsTo.get(account.code()));
    return view;
  }
}
