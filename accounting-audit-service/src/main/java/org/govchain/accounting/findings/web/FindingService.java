package org.govchain.accounting.findings.web;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govchain.accounting.findings.FindingStatus;
import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.accounting.redflags.Context;
import org.govchain.accounting.redflags.Flag;
import org.govchain.accounting.redflags.HolidayCalendar;
import org.govchain.accounting.redflags.RedFlagRule;
import org.govchain.accounting.redflags.RedFlagSettings;
import org.govchain.accounting.redflags.RedFlags;
import org.govchain.accounting.redflags.Severity;
import org.govchain.accounting.redflags.VoucherFacts;
import org.govchain.accounting.redflags.VoucherRef;
import org.govchain.accounting.security.Caller;
import org.govchain.accounting.units.web.Unit;
import org.govchain.accounting.units.web.UnitService;
import org.govchain.accounting.vouchers.Period;
import org.govchain.accounting.vouchers.VoucherKind;
import org.govchain.accounting.vouchers.web.Attachment;
import org.govchain.accounting.vouchers.web.Voucher;
import org.govchain.accounting.vouchers.web.VoucherRepository;
import org.govchain.anchor.spring.log.LogAppender;
import org.govchain.anchor.spring.log.LogReferences;
import org.govchain.anchor.web.paging.Page;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raises red-flag findings on posted vouchers — in the posting's own transaction, and again for a
 * whole period when it closes (a rule may trip on a voucher only once later ones exist) — and lets
 * auditors work them. Every finding and every status change is a log event.
 */
@Service
public class FindingService {

  private static final HexFormat HEX = HexFormat.of();
  private static final String SYSTEM = "system";

  /** The purpose of an auditor's comment in log envelopes (LogReferences). */
  static final String COMMENT = "comment";

  private final FindingRepository findings;
  private final VoucherRepository vouchers;
  private final UnitService units;
  private final RedFlagSettings settings;
  private final HolidayCalendar calendar;
  private final LogAppender log;
  private final LogReferences references;
  private final TransactionalOperator tx;
  private final Clock clock;
  private final JsonMapper json;

  FindingService(
      FindingRepository findings,
      VoucherRepository vouchers,
      UnitService units,
      RedFlagSettings settings,
      HolidayCalendar calendar,
      LogAppender log,
      LogReferences references,
      ReactiveTransactionManager transactions,
      Clock clock,
      JsonMapper json) {
    this.findings = findings;
    this.vouchers = vouchers;
    this.units = units;
    this.settings = settings;
    this.calendar = calendar;
    this.log = log;
    this.references = references;
    this.tx = TransactionalOperator.create(transactions);
    this.clock = clock;
    this.json = json;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  // ---- raising

  /**
   * Runs the rules on a voucher just posted and records what trips, joining the caller's
   * transaction; answers the findings raised.
   */
  public Mono<List<Map<String, Object>>> raise(Voucher posted, Unit unit) {
    return facts(posted, unit)
        .flatMap(facts -> context(facts, posted).map(c -> RedFlags.evaluate(facts, c, settings)))
        .flatMapMany(Flux::fromIterable)
        .concatMap(flag -> record(flag, posted, unit))
        .collectList();
  }

  /** Runs the rules again on every posted voucher of the period (at its close). */
  public Mono<List<Map<String, Object>>> rescan(Unit unit, Period period) {
    return vouchers
        .postedIn(unit.id(), period)
        .concatMap(v -> raise(v, unit))
        .flatMapIterable(list -> list)
        .collectList();
  }

  private Mono<Map<String, Object>> record(Flag flag, Voucher v, Unit unit) {
    Instant now = now();
    Finding finding =
        new Finding(
            UUID.randomUUID(),
            unit.id(),
            v.id(),
            v.period().toString(),
            flag.rule().id(),
            flag.severity(),
            FindingStatus.OPEN,
            flag.explanation(),
            json.writeValueAsString(flag.numbers()),
            now,
            1,
            now);
    Map<String, Object> data = finding.toData(unit.creditCode(), flag.numbers());
    data.put("titleZh", flag.rule().titleZh());
    data.put("titleEn", flag.rule().titleEn());
    return findings
        .insertIfNew(finding)
        .flatMap(
            inserted ->
                inserted
                    ? findings
                        .insertEvent(finding.id(), 1, FindingStatus.OPEN, SYSTEM, null, now)
                        .then(
                            log.append(
                                "accounting.finding.raised", finding.id().toString(), 1, now, data))
                        .thenReturn(data)
                    : Mono.empty());
  }

  /** What the rules know of the voucher. */
  private Mono<VoucherFacts> facts(Voucher v, Unit unit) {
    Mono<Voucher> original = v.reverses() == null ? Mono.empty() : vouchers.findById(v.reverses());
    return original
        .flatMap(
            o ->
                vouchers
                    .isClosed(unit.id(), o.period())
                    .map(closed -> build(v, unit, closed, o.period(), o.number())))
        .switchIfEmpty(Mono.fromSupplier(() -> build(v, unit, false, null, null)));
  }

  private static VoucherFacts build(
      Voucher v, Unit unit, boolean originalClosed, Period originalPeriod, Integer originalNumber) {
    List<VoucherFacts.Line> lines = new ArrayList<>();
    v.lines()
        .forEach(
            l ->
                lines.add(
                    new VoucherFacts.Line(
                        l.account(),
                        l.side() == org.govchain.accounting.chart.Side.DEBIT,
                        l.amount())));
    List<VoucherFacts.Attachment> attachments = new ArrayList<>();
    for (Attachment a : v.attachments()) {
      attachments.add(
          new VoucherFacts.Attachment(a.kind().name(), a.invoiceKey(), HEX.formatHex(a.sha256())));
    }
    return new VoucherFacts(
        v.id(),
        unit.creditCode(),
        v.period(),
        v.number(),
        v.date(),
        v.kind().name(),
        v.preparer(),
        v.reviewer(),
        lines,
        v.counterparty() == null
            ? null
            : new VoucherFacts.Counterparty(
                v.counterparty().kind().name(), v.counterparty().code()),
        attachments,
        originalClosed,
        v.kind() == VoucherKind.REVERSAL ? originalPeriod : null,
        v.kind() == VoucherKind.REVERSAL ? originalNumber : null);
  }

  /** What the rules look up: earlier payments to the counterparty, the same documents elsewhere. */
  private Mono<Context> context(VoucherFacts facts, Voucher v) {
    Mono<List<Context.PriorPayment>> payments =
        v.counterparty() == null
            ? Mono.just(List.of())
            : findings
                .payments(
                    v.unitId(),
                    v.counterparty().kind().name(),
                    v.counterparty().code(),
                    v.date().minusDays(settings.splitPaymentWindowDays()),
                    v.date(),
                    v.id())
                .collectList();
    Mono<Map<String, List<VoucherRef>>> invoices =
        Flux.fromIterable(v.attachments())
            .filter(a -> a.invoiceKey() != null)
            .concatMap(
                a ->
                    findings
                        .sameInvoice(a.invoiceKey(), v.id())
                        .collectList()
                        .map(refs -> Map.entry(a.invoiceKey(), refs)))
            .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
    Mono<Map<String, List<VoucherRef>>> files =
        Flux.fromIterable(v.attachments())
            .concatMap(
                a ->
                    findings
                        .sameFile(a.sha256(), v.id())
                        .collectList()
                        .map(refs -> Map.entry(HEX.formatHex(a.sha256()), refs)))
            .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
    return Mono.zip(payments, invoices, files)
        .map(t -> new Context(t.getT1(), t.getT2(), t.getT3(), calendar));
  }

  // ---- working findings

  /** An auditor acknowledges, escalates or resolves a finding, with a comment. */
  Mono<Map<String, Object>> act(
      UUID id, FindingStatus.Action action, String comment, Caller caller) {
    if (comment == null || comment.isBlank()) {
      return Mono.error(
          ProblemException.invalidField("comment", "an auditor's action needs a comment"));
    }
    if (comment.length() > 2000) {
      return Mono.error(ProblemException.invalidField("comment", "at most 2000 characters"));
    }
    return findings
        .lock(id)
        .switchIfEmpty(Mono.error(() -> unknownFinding(id)))
        .flatMap(
            f -> {
              if (!action.allowedFrom(f.status())) {
                return Mono.error(
                    new ProblemException(
                        AccountingProblem.ILLEGAL_FINDING_STATE,
                        "a finding that is " + f.status() + " cannot be " + action.eventName(),
                        Map.of("findingId", id.toString(), "findingStatus", f.status().name())));
              }
              Instant now = now();
              Finding changed = f.withStatus(action.to(), now);
              return units
                  .find(f.unitId())
                  .flatMap(
                      unit -> {
                        Map<String, Object> data =
                            changed.toData(unit.creditCode(), numbers(changed));
                        data.put("actor", caller.subject());
                        data.put("comment", comment.strip());
                        // the log's copy: the auditor and their comment as keyed references
                        // (every bundle is public); the finding's events keep them in clear
                        Map<String, Object> logged = new LinkedHashMap<>(data);
                        logged.put("actor", references.staff(caller.subject()));
                        logged.put("comment", references.of(COMMENT, comment.strip()));
                        return findings
                            .updateStatus(changed)
                            .then(
                                findings.insertEvent(
                                    id,
                                    changed.version(),
                                    changed.status(),
                                    caller.subject(),
                                    comment.strip(),
                                    now))
                            .then(
                                log.append(
                                    "accounting.finding." + action.eventName(),
                                    id.toString(),
                                    changed.version(),
                                    now,
                                    logged))
                            .thenReturn(data);
                      });
            })
        .as(tx::transactional);
  }

  // ---- reads

  /** Findings: auditors and admins see every unit's, a clerk only their unit's. */
  Mono<Page<Map<String, Object>>> list(
      UUID unitId,
      String rule,
      Severity severity,
      FindingStatus status,
      UUID voucherId,
      Caller caller,
      int page,
      int size) {
    if (rule != null && RedFlagRule.byId(rule).isEmpty()) {
      return Mono.error(ProblemException.invalidField("rule", "no red-flag rule has this id"));
    }
    Mono<UUID> scope =
        caller.has(Role.AUDITOR) || caller.has(Role.ADMIN)
            ? Mono.justOrEmpty(unitId)
            : clerkScope(unitId, caller);
    return scope
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            unit -> {
              FindingRepository.Filter filter =
                  new FindingRepository.Filter(
                      unit.orElse(null),
                      rule,
                      severity == null ? null : severity.name(),
                      status == null ? null : status.name(),
                      voucherId);
              return findings
                  .count(filter)
                  .zipWith(findings.list(filter, page, size).concatMap(this::view).collectList())
                  .map(t -> new Page<>(t.getT2(), page, size, t.getT1()));
            });
  }

  /** A clerk's findings are their unit's: the unit asked for must be theirs. */
  private Mono<UUID> clerkScope(UUID unitId, Caller caller) {
    if (unitId == null) {
      return Mono.error(
          ProblemException.invalidField(
              "unit", "a clerk lists the findings of their own unit: give its id"));
    }
    return units.ownUnit(unitId, caller).map(Unit::id);
  }

  /** A finding the caller may read. */
  Mono<Map<String, Object>> find(UUID id, Caller caller) {
    return readable(id, caller).flatMap(this::view);
  }

  Mono<Finding> readable(UUID id, Caller caller) {
    return findings
        .findById(id)
        .switchIfEmpty(Mono.error(() -> unknownFinding(id)))
        .flatMap(f -> units.readable(f.unitId(), caller).thenReturn(f));
  }

  private Mono<Map<String, Object>> view(Finding f) {
    return units.find(f.unitId()).map(unit -> f.toData(unit.creditCode(), numbers(f)));
  }

  private Object numbers(Finding f) {
    return json.readValue(f.numbersJson(), Map.class);
  }

  private static ProblemException unknownFinding(UUID id) {
    return new ProblemException(
        AccountingProblem.UNKNOWN_FINDING,
        "no finding has the id " + id,
        Map.of("findingId", id.toString()));
  }
}
