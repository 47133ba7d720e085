package org.govchain.accounting.vouchers.web;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.govchain.accounting.chart.Side;
import org.govchain.accounting.vouchers.AttachmentKind;
import org.govchain.accounting.vouchers.CounterpartyKind;
import org.govchain.accounting.vouchers.Period;
import org.govchain.accounting.vouchers.VoucherKind;
import org.govchain.accounting.vouchers.VoucherLine;
import org.govchain.accounting.vouchers.VoucherStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Vouchers, their lines and attachments, numbers and each unit's chain head (R2DBC). */
@Repository
public class VoucherRepository {

  private static final String COLUMNS =
      "id, unit_id, period, kind, status, voucher_date, summary, counterparty_kind,"
          + " counterparty_code, counterparty_name, reverses, preparer, prepared_at, reviewer,"
          + " reviewed_at, number, posted_by, posted_at, chain_index, previous_hash, hash, version";

  private final DatabaseClient db;

  VoucherRepository(DatabaseClient db) {
    this.db = db;
  }

  /** A voucher's header row, before its lines and attachments are read. */
  private record Header(Voucher voucher) {}

  Mono<Void> insert(Voucher v) {
    Counterparty cp = v.counterparty();
    Mono<Void> header =
        db.sql(
                "INSERT INTO voucher ("
                    + COLUMNS
                    + ") VALUES (:id, :unitId, :period, :kind, :status, :date, :summary,"
                    + " :cpKind, :cpCode, :cpName, :reverses, :preparer, :preparedAt, NULL, NULL,"
                    + " NULL, NULL, NULL, NULL, NULL, NULL, :version)")
            .bind("id", v.id())
            .bind("unitId", v.unitId())
            .bind("period", v.period().toString())
            .bind("kind", v.kind().name())
            .bind("status", v.status().name())
            .bind("date", v.date())
            .bind("summary", v.summary())
            .bind(
                "cpKind", Parameter.fromOrEmpty(cp == null ? null : cp.kind().name(), String.class))
            .bind("cpCode", Parameter.fromOrEmpty(cp == null ? null : cp.code(), String.class))
            .bind("cpName", Parameter.fromOrEmpty(cp == null ? null : cp.name(), String.class))
            .bind("reverses", Parameter.fromOrEmpty(v.reverses(), UUID.class))
            .bind("preparer", v.preparer())
            .bind("preparedAt", v.preparedAt())
            .bind("version", v.version())
            .then();
    Flux<Void> lines =
        Flux.range(0, v.lines().size())
            .concatMap(
                i -> {
                  VoucherLine line = v.lines().get(i);
                  return db.sql(
                          "INSERT INTO voucher_line (voucher_id, line_no, account, side, amount,"
                              + " memo) VALUES (:id, :no, :account, :side, :amount, :memo)")
                      .bind("id", v.id())
                      .bind("no", i + 1)
                      .bind("account", line.account())
                      .bind("side", line.side().name())
                      .bind("amount", line.amount())
                      .bind("memo", Parameter.fromOrEmpty(line.memo(), String.class))
                      .then();
                });
    Flux<Void> attachments =
        Flux.range(0, v.attachments().size())
            .concatMap(
                i -> {
                  Attachment a = v.attachments().get(i);
                  return db.sql(
                          "INSERT INTO voucher_attachment (voucher_id, attachment_no, kind,"
                              + " invoice_code, invoice_number, invoice_key, sha256) VALUES (:id,"
                              + " :no, :kind, :code, :number, :key, :sha256)")
                      .bind("id", v.id())
                      .bind("no", i + 1)
                      .bind("kind", a.kind().name())
                      .bind("code", Parameter.fromOrEmpty(a.invoiceCode(), String.class))
                      .bind("number", Parameter.fromOrEmpty(a.invoiceNumber(), String.class))
                      .bind("key", Parameter.fromOrEmpty(a.invoiceKey(), String.class))
                      .bind("sha256", a.sha256())
                      .then();
                });
    return header.thenMany(lines).thenMany(attachments).then();
  }

  /** Writes a reviewed voucher's review (the row must still be at the previous version). */
  Mono<Void> markReviewed(Voucher v) {
    return expectOne(
        db.sql(
                "UPDATE voucher SET status = 'REVIEWED', reviewer = :reviewer,"
                    + " reviewed_at = :reviewedAt, version = :version"
                    + " WHERE id = :id AND version = :version - 1 AND status = 'DRAFT'")
            .bind("id", v.id())
            .bind("reviewer", v.reviewer())
            .bind("reviewedAt", v.reviewedAt())
            .bind("version", v.version())
            .fetch()
            .rowsUpdated(),
        v);
  }

  /** Writes a voucher's posting: number, chain place and hash. */
  Mono<Void> markPosted(Voucher v) {
    return expectOne(
        db.sql(
                "UPDATE voucher SET status = 'POSTED', number = :number, posted_by = :postedBy,"
                    + " posted_at = :postedAt, chain_index = :chainIndex,"
                    + " previous_hash = :previousHash, hash = :hash, version = :version"
                    + " WHERE id = :id AND version = :version - 1 AND status <> 'POSTED'")
            .bind("id", v.id())
            .bind("number", v.number())
            .bind("postedBy", v.postedBy())
            .bind("postedAt", v.postedAt())
            .bind("chainIndex", v.chainIndex())
            .bind("previousHash", Parameter.fromOrEmpty(v.previousHash(), byte[].class))
            .bind("hash", v.hash())
            .bind("version", v.version())
            .fetch()
            .rowsUpdated(),
        v);
  }

  private static Mono<Void> expectOne(Mono<Long> updated, Voucher v) {
    return updated.flatMap(
        n ->
            n == 1
                ? Mono.<Void>empty()
                : Mono.error(
                    new IllegalStateException(
                        "voucher "
                            + v.id()
                            + " changed under its lock (version "
                            + v.version()
                            + ")")));
  }

  /** Removes a voucher that is not posted (the database refuses it for a posted one). */
  Mono<Void> deleteUnposted(UUID id) {
    return db.sql("DELETE FROM voucher_attachment WHERE voucher_id = :id")
        .bind("id", id)
        .then()
        .then(db.sql("DELETE FROM voucher_line WHERE voucher_id = :id").bind("id", id).then())
        .then(
            db.sql("DELETE FROM voucher WHERE id = :id AND status <> 'POSTED'")
                .bind("id", id)
                .then());
  }

  public Mono<Voucher> findById(UUID id) {
    return header("SELECT " + COLUMNS + " FROM voucher WHERE id = :id", id)
        .flatMap(this::withParts);
  }

  /** The voucher, locked against every other change until the transaction ends. */
  Mono<Voucher> lock(UUID id) {
    return header("SELECT " + COLUMNS + " FROM voucher WHERE id = :id FOR UPDATE", id)
        .flatMap(this::withParts);
  }

  private Mono<Header> header(String sql, UUID id) {
    return db.sql(sql)
        .bind("id", id)
        .map(row -> new Header(voucher(row, List.of(), List.of())))
        .one();
  }

  private Mono<Voucher> withParts(Header h) {
    Voucher v = h.voucher();
    return lines(v.id())
        .collectList()
        .zipWith(attachments(v.id()).collectList())
        .map(
            parts ->
                new Voucher(
                    v.id(),
                    v.unitId(),
                    v.period(),
                    v.kind(),
                    v.status(),
                    v.date(),
                    v.summary(),
                    v.counterparty(),
                    v.reverses(),
                    v.preparer(),
                    v.preparedAt(),
                    v.reviewer(),
                    v.reviewedAt(),
                    v.number(),
                    v.postedBy(),
                    v.postedAt(),
                    v.chainIndex(),
                    v.previousHash(),
                    v.hash(),
                    v.version(),
                    parts.getT1(),
                    parts.getT2()));
  }

  private Flux<VoucherLine> lines(UUID id) {
    return db.sql(
            "SELECT account, side, amount, memo FROM voucher_line WHERE voucher_id = :id"
                + " ORDER BY line_no")
        .bind("id", id)
        .map(
            row ->
                new VoucherLine(
                    row.get("account", String.class),
                    Side.valueOf(row.get("side", String.class)),
                    row.get("amount", BigDecimal.class),
                    row.get("memo", String.class)))
        .all();
  }

  private Flux<Attachment> attachments(UUID id) {
    return db.sql(
            "SELECT kind, invoice_code, invoice_number, invoice_key, sha256 FROM voucher_attachment"
                + " WHERE voucher_id = :id ORDER BY attachment_no")
        .bind("id", id)
        .map(
            row ->
                new Attachment(
                    AttachmentKind.valueOf(row.get("kind", String.class)),
                    row.get("invoice_code", String.class),
                    row.get("invoice_number", String.class),
                    row.get("invoice_key", String.class),
                    row.get("sha256", byte[].class)))
        .all();
  }

  /** The reversal that names this voucher as its original, if one was prepared. */
  Mono<Voucher> reversalOf(UUID original) {
    return db.sql("SELECT " + COLUMNS + " FROM voucher WHERE reverses = :id")
        .bind("id", original)
        .map(row -> voucher(row, List.of(), List.of()))
        .one();
  }

  /** The unit's vouchers, by period and number (drafts last in their period), paged. */
  Flux<Voucher> list(UUID unitId, String period, String status, int page, int size) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM voucher WHERE unit_id = :unit"
                + " AND (:period::text IS NULL OR period = :period)"
                + " AND (:status::text IS NULL OR status = :status)"
                + " ORDER BY period, number NULLS LAST, prepared_at, id LIMIT :limit OFFSET :offset")
        .bind("unit", unitId)
        .bind("period", Parameter.fromOrEmpty(period, String.class))
        .bind("status", Parameter.fromOrEmpty(status, String.class))
        .bind("limit", size)
        .bind("offset", (long) page * size)
        .map(row -> new Header(voucher(row, List.of(), List.of())))
        .all()
        .concatMap(this::withParts);
  }

  Mono<Long> count(UUID unitId, String period, String status) {
    return db.sql(
            "SELECT count(*) AS n FROM voucher WHERE unit_id = :unit"
                + " AND (:period::text IS NULL OR period = :period)"
                + " AND (:status::text IS NULL OR status = :status)")
        .bind("unit", unitId)
        .bind("period", Parameter.fromOrEmpty(period, String.class))
        .bind("status", Parameter.fromOrEmpty(status, String.class))
        .map(row -> row.get("n", Long.class))
        .one();
  }

  /** The unit's posted vouchers in chain order, from chain index {@code from} on. */
  public Flux<Voucher> chain(UUID unitId, long from) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM voucher WHERE unit_id = :unit AND status = 'POSTED'"
                + " AND chain_index >= :from ORDER BY chain_index")
        .bind("unit", unitId)
        .bind("from", from)
        .map(row -> new Header(voucher(row, List.of(), List.of())))
        .all()
        .concatMap(this::withParts);
  }

  /** The unit's posted vouchers of the period (closing entries left out), by number. */
  public Flux<Voucher> postedIn(UUID unitId, Period period) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM voucher WHERE unit_id = :unit AND period = :period AND status = 'POSTED'"
                + " AND kind <> 'CLOSING' ORDER BY number")
        .bind("unit", unitId)
        .bind("period", period.toString())
        .map(row -> new Header(voucher(row, List.of(), List.of())))
        .all()
        .concatMap(this::withParts);
  }

  /** The next number in the unit's period; the counter row stays locked until commit. */
  Mono<Integer> nextNumber(UUID unitId, Period period) {
    return db.sql(
            "INSERT INTO voucher_counter (unit_id, period, last) VALUES (:unit, :period, 1)"
                + " ON CONFLICT (unit_id, period) DO UPDATE SET last = voucher_counter.last + 1"
                + " RETURNING last")
        .bind("unit", unitId)
        .bind("period", period.toString())
        .map(row -> row.get("last", Integer.class))
        .one();
  }

  /** The head of the unit's hash chain, locked until commit: one posting at a time per unit. */
  public Mono<ChainHead> lockChain(UUID unitId) {
    return db.sql("SELECT length, head FROM unit_chain WHERE unit_id = :unit FOR UPDATE")
        .bind("unit", unitId)
        .map(row -> new ChainHead(row.get("length", Long.class), row.get("head", byte[].class)))
        .one();
  }

  /** The head of the unit's hash chain, without locking it. */
  public Mono<ChainHead> chainHead(UUID unitId) {
    return db.sql("SELECT length, head FROM unit_chain WHERE unit_id = :unit")
        .bind("unit", unitId)
        .map(row -> new ChainHead(row.get("length", Long.class), row.get("head", byte[].class)))
        .one();
  }

  Mono<Void> advanceChain(UUID unitId, long length, byte[] head) {
    return db.sql("UPDATE unit_chain SET length = :length, head = :head WHERE unit_id = :unit")
        .bind("unit", unitId)
        .bind("length", length)
        .bind("head", head)
        .then();
  }

  /** Whether the unit's period is closed. */
  public Mono<Boolean> isClosed(UUID unitId, Period period) {
    return db.sql("SELECT status FROM period WHERE unit_id = :unit AND period = :period")
        .bind("unit", unitId)
        .bind("period", period.toString())
        .map(row -> "CLOSED".equals(row.get("status", String.class)))
        .one()
        .defaultIfEmpty(false);
  }

  /**
   * The head of a unit's hash chain.
   *
   * @param length how many vouchers are chained
   * @param head the hash of the last one, null while there is none
   */
  public record ChainHead(long length, byte[] head) {}

  private static Voucher voucher(
      Readable row, List<VoucherLine> lines, List<Attachment> attachments) {
    String cpKind = row.get("counterparty_kind", String.class);
    return new Voucher(
        row.get("id", UUID.class),
        row.get("unit_id", UUID.class),
        Period.parse(row.get("period", String.class), "period"),
        VoucherKind.valueOf(row.get("kind", String.class)),
        VoucherStatus.valueOf(row.get("status", String.class)),
        row.get("voucher_date", LocalDate.class),
        row.get("summary", String.class),
        cpKind == null
            ? null
            : new Counterparty(
                CounterpartyKind.valueOf(cpKind),
                row.get("counterparty_code", String.class),
                row.get("counterparty_name", String.class)),
        row.get("reverses", UUID.class),
        row.get("preparer", String.class),
        row.get("prepared_at", Instant.class),
        row.get("reviewer", String.class),
        row.get("reviewed_at", Instant.class),
        row.get("number", Integer.class),
        row.get("posted_by", String.class),
        row.get("posted_at", Instant.class),
        row.get("chain_index", Long.class),
        row.get("previous_hash", byte[].class),
        row.get("hash", byte[].class),
        row.get("version", Long.class),
        lines,
        attachments);
  }
}
