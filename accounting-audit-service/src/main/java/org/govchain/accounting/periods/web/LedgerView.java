package org.govchain.accounting.periods.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govchain.accounting.chart.Account;
import org.govchain.accounting.chart.Side;
import org.govchain.accounting.periods.TrialBalance;
import org.govchain.accounting.reports.Csv;
import org.govchain.accounting.vouchers.Amount;
import org.govchain.accounting.vouchers.Period;

/** A general ledger as the API answers it, balances on the account's normal side. */
final class LedgerView {

  private LedgerView() {}

  static Map<String, Object> of(
      Account account,
      Period from,
      Period to,
      BigDecimal openingNetDebit,
      List<BooksRepository.LedgerLine> lines) {
    BigDecimal balance = openingNetDebit.setScale(2);
    BigDecimal debit = BigDecimal.ZERO.setScale(2);
    BigDecimal credit = BigDecimal.ZERO.setScale(2);
    List<Map<String, Object>> entries = new ArrayList<>();
    for (BooksRepository.LedgerLine line : lines) {
      boolean isDebit = line.side() == Side.DEBIT;
      balance = isDebit ? balance.add(line.amount()) : balance.subtract(line.amount());
      if (isDebit) {
        debit = debit.add(line.amount());
      } else {
        credit = credit.add(line.amount());
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("period", line.period());
      entry.put("number", line.number());
      entry.put("date", line.date().toString());
      entry.put("voucherId", line.voucherId().toString());
      entry.put("kind", line.kind());
      entry.put("summary", line.summary());
      entry.put("account", line.account());
      entry.put("memo", line.memo());
      entry.put("debit", isDebit ? Amount.format(line.amount()) : null);
      entry.put("credit", isDebit ? null : Amount.format(line.amount()));
      entry.put("balance", balance(balance, account.normalSide()));
      entries.add(entry);
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("account", account.code());
    view.put("nameZh", account.nameZh());
    view.put("normalSide", account.normalSide().name());
    view.put("from", from.toString());
    view.put("to", to.toString());
    view.put("opening", balance(openingNetDebit.setScale(2), account.normalSide()));
    view.put("debitTurnover", Amount.format(debit));
    view.put("creditTurnover", Amount.format(credit));
    view.put("closing", balance(balance, account.normalSide()));
    view.put("entries", entries);
    return view;
  }

  /** The view with only entries {@code page} of {@code size}, and the paging figures. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> page(Map<String, Object> view, int page, int size) {
    List<Map<String, Object>> entries = (List<Map<String, Object>>) view.get("entries");
    int from = (int) Math.min((long) page * size, entries.size());
    int to = (int) Math.min((long) from + size, entries.size());
    Map<String, Object> paged = new LinkedHashMap<>(view);
    paged.put("entries", entries.subList(from, to));
    paged.put("page", page);
    paged.put("size", size);
    paged.put("total", entries.size());
    return paged;
  }

  private static Map<String, Object> balance(BigDecimal netDebit, Side normalSide) {
    TrialBalance.Balance b = TrialBalance.Balance.of(netDebit, normalSide);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("direction", b.direction().name());
    view.put("amount", Amount.format(b.amount()));
    return view;
  }

  /** The ledger as CSV: the opening line, one line per entry, the closing line. */
  @SuppressWarnings("unchecked")
  static String csv(Map<String, Object> view) {
    StringBuilder csv =
        new StringBuilder(
            Csv.line(
                List.of(
                    "period",
                    "number",
                    "date",
                    "summary",
                    "account",
                    "memo",
                    "debit",
                    "credit",
                    "balance_direction",
                    "balance_amount")));
    Map<String, Object> opening = (Map<String, Object>) view.get("opening");
    csv.append(
        Csv.line(
            Arrays.asList(
                (String) view.get("from"),
                null,
                null,
                "期初余额 opening balance",
                (String) view.get("account"),
                null,
                null,
                null,
                (String) opening.get("direction"),
                (String) opening.get("amount"))));
    for (Map<String, Object> e : (List<Map<String, Object>>) view.get("entries")) {
      Map<String, Object> balance = (Map<String, Object>) e.get("balance");
      csv.append(
          Csv.line(
              Arrays.asList(
                  (String) e.get("period"),
                  String.valueOf(e.get("number")),
                  (String) e.get("date"),
                  (String) e.get("summary"),
                  (String) e.get("account"),
                  (String) e.get("memo"),
                  (String) e.get("debit"),
                  (String) e.get("credit"),
                  (String) balance.get("direction"),
                  (String) balance.get("amount"))));
    }
    Map<String, Object> closing = (Map<String, Object>) view.get("closing");
    csv.append(
        Csv.line(
            Arrays.asList(
                (String) view.get("to"),
                null,
                null,
                "期末余额 closing balance",
                (String) view.get("account"),
                null,
                (String) view.get("debitTurnover"),
                (String) view.get("creditTurnover"),
                (String) closing.get("direction"),
                (String) closing.get("amount"))));
    return csv.toString();
  }
}
