package org.govchain.accounting.units.web;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govchain.accounting.chart.ChartOfAccounts;
import org.govchain.accounting.chart.Element;
import org.govchain.accounting.chart.UnitChart;
import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.accounting.security.Caller;
import org.govchain.accounting.units.UnifiedSocialCreditCode;
import org.govchain.accounting.vouchers.Period;
import org.govchain.anchor.spring.idempotency.Idempotency;
import org.govchain.anchor.spring.idempotency.IdempotentRequest;
import org.govchain.anchor.spring.idempotency.StoredResponse;
import org.govchain.anchor.spring.log.LogAppender;
import org.govchain.anchor.spring.log.LogReferences;
import org.govchain.anchor.web.paging.Page;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.region.RegionCode;
import org.govchain.anchor.web.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers units and keeps their charts: the standard chart ({@link ChartOfAccounts}) and the
 * sub-accounts each unit adds. Every change is written with its log event in one transaction.
 */
@Service
public class UnitService {

  static final String REGISTER_OPERATION = "accounting.unit.register";
  static final String ADD_ACCOUNT_OPERATION = "accounting.account.add";

  private final UnitRepository units;
  private final ChartOfAccounts chart;
  private final LogAppender log;
  private final LogReferences references;
  private final TransactionalOperator tx;
  private final Idempotency idempotency;
  private final Clock clock;
  private final JsonMapper json;

  UnitService(
      UnitRepository units,
      ChartOfAccounts chart,
      LogAppender log,
      LogReferences references,
      ReactiveTransactionManager transactions,
      Idempotency idempotency,
      Clock clock,
      JsonMapper json) {
    this.units = units;
    this.chart = chart;
    this.log = log;
    this.references = references;
    this.tx = TransactionalOperator.create(transactions);
    this.idempotency = idempotency;
    this.clock = clock;
    this.json = json;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Registers a unit (201), or replays the first answer to the caller's idempotency key. */
  Mono<StoredResponse> register(UnitRequests.Register request, Caller caller, String key) {
    UnifiedSocialCreditCode code =
        UnifiedSocialCreditCode.parse(request.creditCode(), "creditCode");
    RegionCode region = RegionCode.parse(request.region(), "region");
    Period first = Period.parse(request.firstPeriod(), "firstPeriod");
    String name = request.name().strip();
    Map<String, Object> fingerprint = new LinkedHashMap<>();
    fingerprint.put("creditCode", code.value());
    fingerprint.put("name", name);
    fingerprint.put("region", region.value());
    fingerprint.put("type", request.type().name());
    fingerprint.put("firstPeriod", first.toString());
    IdempotentRequest once =
        new IdempotentRequest(caller.subject(), key, REGISTER_OPERATION, fingerprint);
    return idempotency.once(
        once,
        Mono.defer(
            () -> {
              Instant now = now();
              Unit unit =
                  new Unit(
                      UUID.randomUUID(),
                      code.value(),
                      name,
                      region.value(),
                      request.type(),
                      chart.version(),
                      first,
                      caller.subject(),
                      now);
              return units
                  .insert(unit)
                  .then(
                      log.append(
                          "accounting.unit.registered",
                          unit.id().toString(),
                          1,
                          now,
                          loggedBy(unit.toData(), "createdBy", caller)))
                  .as(tx::transactional)
                  .onErrorMap(DuplicateKeyException.class, e -> unitExists(code.value()))
                  .thenReturn(
                      new StoredResponse(
                          HttpStatus.CREATED.value(),
                          "/api/accounting/units/" + unit.id(),
                          json.writeValueAsString(unit.toData())));
            }));
  }

  /**
   * A log event's copy of an answer, the acting clerk or admin as a keyed reference: every bundle
   * is public (docs/proof-bundle.md, "What a bundle discloses").
   */
  private Map<String, Object> loggedBy(Map<String, Object> answer, String member, Caller caller) {
    Map<String, Object> logged = new LinkedHashMap<>(answer);
    logged.put(member, references.staff(caller.subject()));
    return logged;
  }

  private static ProblemException unitExists(String creditCode) {
    return new ProblemException(
        AccountingProblem.UNIT_EXISTS,
        "a unit with the credit code " + creditCode + " is already registered",
        Map.of("creditCode", creditCode));
  }

  /** The unit, if the caller may read its books (404 unknown-unit, 403 foreign-unit). */
  public Mono<Unit> readable(UUID id, Caller caller) {
    return find(id).doOnNext(unit -> caller.requireReader(unit.creditCode()));
  }

  /** The unit, if the caller is one of its clerks (404 unknown-unit, 403 foreign-unit). */
  public Mono<Unit> ownUnit(UUID id, Caller caller) {
    return find(id).doOnNext(unit -> caller.requireClerkOf(unit.creditCode()));
  }

  /** The unit (404 {@code unknown-unit} if there is none). */
  public Mono<Unit> find(UUID id) {
    return units.findById(id).switchIfEmpty(Mono.error(() -> unknownUnit(id)));
  }

  public static ProblemException unknownUnit(UUID id) {
    return new ProblemException(
        AccountingProblem.UNKNOWN_UNIT,
        "no unit has the id " + id,
        Map.of("unitId", id.toString()));
  }

  /** Units: auditors and admins see every unit, a clerk only theirs. */
  Mono<Page<Map<String, Object>>> list(Caller caller, int page, int size) {
    String only = caller.has(Role.AUDITOR) || caller.has(Role.ADMIN) ? null : nonNullUnit(caller);
    return units
        .count(only)
        .zipWith(units.list(only, page, size).map(Unit::toData).collectList())
        .map(t -> new Page<>(t.getT2(), page, size, t.getT1()));
  }

  private static String nonNullUnit(Caller caller) {
    // a clerk bound to no unit sees none: no credit code is the empty string
    return caller.unit() == null ? "" : caller.unit();
  }

  /** The unit's chart: the standard chart with the unit's sub-accounts. */
  public Mono<UnitChart> chartOf(UUID unitId) {
    return units.subAccounts(unitId).collectList().map(this::chartWith);
  }

  /** The unit's sub-accounts, with their year-end clearing overrides. */
  public Mono<List<SubAccount>> subAccounts(UUID unitId) {
    return units.subAccounts(unitId).collectList();
  }

  private UnitChart chartWith(List<SubAccount> subAccounts) {
    Map<String, String> names = new LinkedHashMap<>();
    for (SubAccount sub : subAccounts) {
      names.put(sub.code(), sub.name());
    }
    return UnitChart.of(chart, names);
  }

  /**
   * A sub-account may not be opened beneath an account that already has lines: those lines would
   * stay on an account that is no longer a leaf (409 {@code account-in-use}).
   */
  private Mono<Void> requireUnused(UUID unitId, String code) {
    String parent = code.substring(0, code.lastIndexOf('.'));
    return units
        .hasLines(unitId, parent)
        .flatMap(
            used ->
                used
                    ? Mono.error(
                        new ProblemException(
                            AccountingProblem.ACCOUNT_IN_USE,
                            "the account "
                                + parent
                                + " already has voucher lines: a sub-account beneath it would"
                                + " leave them on an account that no longer takes postings",
                            Map.of("account", parent)))
                    : Mono.empty());
  }

  /**
   * A sub-account's year-end clearing override: only beneath a budget revenue or expenditure
   * account, only into a first-level budget balance account (8xxx).
   */
  private void checkClearsTo(UnitChart current, String code, String clearsTo) {
    if (clearsTo == null) {
      return;
    }
    Element element = current.firstLevel(code).element();
    if (element != Element.BUDGET_REVENUE && element != Element.BUDGET_EXPENDITURE) {
      throw ProblemException.invalidField(
          "clearsTo",
          "only a budget revenue (6xxx) or expenditure (7xxx) sub-account is cleared at year end"
              + " into a budget balance account");
    }
    boolean target =
        chart.find(clearsTo).map(a -> a.element() == Element.BUDGET_BALANCE).orElse(false);
    if (!target) {
      throw ProblemException.invalidField(
          "clearsTo", "must be a first-level budget balance account of the chart (8xxx)");
    }
  }

  /** Adds a sub-account to a unit's chart (201), its event logged. */
  Mono<StoredResponse> addAccount(
      UUID unitId, UnitRequests.AddAccount request, Caller caller, String key) {
    String code = request.code().strip();
    String name = request.name().strip();
    String clearsTo =
        request.clearsTo() == null || request.clearsTo().isBlank()
            ? null
            : request.clearsTo().strip();
    Map<String, Object> fingerprint = new LinkedHashMap<>();
    fingerprint.put("unit", unitId.toString());
    fingerprint.put("code", code);
    fingerprint.put("name", name);
    fingerprint.put("clearsTo", clearsTo == null ? "" : clearsTo);
    IdempotentRequest once =
        new IdempotentRequest(caller.subject(), key, ADD_ACCOUNT_OPERATION, fingerprint);
    return ownUnit(unitId, caller)
        .flatMap(
            unit ->
                idempotency.once(
                    once,
                    Mono.defer(
                        () ->
                            units
                                .lock(unitId)
                                .then(chartOf(unitId))
                                .flatMap(
                                    current -> {
                                      // syntax, parent, duplicates, the clearing target
                                      current.withSubAccount(code, name);
                                      checkClearsTo(current, code, clearsTo);
                                      return requireUnused(unitId, code);
                                    })
                                .then(
                                    Mono.defer(
                                        () ->
                                            insertSubAccount(unitId, code, name, clearsTo, caller)))
                                .as(tx::transactional))));
  }

  private Mono<StoredResponse> insertSubAccount(
      UUID unitId, String code, String name, String clearsTo, Caller caller) {
    Instant now = now();
    SubAccount sub = new SubAccount(code, name, clearsTo, caller.subject(), now);
    Map<String, Object> data = sub.toData();
    data.put("unit", unitId.toString());
    Map<String, Object> logged = loggedBy(data, "createdBy", caller);
    return units
        .insertSubAccount(unitId, sub)
        .then(log.append("accounting.account.added", unitId + "/accounts/" + code, 1, now, logged))
        .thenReturn(
            new StoredResponse(
                HttpStatus.CREATED.value(),
                "/api/accounting/units/" + unitId + "/accounts",
                json.writeValueAsString(data)));
  }
}
