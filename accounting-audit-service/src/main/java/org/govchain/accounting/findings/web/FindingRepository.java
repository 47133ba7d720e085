package org.govchain.accounting.findings.web;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.govchain.accounting.findings.FindingStatus;
import org.govchain.accounting.redflags.Context;
import org.govchain.accounting.redflags.Severity;
import org.govchain.accounting.redflags.VoucherRef;
import org.govchain.accounting.vouchers.Period;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Findings, their events, and the look-ups the red-flag rules need (R2DBC). */
@Repository
class FindingRepository {

  private static final String COLUMNS =
      "id, unit_id, voucher_id, period, rule, severity, status, explanation, numbers, raised_at,"
          + " version, updated_at";

  /** Posted vouchers that count: not reversals, not closing entries, not reversed. */
  private static final String COUNTED =
      " v.status = 'POSTED' AND v.kind = 'ORDINARY' AND NOT EXISTS (SELECT 1 FROM voucher r"
          + " WHERE r.reverses = v.id AND r.status = 'POSTED')";

  private final DatabaseClient db;

  FindingRepository(DatabaseClient db) {
    this.db = db;
  }

  /** Inserts a finding unless the voucher already has one for the rule; true if inserted. */
  Mono<Boolean> insertIfNew(Finding f) {
    return db.sql(
            "INSERT INTO finding ("
                + COLUMNS
                + ") VALUES (:id, :unit, :voucher, :period, :rule, :severity, :status,"
                + " :explanation, :numbers, :raisedAt, :version, :updatedAt)"
                + " ON CONFLICT (voucher_id, rule) DO NOTHING")
        .bind("id", f.id())
        .bind("unit", f.unitId())
        .bind("voucher", f.voucherId())
        .bind("period", f.period())
        .bind("rule", f.rule())
        .bind("severity", f.severity().name())
        .bind("status", f.status().name())
        .bind("explanation", f.explanation())
        .bind("numbers", f.numbersJson())
        .bind("raisedAt", f.raisedAt())
        .bind("version", f.version())
        .bind("updatedAt", f.updatedAt())
        .fetch()
        .rowsUpdated()
        .map(n -> n == 1);
  }

  Mono<Void> updateStatus(Finding f) {
    return db.sql(
            "UPDATE finding SET status = :status, version = :version, updated_at = :at"
                + " WHERE id = :id AND version = :version - 1")
        .bind("id", f.id())
        .bind("status", f.status().name())
        .bind("version", f.version())
        .bind("at", f.updatedAt())
        .fetch()
        .rowsUpdated()
        .flatMap(
            n ->
                n == 1
                    ? Mono.<Void>empty()
                    : Mono.error(
                        new IllegalStateException(
                            "finding " + f.id() + " changed under its lock")));
  }

  Mono<Void> insertEvent(
      UUID findingId,
      long version,
      FindingStatus status,
      String actor,
      String comment,
      Instant at) {
    return db.sql(
            "INSERT INTO finding_event (finding_id, version, status, actor, comment, occurred_at)"
                + " VALUES (:id, :version, :status, :actor, :comment, :at)")
        .bind("id", findingId)
        .bind("version", version)
        .bind("status", status.name())
        .bind("actor", actor)
        .bind("comment", Parameter.fromOrEmpty(comment, String.class))
        .bind("at", at)
        .then();
  }

  Mono<Finding> findById(UUID id) {
    return db.sql("SELECT " + COLUMNS + " FROM finding WHERE id = :id")
        .bind("id", id)
        .map(FindingRepository::finding)
        .one();
  }

  Mono<Finding> lock(UUID id) {
    return db.sql("SELECT " + COLUMNS + " FROM finding WHERE id = :id FOR UPDATE")
        .bind("id", id)
        .map(FindingRepository::finding)
        .one();
  }

  /** Findings, newest first, filtered by whatever is given. */
  Flux<Finding> list(Filter filter, int page, int size) {
    return bind(
            db.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM finding"
                    + WHERE
                    + " ORDER BY raised_at DESC, id LIMIT :limit OFFSET :offset"),
            filter)
        .bind("limit", size)
        .bind("offset", (long) page * size)
        .map(FindingRepository::finding)
        .all();
  }

  Mono<Long> count(Filter filter) {
    return bind(db.sql("SELECT count(*) AS n FROM finding" + WHERE), filter)
        .map(row -> row.get("n", Long.class))
        .one();
  }

  private static final String WHERE =
      " WHERE (:unit::uuid IS NULL OR unit_id = :unit)"
          + " AND (:rule::text IS NULL OR rule = :rule)"
          + " AND (:severity::text IS NULL OR severity = :severity)"
          + " AND (:status::text IS NULL OR status = :status)"
          + " AND (:voucher::uuid IS NULL OR voucher_id = :voucher)";

  private static DatabaseClient.GenericExecuteSpec bind(
      DatabaseClient.GenericExecuteSpec spec, Filter f) {
    return spec.bind("unit", Parameter.fromOrEmpty(f.unitId(), UUID.class))
        .bind("rule", Parameter.fromOrEmpty(f.rule(), String.class))
        .bind("severity", Parameter.fromOrEmpty(f.severity(), String.class))
        .bind("status", Parameter.fromOrEmpty(f.status(), String.class))
        .bind("voucher", Parameter.fromOrEmpty(f.voucherId(), UUID.class));
  }

  /** What a finding list is filtered by; null means any. */
  record Filter(UUID unitId, String rule, String severity, String status, UUID voucherId) {}

  // ---- what the rules look up

  /**
   * Earlier counted payments of the unit to the counterparty dated {@code from}..{@code to}: each
   * voucher's net cash paid (credits minus debits on cash accounts), when positive.
   */
  Flux<Context.PriorPayment> payments(
      UUID unitId,
      String counterpartyKind,
      String counterpartyCode,
      LocalDate from,
      LocalDate to,
      UUID except) {
    return db.sql(
            "SELECT v.id, v.period, v.number, v.voucher_date,"
                + " sum(CASE l.side WHEN 'CREDIT' THEN l.amount ELSE -l.amount END) AS paid"
                + " FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id"
                + " WHERE v.unit_id = :unit AND v.counterparty_kind = :kind"
                + " AND v.counterparty_code = :code AND v.voucher_date BETWEEN :from AND :to"
                + " AND v.id <> :except AND substr(l.account, 1, 4) IN ('1001', '1002', '1011',"
                + " '1021') AND"
                + COUNTED
                + " GROUP BY v.id, v.period, v.number, v.voucher_date"
                + " HAVING sum(CASE l.side WHEN 'CREDIT' THEN l.amount ELSE -l.amount END) > 0"
                + " ORDER BY v.voucher_date, v.number")
        .bind("unit", unitId)
        .bind("kind", counterpartyKind)
        .bind("code", counterpartyCode)
        .bind("from", from)
        .bind("to", to)
        .bind("except", except)
        .map(
            row ->
                new Context.PriorPayment(
                    row.get("id", UUID.class),
                    Period.parse(row.get("period", String.class), "period"),
                    row.get("number", Integer.class),
                    row.get("voucher_date", LocalDate.class),
                    row.get("paid", BigDecimal.class)))
        .all();
  }

  /** Other counted vouchers, in any unit, with an attachment of this invoice. */
  Flux<VoucherRef> sameInvoice(String invoiceKey, UUID except) {
    return refs("a.invoice_key = :value", invoiceKey, except);
  }

  /** Other counted vouchers, in any unit, with an attachment of this file. */
  Flux<VoucherRef> sameFile(byte[] sha256, UUID except) {
    return refs("a.sha256 = :value", sha256, except);
  }

  private Flux<VoucherRef> refs(String condition, Object value, UUID except) {
    return db.sql(
            "SELECT DISTINCT v.id, v.period, v.number FROM voucher v"
                + " JOIN voucher_attachment a ON a.voucher_id = v.id WHERE "
                + condition
                + " AND v.id <> :except AND"
                + COUNTED
                + " ORDER BY v.period, v.number")
        .bind("value", value)
        .bind("except", except)
        .map(
            row ->
                new VoucherRef(
                    row.get("id", UUID.class),
                    Period.parse(row.get("period", String.class), "period"),
                    row.get("number", Integer.class)))
        .all();
  }

  private static Finding finding(Readable row) {
    return new Finding(
        row.get("id", UUID.class),
        row.get("unit_id", UUID.class),
        row.get("voucher_id", UUID.class),
        row.get("period", String.class),
        row.get("rule", String.class),
        Severity.valueOf(row.get("severity", String.class)),
        FindingStatus.valueOf(row.get("status", String.class)),
        row.get("explanation", String.class),
        row.get("numbers", String.class),
        row.get("raised_at", Instant.class),
        row.get("version", Long.class),
        row.get("updated_at", Instant.class));
  }
}
