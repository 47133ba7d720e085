package org.govchain.accounting.vouchers.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.govchain.accounting.findings.web.FindingService;
import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.accounting.security.Caller;
import org.govchain.accounting.units.UnifiedSocialCreditCode;
import org.govchain.accounting.units.web.Unit;
import org.govchain.accounting.units.web.UnitService;
import org.govchain.accounting.vouchers.Amount;
import org.govchain.accounting.vouchers.AttachmentKind;
import org.govchain.accounting.vouchers.CounterpartyKind;
import org.govchain.accounting.vouchers.InvoiceNumber;
import org.govchain.accounting.vouchers.Period;
import org.govchain.accounting.vouchers.VoucherKind;
import org.govchain.accounting.vouchers.VoucherLine;
import org.govchain.accounting.vouchers.VoucherRules;
import org.govchain.accounting.vouchers.VoucherStatus;
import org.govchain.anchor.canonical.Jcs;
import org.govchain.anchor.spring.idempotency.Idempotency;
import org.govchain.anchor.spring.idempotency.IdempotentRequest;
import org.govchain.anchor.spring.idempotency.StoredResponse;
import org.govchain.anchor.spring.log.LogAppender;
import org.govchain.anchor.spring.log.LogReferences;
import org.govchain.anchor.web.paging.Page;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.validation.TimeRules;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A voucher's way into the books: prepared by a clerk of the unit, reviewed by another, posted —
 * numbered in its period without gaps, chained to the unit's previous voucher by hash, logged — and
 * from then on never changed: a mistake is corrected by a red reversal and a new voucher. Every
 * step writes the voucher and its log event in one transaction, under the voucher's row lock.
 */
@Service
public class VoucherService {

  /** Voucher dates are those of the unit, in China. */
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  static final String PREPARE_OPERATION = "accounting.voucher.prepare";
  static final String REVERSE_OPERATION = "accounting.voucher.reverse";

  private static final Pattern PAYEE_REFERENCE = Pattern.compile("[A-Za-z0-9-]{1,32}");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
  private static final HexFormat HEX = HexFormat.of();

  private final VoucherRepository vouchers;
  private final VoucherRules rules;
  private final UnitService units;
  private final FindingService findings;
  private final LogAppender log;
  private final LogReferences references;
  private final TransactionalOperator tx;
  private final Idempotency idempotency;
  private final Clock clock;
  private final JsonMapper json;

  VoucherService(
      VoucherRepository vouchers,
      VoucherRules rules,
      UnitService units,
      FindingService findings,
      LogAppender log,
      LogReferences references,
      ReactiveTransactionManager transactions,
      Idempotency idempotency,
      Clock clock,
      JsonMapper json) {
    this.vouchers = vouchers;
    this.rules = rules;
    this.units = units;
    this.findings = findings;
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

  // ---- prepare

  /** Prepares a voucher (201, a draft) in one of the caller's own unit's open periods. */
  Mono<StoredResponse> prepare(
      UUID unitId, VoucherRequests.Prepare request, Caller caller, String key) {
    Period period = Period.parse(request.period(), "period");
    LocalDate date = dateIn(request.date(), period, "date");
    String summary = request.summary().strip();
    List<VoucherLine> lines = lines(request.lines());
    List<Attachment> attachments = attachments(request.attachments());
    Counterparty counterparty = counterparty(request.counterparty());
    Map<String, Object> fingerprint = new LinkedHashMap<>();
    fingerprint.put("unit", unitId.toString());
    fingerprint.put("period", period.toString());
    fingerprint.put("date", date.toString());
    fingerprint.put("summary", summary);
    if (counterparty != null) {
      fingerprint.put("counterparty", counterparty.toData());
    }
    fingerprint.put("lines", lines.stream().map(Voucher::line).toList());
    fingerprint.put("attachments", attachments.stream().map(Attachment::toData).toList());
    IdempotentRequest once =
        new IdempotentRequest(caller.subject(), key, PREPARE_OPERATION, fingerprint);
    return units
        .ownUnit(unitId, caller)
        .flatMap(
            unit ->
                idempotency.once(
                    once,
                    Mono.defer(
                        () ->
                            requireOpen(unit, period)
                                .then(units.chartOf(unitId))
                                .flatMap(
                                    chart -> {
                                      rules.check(lines, chart, false);
                                      Instant now = now();
                                      Voucher voucher =
                                          Voucher.draft(
                                              unitId,
                                              period,
                                              VoucherKind.ORDINARY,
                                              date,
                                              summary,
                                              counterparty,
                                              null,
                                              caller.subject(),
                                              now,
                                              lines,
                                              attachments);
                                      return vouchers
                                          .insert(voucher)
                                          .then(record(voucher, unit, "prepared", now))
                                          .thenReturn(created(voucher, unit));
                                    })
                                .as(tx::transactional))));
  }

  private StoredResponse created(Voucher voucher, Unit unit) {
    return new StoredResponse(
        HttpStatus.CREATED.value(),
        "/api/accounting/vouchers/" + voucher.id(),
        json.writeValueAsString(voucher.toData(unit.creditCode(), null)));
  }

  private static LocalDate dateIn(String text, Period period, String field) {
    LocalDate date = parseDate(text, field);
    if (!period.contains(date)) {
      throw new ProblemException(
          AccountingProblem.INVALID_PERIOD,
          "the date " + date + " is outside the period " + period,
          Map.of("field", field, "period", period.toString(), "date", date.toString()));
    }
    return date;
  }

  private static List<VoucherLine> lines(List<VoucherRequests.LineRequest> requests) {
    List<VoucherLine> lines = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      VoucherRequests.LineRequest r = requests.get(i);
      String memo = r.memo() == null || r.memo().isBlank() ? null : r.memo().strip();
      lines.add(
          new VoucherLine(
              r.account().strip(),
              r.side(),
              Amount.parse(r.amount(), "lines[" + i + "].amount"),
              memo));
    }
    return List.copyOf(lines);
  }

  private List<Attachment> attachments(List<VoucherRequests.AttachmentRequest> requests) {
    if (requests == null) {
      return List.of();
    }
    List<Attachment> attachments = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      VoucherRequests.AttachmentRequest r = requests.get(i);
      String at = "attachments[" + i + "]";
      if (!SHA256_HEX.matcher(r.sha256().strip()).matches()) {
        throw ProblemException.invalidField(
            at + ".sha256", "must be the file's SHA-256 as 64 hexadecimal digits");
      }
      byte[] sha256 = HEX.parseHex(r.sha256().strip().toLowerCase(Locale.ROOT));
      boolean hasNumber = r.invoiceNumber() != null && !r.invoiceNumber().isBlank();
      boolean hasCode = r.invoiceCode() != null && !r.invoiceCode().isBlank();
      if (r.kind() == AttachmentKind.INVOICE) {
        InvoiceNumber invoice = InvoiceNumber.of(r.invoiceCode(), r.invoiceNumber(), at, clock);
        attachments.add(
            new Attachment(
                r.kind(),
                invoice.code().orElse(null),
                invoice.number(),
                invoice.canonical(),
                sha256));
      } else if (hasNumber || hasCode) {
        throw ProblemException.invalidField(
            at + ".invoiceNumber", "only an attachment of kind INVOICE has an invoice number");
      } else {
        attachments.add(new Attachment(r.kind(), null, null, null, sha256));
      }
    }
    return List.copyOf(attachments);
  }

  private static Counterparty counterparty(VoucherRequests.CounterpartyRequest r) {
    if (r == null) {
      return null;
    }
    String name = r.name() == null || r.name().isBlank() ? null : r.name().strip();
    if (r.kind() == CounterpartyKind.ORGANIZATION) {
      UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(r.code(), "counterparty.code");
      if (name == null) {
        throw ProblemException.invalidField("counterparty.name", "an organisation needs its name");
      }
      return new Counterparty(r.kind(), code.value(), name);
    }
    if (name != null) {
      throw ProblemException.invalidField(
          "counterparty.name",
          "an individual is given by the unit's payee reference only, never by name");
    }
    String reference = r.code().strip();
    if (!PAYEE_REFERENCE.matcher(reference).matches()) {
      throw ProblemException.invalidField(
          "counterparty.code",
          "an individual's payee reference is 1 to 32 letters, digits or '-' (never an ID"
              + " number)");
    }
    return new Counterparty(r.kind(), reference, null);
  }

  /** Fails with 409 {@code period-closed} if the unit's period is closed, 422 if before books. */
  Mono<Void> requireOpen(Unit unit, Period period) {
    if (period.compareTo(unit.firstPeriod()) < 0) {
      return Mono.error(
          new ProblemException(
              AccountingProblem.INVALID_PERIOD,
              "the unit's books here begin in " + unit.firstPeriod() + ", not " + period,
              Map.of("field", "period", "period", period.toString())));
    }
    return vouchers
        .isClosed(unit.id(), period)
        .flatMap(
            closed ->
                closed
                    ? Mono.error(
                        new ProblemException(
                            AccountingProblem.PERIOD_CLOSED,
                            "the period " + period + " of the unit is closed",
                            Map.of("period", period.toString())))
                    : Mono.empty());
  }

  // ---- closing entries

  /**
   * Posts a closing entry (期末结转) the period close computed: no review (the system made it from the
   * posted books), numbered and chained like any voucher. Joins the caller's transaction, which
   * holds the unit's chain lock.
   */
  public Mono<Voucher> postClosingEntry(
      Unit unit, Period period, String summary, List<VoucherLine> lines, String actor) {
    return units
        .chartOf(unit.id())
        .doOnNext(chart -> rules.checkClosingEntry(lines, chart))
        .then(
            Mono.defer(
                () -> {
                  Instant now = now();
                  Voucher draft =
                      Voucher.draft(
                          unit.id(),
                          period,
                          VoucherKind.CLOSING,
                          period.end(),
                          summary,
                          null,
                          null,
                          actor,
                          now,
                          lines,
                          List.of());
                  return vouchers
                      .insert(draft)
                      .then(record(draft, unit, "prepared", now))
                      .then(vouchers.lockChain(unit.id()))
                      .flatMap(
                          head ->
                              vouchers
                                  .nextNumber(unit.id(), period)
                                  .flatMap(number -> postAt(draft, unit, actor, head, number)));
                }));
  }

  // ---- review, post, discard

  /** A second clerk of the unit reviews a draft. */
  Mono<Map<String, Object>> review(UUID id, Caller caller) {
    return lockOwn(id, caller)
        .flatMap(
            locked -> {
              Voucher v = locked.voucher();
              requireStatus(v, VoucherStatus.DRAFT, "review");
              if (v.preparer().equals(caller.subject())) {
                throw new ProblemException(
                    AccountingProblem.SELF_REVIEW,
                    "the preparer of a voucher cannot review it; another clerk of the unit must",
                    Map.of("preparer", v.preparer()));
              }
              Instant now = now();
              Voucher reviewed = v.reviewed(caller.subject(), now);
              return requireOpen(locked.unit(), v.period())
                  .then(vouchers.markReviewed(reviewed))
                  .then(record(reviewed, locked.unit(), "reviewed", now))
                  .thenReturn(reviewed.toData(locked.unit().creditCode(), null));
            })
        .as(tx::transactional);
  }

  /**
   * Posts a reviewed voucher: its number in the period, its place in the unit's hash chain and its
   * hash, under the chain head's lock (one posting at a time per unit, so numbers and chain have no
   * gaps and no duplicates).
   */
  Mono<Map<String, Object>> post(UUID id, Caller caller) {
    return lockOwn(id, caller)
        .flatMap(
            locked -> {
              Voucher v = locked.voucher();
              Unit unit = locked.unit();
              requireStatus(v, VoucherStatus.REVIEWED, "post");
              return requireOpen(unit, v.period())
                  .then(units.chartOf(unit.id()))
                  .doOnNext(
                      chart -> rules.check(v.lines(), chart, v.kind() == VoucherKind.REVERSAL))
                  .then(requireReversible(v))
                  .then(vouchers.lockChain(unit.id()))
                  .flatMap(
                      head ->
                          vouchers
                              .nextNumber(unit.id(), v.period())
                              .flatMap(number -> postAt(v, unit, caller.subject(), head, number))
                              .flatMap(
                                  posted ->
                                      findings
                                          .raise(posted, unit)
                                          .map(
                                              raised -> {
                                                Map<String, Object> data =
                                                    posted.toData(unit.creditCode(), null);
                                                data.put("findings", raised);
                                                return data;
                                              })));
            })
        .as(tx::transactional);
  }

  /** Posts {@code v} as number {@code number}, after {@code head} in the unit's chain. */
  private Mono<Voucher> postAt(
      Voucher v, Unit unit, String actor, VoucherRepository.ChainHead head, int number) {
    Instant now = now();
    Voucher unhashed = v.posted(number, actor, now, head.length() + 1, head.head(), null);
    byte[] hash = hash(unhashed.chainContent(unit.creditCode(), references));
    Voucher posted = v.posted(number, actor, now, head.length() + 1, head.head(), hash);
    return vouchers
        .markPosted(posted)
        .then(vouchers.advanceChain(unit.id(), posted.chainIndex(), hash))
        .then(
            log.append(
                "accounting.voucher.posted",
                posted.id().toString(),
                posted.version(),
                now,
                postedData(posted, unit, references)))
        .thenReturn(posted);
  }

  /**
   * The posted event's data: the chained content and its hash, which the integrity report reads.
   */
  public static Map<String, Object> postedData(
      Voucher posted, Unit unit, LogReferences references) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("content", posted.chainContent(unit.creditCode(), references));
    data.put("hash", HEX.formatHex(posted.hash()));
    return data;
  }

  /** SHA-256 of the RFC 8785 canonical JSON of a voucher's chained content. */
  public static byte[] hash(Map<String, Object> chainContent) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(Jcs.serialize(chainContent));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** A reversal posts only while its original is posted and not already reversed by another. */
  private Mono<Void> requireReversible(Voucher v) {
    if (v.reverses() == null) {
      return Mono.empty();
    }
    return vouchers
        .findById(v.reverses())
        .flatMap(
            original ->
                original.posted()
                    ? Mono.<Void>empty()
                    : Mono.error(
                        illegalState(original, "be reversed", "only a posted voucher can be")));
  }

  /** Discards a voucher that is not posted yet (its preparer or another clerk of the unit). */
  Mono<Void> discard(UUID id, Caller caller) {
    return lockOwn(id, caller)
        .flatMap(
            locked -> {
              Voucher v = locked.voucher();
              if (v.posted()) {
                throw illegalState(
                    v, "be discarded", "a posted voucher is corrected by a red reversal");
              }
              Instant now = now();
              Map<String, Object> data = v.toLogData(locked.unit().creditCode(), references);
              data.put("discardedBy", references.staff(caller.subject()));
              return vouchers
                  .deleteUnposted(id)
                  .then(
                      log.append(
                          "accounting.voucher.discarded",
                          id.toString(),
                          v.version() + 1,
                          now,
                          data))
                  .then();
            })
        .as(tx::transactional);
  }

  // ---- reversal

  /**
   * Prepares the red reversal of a posted voucher (201, a draft): the same lines negated, its
   * summary naming the original. It is reviewed and posted like any voucher; once posted the
   * original counts as reversed. A voucher is reversed at most once.
   */
  Mono<StoredResponse> reverse(
      UUID originalId, VoucherRequests.Reverse request, Caller caller, String key) {
    LocalDate date =
        request == null || request.date() == null || request.date().isBlank()
            ? LocalDate.ofInstant(clock.instant(), CHINA)
            : parseDate(request.date(), "date");
    Period period = Period.containing(date);
    Map<String, Object> fingerprint = new LinkedHashMap<>();
    fingerprint.put("original", originalId.toString());
    fingerprint.put("date", date.toString());
    IdempotentRequest once =
        new IdempotentRequest(caller.subject(), key, REVERSE_OPERATION, fingerprint);
    return idempotency.once(
        once,
        Mono.defer(
            () ->
                lockOwn(originalId, caller)
                    .flatMap(
                        locked -> {
                          Voucher original = locked.voucher();
                          Unit unit = locked.unit();
                          if (!original.posted()) {
                            throw illegalState(
                                original, "be reversed", "only a posted voucher can be");
                          }
                          if (original.kind() != VoucherKind.ORDINARY) {
                            throw illegalState(
                                original,
                                "be reversed",
                                "only an ordinary voucher can be (not a reversal or a closing"
                                    + " entry)");
                          }
                          return vouchers
                              .reversalOf(originalId)
                              .flatMap(
                                  existing ->
                                      Mono.<Voucher>error(alreadyReversed(original, existing)))
                              .then(requireOpen(unit, period))
                              .then(
                                  Mono.defer(
                                      () -> {
                                        Instant now = now();
                                        Voucher reversal =
                                            Voucher.draft(
                                                unit.id(),
                                                period,
                                                VoucherKind.REVERSAL,
                                                date,
                                                reversalSummary(original),
                                                original.counterparty(),
                                                original.id(),
                                                caller.subject(),
                                                now,
                                                VoucherRules.reversalOf(original.lines()),
                                                List.of());
                                        return vouchers
                                            .insert(reversal)
                                            .then(record(reversal, unit, "prepared", now))
                                            .thenReturn(created(reversal, unit));
                                      }));
                        })
                    .as(tx::transactional)));
  }

  private static String reversalSummary(Voucher original) {
    String summary =
        "冲销 " + original.period() + " 第" + original.number() + "号凭证：" + original.summary();
    return summary.length() <= 200 ? summary : summary.substring(0, 200);
  }

  private static ProblemException alreadyReversed(Voucher original, Voucher reversal) {
    return new ProblemException(
        AccountingProblem.ILLEGAL_VOUCHER_STATE,
        "voucher "
            + original.period()
            + " No. "
            + original.number()
            + " is already reversed (or its reversal is being prepared): "
            + reversal.id(),
        Map.of(
            "voucherId", original.id().toString(),
            "reversal", reversal.id().toString(),
            "voucherStatus", original.status().name()));
  }

  /** A date as the request writes it ({@code yyyy-MM-dd}), within anchor-web's TimeRules. */
  private static LocalDate parseDate(String text, String field) {
    LocalDate date;
    try {
      date = LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(field, "must be a date, yyyy-MM-dd");
    }
    return TimeRules.require(date, field);
  }

  // ---- reads

  /** A voucher the caller may read (404 unknown-voucher, 403 foreign-unit). */
  Mono<Map<String, Object>> find(UUID id, Caller caller) {
    return readable(id, caller)
        .flatMap(
            found ->
                vouchers
                    .reversalOf(id)
                    .filter(Voucher::posted)
                    .map(Voucher::id)
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .map(
                        reversedBy ->
                            found
                                .voucher()
                                .toData(found.unit().creditCode(), reversedBy.orElse(null))));
  }

  /** The voucher and its unit, if the caller may read the unit's books. */
  Mono<UnitVoucher> readable(UUID id, Caller caller) {
    return vouchers
        .findById(id)
        .switchIfEmpty(Mono.error(() -> unknownVoucher(id)))
        .flatMap(v -> units.readable(v.unitId(), caller).map(unit -> new UnitVoucher(unit, v)));
  }

  /** A unit's vouchers, paged. */
  Mono<Page<Map<String, Object>>> list(
      UUID unitId, String period, VoucherStatus status, Caller caller, int page, int size) {
    String periodText = period == null ? null : Period.parse(period, "period").toString();
    String statusText = status == null ? null : status.name();
    return units
        .readable(unitId, caller)
        .flatMap(
            unit ->
                vouchers
                    .count(unitId, periodText, statusText)
                    .zipWith(
                        vouchers
                            .list(unitId, periodText, statusText, page, size)
                            .map(v -> v.toData(unit.creditCode(), null))
                            .collectList())
                    .map(t -> new Page<>(t.getT2(), page, size, t.getT1())));
  }

  /** The unit's vouchers as CSV: one line per voucher line, the voucher's columns repeated. */
  Mono<String> csv(UUID unitId, String period, VoucherStatus status, Caller caller) {
    String periodText = period == null ? null : Period.parse(period, "period").toString();
    String statusText = status == null ? null : status.name();
    return units
        .readable(unitId, caller)
        .flatMap(
            unit ->
                vouchers
                    .list(unitId, periodText, statusText, 0, Integer.MAX_VALUE)
                    .collectList()
                    .map(list -> VoucherCsv.write(list)));
  }

  // ---- helpers

  /** A voucher with its unit. */
  record UnitVoucher(Unit unit, Voucher voucher) {}

  /** The voucher locked, if the caller is a clerk of its unit. */
  private Mono<UnitVoucher> lockOwn(UUID id, Caller caller) {
    return vouchers
        .lock(id)
        .switchIfEmpty(Mono.error(() -> unknownVoucher(id)))
        .flatMap(v -> units.ownUnit(v.unitId(), caller).map(unit -> new UnitVoucher(unit, v)));
  }

  private Mono<Void> record(Voucher v, Unit unit, String event, Instant at) {
    return log.append(
            "accounting.voucher." + event,
            v.id().toString(),
            v.version(),
            at,
            v.toLogData(unit.creditCode(), references))
        .then();
  }

  private static void requireStatus(Voucher v, VoucherStatus expected, String action) {
    if (v.status() != expected) {
      throw illegalState(v, action, "it must be " + expected);
    }
  }

  private static ProblemException illegalState(Voucher v, String action, String why) {
    return new ProblemException(
        AccountingProblem.ILLEGAL_VOUCHER_STATE,
        "a " + v.status() + " voucher cannot " + action + ": " + why,
        Map.of("voucherId", v.id().toString(), "voucherStatus", v.status().name()));
  }

  static ProblemException unknownVoucher(UUID id) {
    return new ProblemException(
        AccountingProblem.UNKNOWN_VOUCHER,
        "no voucher has the id " + id,
        Map.of("voucherId", id.toString()));
  }
}
