package org.govchain.accounting.periods.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govchain.accounting.chart.Ledger;
import org.govchain.accounting.periods.TrialBalance;
import org.govchain.accounting.vouchers.Amount;

/** A trial balance as the API answers it and as its digest covers it. */
final class TrialBalanceViews {

  private TrialBalanceViews() {}

  /** The report with rows {@code page} of {@code size} and every ledger's totals. */
  static Map<String, Object> of(TrialBalance tb, int page, int size) {
    List<TrialBalance.Row> rows = tb.rows();
    int from = (int) Math.min((long) page * size, rows.size());
    int to = (int) Math.min((long) from + size, rows.size());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("period", tb.period().toString());
    view.put("items", rows.subList(from, to).stream().map(TrialBalanceViews::row).toList());
    view.put("page", page);
    view.put("size", size);
    view.put("total", rows.size());
    view.put("totals", totals(tb));
    return view;
  }

  /** What the period's digest is computed over: every row and the totals. */
  static Map<String, Object> digestContent(TrialBalance tb) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("period", tb.period().toString());
    content.put("rows", tb.rows().stream().map(TrialBalanceViews::row).toList());
    content.put("totals", totals(tb));
    return content;
  }

  private static Map<String, Object> totals(TrialBalance tb) {
    Map<String, Object> totals = new LinkedHashMap<>();
    for (Ledger ledger : Ledger.values()) {
      TrialBalance.Totals t = tb.totals(ledger);
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("openingDebit", Amount.format(t.openingDebit()));
      view.put("openingCredit", Amount.format(t.openingCredit()));
      view.put("debitTurnover", Amount.format(t.debitTurnover()));
      view.put("creditTurnover", Amount.format(t.creditTurnover()));
      view.put("closingDebit", Amount.format(t.closingDebit()));
      view.put("closingCredit", Amount.format(t.closingCredit()));
      view.put("balanced", t.balanced());
      totals.put(ledger.name().toLowerCase(Locale.ROOT), view);
    }
    return totals;
  }

  private static Map<String, Object> row(TrialBalance.Row r) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("code", r.code());
    view.put("nameZh", r.nameZh());
    view.put("level", r.level());
    view.put("leaf", r.leaf());
    view.put("ledger", r.ledger().name());
    view.put("normalSide", r.normalSide().name());
    view.put("opening", balance(r.opening()));
    view.put("debitTurnover", Amount.format(r.debitTurnover()));
    view.put("creditTurnover", Amount.format(r.creditTurnover()));
    view.put("closing", balance(r.closing()));
    return view;
  }

  private static Map<String, Object> balance(TrialBalance.Balance b) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("direction", b.direction().name());
    view.put("amount", Amount.format(b.amount()));
    return view;
  }
}
