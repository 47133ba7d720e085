package org.govchain.accounting.units.web;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.govchain.accounting.units.UnitType;
import org.govchain.accounting.vouchers.Period;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Units and their sub-accounts in PostgreSQL (R2DBC). */
@Repository
public class UnitRepository {

  private static final String COLUMNS =
      "id, credit_code, name, region, unit_type, chart_version, first_period, created_by,"
          + " created_at";

  private final DatabaseClient db;

  UnitRepository(DatabaseClient db) {
    this.db = db;
  }

  /** Inserts the unit and the head of its (empty) hash chain. */
  Mono<Void> insert(Unit u) {
    return db.sql(
            "INSERT INTO unit ("
                + COLUMNS
                + ") VALUES (:id, :creditCode, :name, :region, :type, :chartVersion,"
                + " :firstPeriod, :createdBy, :createdAt)")
        .bind("id", u.id())
        .bind("creditCode", u.creditCode())
        .bind("name", u.name())
        .bind("region", u.region())
        .bind("type", u.type().name())
        .bind("chartVersion", u.chartVersion())
        .bind("firstPeriod", u.firstPeriod().toString())
        .bind("createdBy", u.createdBy())
        .bind("createdAt", u.createdAt())
        .then()
        .then(
            db.sql("INSERT INTO unit_chain (unit_id, length, head) VALUES (:id, 0, NULL)")
                .bind("id", u.id())
                .then());
  }

  public Mono<Unit> findById(UUID id) {
    return db.sql("SELECT " + COLUMNS + " FROM unit WHERE id = :id")
        .bind("id", id)
        .map(UnitRepository::unit)
        .one();
  }

  Mono<Unit> findByCreditCode(String creditCode) {
    return db.sql("SELECT " + COLUMNS + " FROM unit WHERE credit_code = :code")
        .bind("code", creditCode)
        .map(UnitRepository::unit)
        .one();
  }

  /** Units in credit code order; only the one with {@code creditCode} when it is given. */
  Flux<Unit> list(String creditCode, int page, int size) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM unit WHERE (:code::text IS NULL OR credit_code = :code)"
                + " ORDER BY credit_code LIMIT :limit OFFSET :offset")
        .bind("code", Parameter.fromOrEmpty(creditCode, String.class))
        .bind("limit", size)
        .bind("offset", (long) page * size)
        .map(UnitRepository::unit)
        .all();
  }

  Mono<Long> count(String creditCode) {
    return db.sql(
            "SELECT count(*) AS n FROM unit WHERE (:code::text IS NULL OR credit_code = :code)")
        .bind("code", Parameter.fromOrEmpty(creditCode, String.class))
        .map(row -> row.get("n", Long.class))
        .one();
  }

  /** A unit's sub-accounts in code order. */
  public Flux<SubAccount> subAccounts(UUID unitId) {
    return db.sql(
            "SELECT code, name, clears_to, created_by, created_at FROM unit_account"
                + " WHERE unit_id = :unit ORDER BY code")
        .bind("unit", unitId)
        .map(
            row ->
                new SubAccount(
                    row.get("code", String.class),
                    row.get("name", String.class),
                    row.get("clears_to", String.class),
                    row.get("created_by", String.class),
                    row.get("created_at", Instant.class)))
        .all();
  }

  Mono<Void> insertSubAccount(UUID unitId, SubAccount account) {
    return db.sql(
            "INSERT INTO unit_account (unit_id, code, name, clears_to, created_by, created_at)"
                + " VALUES (:unit, :code, :name, :clearsTo, :createdBy, :createdAt)")
        .bind("unit", unitId)
        .bind("code", account.code())
        .bind("name", account.name())
        .bind("clearsTo", Parameter.fromOrEmpty(account.clearsTo(), String.class))
        .bind("createdBy", account.createdBy())
        .bind("createdAt", account.createdAt())
        .then();
  }

  /** Whether any voucher of the unit has a line on {@code account} itself. */
  Mono<Boolean> hasLines(UUID unitId, String account) {
    return db.sql(
            "SELECT EXISTS (SELECT 1 FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id"
                + " WHERE v.unit_id = :unit AND l.account = :account) AS used")
        .bind("unit", unitId)
        .bind("account", account)
        .map(row -> row.get("used", Boolean.class))
        .one();
  }

  /** Locks the unit's chart against concurrent sub-account additions (the unit row). */
  Mono<Unit> lock(UUID id) {
    return db.sql("SELECT " + COLUMNS + " FROM unit WHERE id = :id FOR UPDATE")
        .bind("id", id)
        .map(UnitRepository::unit)
        .one();
  }

  private static Unit unit(Readable row) {
    return new Unit(
        row.get("id", UUID.class),
        row.get("credit_code", String.class),
        row.get("name", String.class),
        row.get("region", String.class),
        UnitType.valueOf(row.get("unit_type", String.class)),
        row.get("chart_version", String.class),
        Period.parse(row.get("first_period", String.class), "firstPeriod"),
        row.get("created_by", String.class),
        row.get("created_at", Instant.class));
  }
}
