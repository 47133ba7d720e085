package org.govchain.accounting.periods.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govchain.accounting.chart.Side;
import org.govchain.accounting.vouchers.Period;
import org.govchain.accounting.vouchers.VoucherLine;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the books add up to: balances, a period's posted lines, ledgers, period states (R2DBC). */
@Repository
class BooksRepository {

  private static final String NET_DEBIT =
      "sum(CASE l.side WHEN 'DEBIT' THEN l.amount ELSE -l.amount END)";

  private final DatabaseClient db;

  BooksRepository(DatabaseClient db) {
    this.db = db;
  }

  /** Each account's balance (debit-positive) from every posted voucher before {@code period}. */
  Mono<Map<String, BigDecimal>> balancesBefore(UUID unitId, Period period) {
    return db.sql(
            "SELECT l.account, "
                + NET_DEBIT
                + " AS balance FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id"
                + " WHERE v.unit_id = :unit AND v.status = 'POSTED' AND v.period < :period"
                + " GROUP BY l.account")
        .bind("unit", unitId)
        .bind("period", period.toString())
        .map(
            row ->
                Map.entry(row.get("account", String.class), row.get("balance", BigDecimal.class)))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
  }

  /** The lines of the vouchers posted in {@code period}, closing entries included. */
  Mono<List<VoucherLine>> postedLines(UUID unitId, Period period) {
    return db.sql(
            "SELECT l.account, l.side, l.amount, l.memo FROM voucher_line l"
                + " JOIN voucher v ON v.id = l.voucher_id"
                + " WHERE v.unit_id = :unit AND v.status = 'POSTED' AND v.period = :period"
                + " ORDER BY v.number, l.line_no")
        .bind("unit", unitId)
        .bind("period", period.toString())
        .map(
            row ->
                new VoucherLine(
                    row.get("account", String.class),
                    Side.valueOf(row.get("side", String.class)),
                    row.get("amount", BigDecimal.class),
                    row.get("memo", String.class)))
        .all()
        .collectList();
  }

  /** How many of the period's vouchers are not posted yet. */
  Mono<Long> unposted(UUID unitId, Period period) {
    return db.sql(
            "SELECT count(*) AS n FROM voucher WHERE unit_id = :unit AND period = :period"
                + " AND status <> 'POSTED'")
        .bind("unit", unitId)
        .bind("period", period.toString())
        .map(row -> row.get("n", Long.class))
        .one();
  }

  /** The unit's periods that have a state (closed, or reopened), in order. */
  Flux<PeriodState> periods(UUID unitId) {
    return db.sql(
            "SELECT period, status, changed_by, changed_at, version, trial_balance_digest, reason"
                + " FROM period WHERE unit_id = :unit ORDER BY period")
        .bind("unit", unitId)
        .map(
            row ->
                new PeriodState(
                    Period.parse(row.get("period", String.class), "period"),
                    row.get("status", String.class),
                    row.get("changed_by", String.class),
                    row.get("changed_at", Instant.class),
                    row.get("version", Long.class),
                    row.get("trial_balance_digest", byte[].class),
                    row.get("reason", String.class)))
        .all();
  }

  /** Writes a period's new state at its next version (inserting its first). */
  Mono<Void> save(UUID unitId, PeriodState state) {
    return db.sql(
            "INSERT INTO period (unit_id, period, status, changed_by, changed_at, version,"
                + " trial_balance_digest, reason) VALUES (:unit, :period, :status, :by, :at,"
                + " :version, :digest, :reason) ON CONFLICT (unit_id, period) DO UPDATE SET"
                + " status = EXCLUDED.status, changed_by = EXCLUDED.changed_by,"
                + " changed_at = EXCLUDED.changed_at, version = EXCLUDED.version,"
                + " trial_balance_digest = EXCLUDED.trial_balance_digest,"
                + " reason = EXCLUDED.reason WHERE period.version = EXCLUDED.version - 1")
        .bind("unit", unitId)
        .bind("period", state.period().toString())
        .bind("status", state.status())
        .bind("by", state.changedBy())
        .bind("at", state.changedAt())
        .bind("version", state.version())
        .bind("digest", Parameter.fromOrEmpty(state.trialBalanceDigest(), byte[].class))
        .bind("reason", Parameter.fromOrEmpty(state.reason(), String.class))
        .fetch()
        .rowsUpdated()
        .flatMap(
            n ->
                n == 1
                    ? Mono.<Void>empty()
                    : Mono.error(
                        new IllegalStateException(
                            "period " + state.period() + " changed under the unit's lock")));
  }

  /**
   * The posted lines on {@code account} (and the accounts beneath it) in {@code from}..{@code to},
   * in posting order within each period, with their vouchers.
   */
  Flux<LedgerLine> ledger(UUID unitId, String account, Period from, Period to) {
    return db.sql(
            "SELECT v.id, v.period, v.number, v.voucher_date, v.summary, v.kind, l.account,"
                + " l.side, l.amount, l.memo FROM voucher_line l"
                + " JOIN voucher v ON v.id = l.voucher_id"
                + " WHERE v.unit_id = :unit AND v.status = 'POSTED'"
                + " AND v.period >= :from AND v.period <= :to"
                + " AND (l.account = :account OR l.account LIKE :beneath)"
                + " ORDER BY v.period, v.number, l.line_no")
        .bind("unit", unitId)
        .bind("from", from.toString())
        .bind("to", to.toString())
        .bind("account", account)
        .bind("beneath", account + ".%")
        .map(
            row ->
                new LedgerLine(
                    row.get("id", UUID.class),
                    row.get("period", String.class),
                    row.get("number", Integer.class),
                    row.get("voucher_date", LocalDate.class),
                    row.get("summary", String.class),
                    row.get("kind", String.class),
                    row.get("account", String.class),
                    Side.valueOf(row.get("side", String.class)),
                    row.get("amount", BigDecimal.class),
                    row.get("memo", String.class)))
        .all();
  }

  /**
   * The balance (debit-positive) of {@code account} and the accounts beneath it before {@code
   * period}.
   */
  Mono<BigDecimal> balanceBefore(UUID unitId, String account, Period period) {
    return db.sql(
            "SELECT coalesce("
                + NET_DEBIT
                + ", 0) AS balance FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id"
                + " WHERE v.unit_id = :unit AND v.status = 'POSTED' AND v.period < :period"
                + " AND (l.account = :account OR l.account LIKE :beneath)")
        .bind("unit", unitId)
        .bind("period", period.toString())
        .bind("account", account)
        .bind("beneath", account + ".%")
        .map(row -> row.get("balance", BigDecimal.class))
        .one();
  }

  /**
   * A period's state.
   *
   * @param status {@code CLOSED} or {@code OPEN} (reopened)
   * @param trialBalanceDigest the closing trial balance's SHA-256, while closed
   * @param reason why an auditor reopened it
   */
  record PeriodState(
      Period period,
      String status,
      String changedBy,
      Instant changedAt,
      long version,
      byte[] trialBalanceDigest,
      String reason) {

    boolean closed() {
      return "CLOSED".equals(status);
    }
  }

  /** A posted line of a ledger with its voucher. */
  record LedgerLine(
      UUID voucherId,
      String period,
      Integer number,
      LocalDate date,
      String summary,
      String kind,
      String account,
      Side side,
      BigDecimal amount,
      String memo) {}
}
